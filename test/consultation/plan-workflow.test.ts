import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../support/app.js';
import { auditOf, consultWorld, draftPlan, eventsOf, issuedPlan, ITEMS, move } from './support.js';

describe('consultation plan: the approval path through the routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('草案 → 主席会议审议 → 党委常委会确定 (date, number) → 印发, each move with its audit, event and history rows', async () => {
    const w = await consultWorld(app);
    const created = await w.office.request({ method: 'POST', url: '/api/consultation/plans', payload: { year: 2026 } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ year: 2026, version: 1, state: 'draft', stateLabel: '草案', abilities: ['submit_review'], canEditItems: true, items: [] });

    // An empty draft cannot go to review.
    const empty = await move(w.office, id, 'submit-review');
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('consultation.plan_empty');

    for (const item of ITEMS) expect((await w.office.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: item })).statusCode).toBe(201);
    const draft = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).json();
    expect(draft.items.map((i: { title: string }) => i.title)).toEqual(ITEMS.map((i) => i.title));
    expect(draft.items[1]).toMatchObject({ supervisory: true, month: 8, form: '常委会议专题议政' });
    expect(draft.items[0]).toMatchObject({ leaders: ['王副主席'], units: ['市发展改革委', '市工商联'] });

    const reviewed = await move(w.office, id, 'submit-review', { note: '提请主席会议审议' });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ state: 'chair_review', abilities: ['decide', 'send_back'], canEditItems: false });
    // Items are frozen once the plan has left the draft.
    const late = await w.office.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: ITEMS[0] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('consultation.plan_not_draft');
    const lateEdit = await w.office.request({ method: 'PATCH', url: `/api/consultation/plan-items/${draft.items[0].id}`, payload: { month: 9 } });
    expect(lateEdit.statusCode).toBe(409);

    // Issuing before the decision is the wrong state.
    const early = await move(w.office, id, 'issue', { issuedOn: '2026-01-25' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'consultation.invalid_transition', message: '当前状态为“主席会议审议”，不能印发' });

    const decided = await move(w.office, id, 'decide', { decidedOn: '2026-01-20', docNo: '定市委办发〔2026〕3号' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'decided', decidedOn: '2026-01-20', decisionDocNo: '定市委办发〔2026〕3号' });
    const issued = await move(w.office, id, 'issue', { issuedOn: '2026-01-25', docNo: '定政协发〔2026〕5号' });
    expect(issued.json()).toMatchObject({ state: 'issued', issuedOn: '2026-01-25', issuedDocNo: '定政协发〔2026〕5号', abilities: ['adjust'] });
    expect(issued.json().history.map((h: { action: string; toState: string }) => `${h.action}:${h.toState}`))
      .toEqual(['create:draft', 'submit_review:chair_review', 'decide:decided', 'issue:issued']);
    expect(issued.json().history[2]).toMatchObject({ onDate: '2026-01-20', docNo: '定市委办发〔2026〕3号', actionLabel: '党委常委会确定' });

    const audit = await auditOf(w.db, w.committeeId, id);
    expect(audit.map((a) => a.action)).toEqual([
      'consultation_plan.create', 'consultation_plan.submit_review', 'consultation_plan.decide', 'consultation_plan.issue',
    ]);
    expect(audit[2]).toMatchObject({ before: { state: 'chair_review' }, after: { state: 'decided', decidedOn: '2026-01-20', docNo: '定市委办发〔2026〕3号' } });
    const events = await eventsOf(w.db, w.committeeId, id);
    expect(events.map((e) => e.type)).toEqual([
      'consultation.plan_created', 'consultation.plan_submitted_for_review', 'consultation.plan_decided', 'consultation.plan_issued',
    ]);
    expect(events[3].payload).toMatchObject({ action: 'issue', from: 'decided', to: 'issued', planId: id, year: 2026, version: 1 });
  });

  it('退回修改 from the decision clears it; the plan is a draft again and can be edited', async () => {
    const w = await consultWorld(app);
    const id = await draftPlan(w.office);
    await move(w.office, id, 'submit-review');
    await move(w.office, id, 'decide', { decidedOn: '2026-01-20', docNo: '定市委办发〔2026〕3号' });
    const back = await move(w.office, id, 'send-back', { reason: '请补充监督性议题' });
    expect(back.json()).toMatchObject({ state: 'draft', decidedOn: null, decisionDocNo: null, canEditItems: true });
    expect(back.json().history.at(-1)).toMatchObject({ action: 'send_back', fromState: 'decided', toState: 'draft', note: '请补充监督性议题' });
    const item = back.json().items[2];
    const edited = await w.office.request({ method: 'PATCH', url: `/api/consultation/plan-items/${item.id}`, payload: { supervisory: true, month: null } });
    expect(edited.statusCode).toBe(200);
    const removed = await w.office.request({ method: 'DELETE', url: `/api/consultation/plan-items/${back.json().items[0].id}` });
    expect(removed.statusCode).toBe(200);
    const after = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).json();
    expect(after.items).toHaveLength(2);
    expect(after.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ supervisory: true, month: null });
  });

  it('调整: a new version takes the same path; issuing it supersedes the old one and the history keeps both', async () => {
    const w = await consultWorld(app);
    const v1 = await issuedPlan(w.office);
    const adjusted = await move(w.office, v1, 'adjust', { reason: '增加一项对口协商' });
    expect(adjusted.statusCode).toBe(200);
    const v2 = adjusted.json().id as string;
    expect(v2).not.toBe(v1);
    expect(adjusted.json()).toMatchObject({ version: 2, state: 'draft', previousId: v1, adjustReason: '增加一项对口协商' });
    expect(adjusted.json().items).toHaveLength(ITEMS.length);
    // One adjustment at a time; the issued version is still in force meanwhile.
    const again = await move(w.office, v1, 'adjust', { reason: '再调整' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('consultation.adjusting');
    expect((await w.member.request({ method: 'GET', url: `/api/consultation/plans/${v1}` })).json().state).toBe('issued');

    await w.office.request({ method: 'POST', url: `/api/consultation/plans/${v2}/items`, payload: { title: '推动中医药产业高质量发展', form: '对口协商', lead: '教科卫体委员会', month: 10 } });
    await move(w.office, v2, 'submit-review');
    await move(w.office, v2, 'decide', { decidedOn: '2026-06-10', docNo: '定市委办发〔2026〕21号' });
    const issued = await move(w.office, v2, 'issue', { issuedOn: '2026-06-15' });
    expect(issued.json()).toMatchObject({ state: 'issued', version: 2 });
    expect(issued.json().versions.map((v: { version: number; state: string }) => `${v.version}:${v.state}`)).toEqual(['1:superseded', '2:issued']);
    expect(issued.json().history.map((h: { version: number; action: string }) => `${h.version}:${h.action}`)).toEqual([
      '1:create', '1:submit_review', '1:decide', '1:issue', '1:adjust', '2:create', '2:submit_review', '2:decide', '1:supersede', '2:issue',
    ]);

    const old = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${v1}` })).json();
    expect(old).toMatchObject({ state: 'superseded', abilities: [], items: expect.any(Array) });
    expect(old.items).toHaveLength(ITEMS.length);
    expect((await auditOf(w.db, w.committeeId, v1)).map((a) => a.action).slice(-2)).toEqual(['consultation_plan.adjust', 'consultation_plan.supersede']);
    expect((await eventsOf(w.db, w.committeeId, v1)).at(-1)).toMatchObject({ type: 'consultation.plan_superseded', payload: { from: 'issued', to: 'superseded' } });
    // A superseded version cannot be adjusted or issued again.
    expect((await move(w.office, v1, 'adjust', { reason: '再调整' })).statusCode).toBe(409);
  });

  it('a member editing the plan gets 403, a leader reads it but may not move it; members see only issued plans', async () => {
    const w = await consultWorld(app);
    const id = await draftPlan(w.office);
    const itemId = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).json().items[0].id;
    for (const req of [
      { method: 'POST' as const, url: `/api/consultation/plans/${id}/items`, payload: ITEMS[0] },
      { method: 'PATCH' as const, url: `/api/consultation/plan-items/${itemId}`, payload: { month: 3 } },
      { method: 'DELETE' as const, url: `/api/consultation/plan-items/${itemId}` },
      { method: 'POST' as const, url: `/api/consultation/plans/${id}/submit-review`, payload: {} },
      { method: 'POST' as const, url: '/api/consultation/plans', payload: { year: 2027 } },
    ]) {
      const res = await w.member.request(req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      expect((await w.leader.request(req)).statusCode).toBe(403);
      // Staff of another office are not the plan's office either.
      expect((await w.infoStaff.request(req)).statusCode).toBe(403);
    }
    expect((await w.member.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).statusCode).toBe(404);
    expect((await w.member.request({ method: 'GET', url: '/api/consultation/plans?year=2026' })).json()).toEqual([]);
    const leaderView = await w.leader.request({ method: 'GET', url: `/api/consultation/plans/${id}` });
    expect(leaderView.json()).toMatchObject({ state: 'draft', abilities: [], canEditItems: false });
    await move(w.office, id, 'submit-review');
    await move(w.office, id, 'decide', { decidedOn: '2026-01-20', docNo: '定市委办发〔2026〕3号' });
    await move(w.office, id, 'issue', { issuedOn: '2026-01-25' });
    const memberView = await w.member.request({ method: 'GET', url: `/api/consultation/plans/${id}` });
    expect(memberView.json()).toMatchObject({ state: 'issued', abilities: [], canEditItems: false });
  });

  it("another committee's plan and item are 404 for its office, whatever the move", async () => {
    const home = await consultWorld(app);
    const other = await consultWorld(app);
    const id = await draftPlan(other.office);
    const itemId = (await other.office.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).json().items[0].id;
    for (const req of [
      { method: 'GET' as const, url: `/api/consultation/plans/${id}` },
      { method: 'GET' as const, url: `/api/consultation/plans/${id}/docx` },
      { method: 'POST' as const, url: `/api/consultation/plans/${id}/items`, payload: ITEMS[0] },
      { method: 'POST' as const, url: `/api/consultation/plans/${id}/submit-review`, payload: {} },
      { method: 'PATCH' as const, url: `/api/consultation/plan-items/${itemId}`, payload: { month: 3 } },
      { method: 'DELETE' as const, url: `/api/consultation/plan-items/${itemId}` },
    ]) {
      const res = await home.office.request(req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json().error.code).toMatch(/^consultation\.(plan|item)_not_found$/);
    }
    // Addressing the other committee itself is 404 too.
    expect((await home.office.request({ method: 'GET', url: '/api/consultation/plans?year=2026', committeeId: other.committeeId })).statusCode).toBe(404);
    expect((await other.office.request({ method: 'GET', url: `/api/consultation/plans/${id}` })).json().state).toBe('draft');
  });

  it('bad input is a 4xx in the caller’s language', async () => {
    const w = await consultWorld(app);
    const id = await draftPlan(w.office);
    const en = { 'accept-language': 'en' };
    const form = await w.office.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: { ...ITEMS[0], form: '茶话会' } });
    expect(form.statusCode).toBe(400);
    expect(form.json().error).toMatchObject({ code: 'consultation.form_unknown', message: '“茶话会”不是本会设置的协商形式' });
    const formEn = await w.office.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: { ...ITEMS[0], form: '茶话会' }, headers: en });
    expect(formEn.json().error.message).toBe('"茶话会" is not one of the committee\'s consultation forms');
    const month = await w.office.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: { ...ITEMS[0], month: 13 }, headers: en });
    expect(month.statusCode).toBe(400);
    expect(month.json().error.code).toBe('request.invalid');
    const dup = await w.office.request({ method: 'POST', url: '/api/consultation/plans', payload: { year: 2026 } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('2026年度协商计划已存在');
    await move(w.office, id, 'submit-review');
    const noDoc = await move(w.office, id, 'decide', { decidedOn: '2026-01-20' });
    expect(noDoc.statusCode).toBe(400);
    const badDate = await move(w.office, id, 'decide', { decidedOn: '2026-02-30', docNo: '定市委办发〔2026〕3号' }, en);
    expect(badDate.statusCode).toBe(400);
    const future = await move(w.office, id, 'decide', { decidedOn: '2099-01-01', docNo: '定市委办发〔2026〕3号' }, en);
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'consultation.date_invalid', message: 'The date cannot be in the future' });
    const wrongState = await move(w.office, id, 'adjust', { reason: '调整一下' }, en);
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error.message).toBe('It is under review by the chair council now, so "adjust" is not possible');
    const lead = await w.office.request({ method: 'PATCH', url: `/api/consultation/plan-items/00000000-0000-4000-8000-000000000009`, payload: { month: 3 } });
    expect(lead.statusCode).toBe(404);
    const notUuid = await w.office.request({ method: 'GET', url: '/api/consultation/plans/abc' });
    expect(notUuid.statusCode).toBe(400);
  });

  it('the API docs describe the consultation routes (the zod schemas convert)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/consultation/plans/{id}/decide', '/api/consultation/topics/{id}/accept', '/api/figures/consultation/plan-items']));
  });
});
