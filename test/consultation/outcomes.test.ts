import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createUnit } from '../../src/modules/org/index.js';
import { sendFeedbackReminders } from '../../src/modules/consultation/reminders.js';
import { loginAs, testApp } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { auditOf, consultWorld, eventsOf, issuedPlan, type World } from './support.js';

const system = { userId: null, label: 'test' };
/** The visible text of a .docx (runs joined per paragraph). */
const docText = async (buf: Buffer) => {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
};

/** An issued plan, a meeting of its first item held and closed with minutes, two units each with a clerk. */
async function heldMeeting(app: FastifyInstance, w: World) {
  const planId = await issuedPlan(w.office);
  const itemId = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${planId}` })).json().items[0].id as string;
  const m = (await w.office.request({ method: 'POST', url: `/api/consultation/plan-items/${itemId}/meetings`, payload: { startsAt: '2026-05-20T09:00:00+08:00', place: '会议室', memberIds: w.memberIds } })).json();
  for (const step of ['notify', 'hold']) expect((await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/${step}` })).statusCode).toBe(200);
  const units = [await createUnit(w.db, system, w.committeeId, { name: '市发展改革委' }), await createUnit(w.db, system, w.committeeId, { name: '市工商联' })];
  const clerks = [];
  for (const unitId of units) clerks.push(await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'unit_clerk', unitId }])).username));
  return { itemId, meetingId: m.id as string, units, clerks };
}

describe('consultation outcomes: numbered documents, 报送, 批示, 转办, feedback, adoption tracked to the year', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('a 协商专报 goes from draft to concluded; results only once sent; a clerk sees only what was referred to its unit', async () => {
    const w = await consultWorld(app);
    const { itemId, meetingId, units, clerks } = await heldMeeting(app, w);
    const post = (url: string, payload: object = {}) => w.office.request({ method: 'POST', url, payload });

    const a = await post('/api/consultation/outcomes', { kind: 'report', meetingId, title: '关于促进民营经济高质量发展的协商专报', recommendations: ['设立民营企业应急转贷资金池', '清理拖欠民营企业账款', '优化涉企执法检查'] });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'report', year: 2026, number: 1, label: '协商专报2026年第1期', state: 'draft', planItemId: itemId, abilities: ['send'] });
    const b = await post('/api/consultation/outcomes', { kind: 'report', planItemId: itemId, title: '关于民营企业融资问题的补充报告', recommendations: ['扩大政府性融资担保'] });
    expect(b.json().number).toBe(2);
    const ref = await post('/api/consultation/outcomes', { kind: 'reference', meetingId, title: '委员发言摘编' });
    expect(ref.json()).toMatchObject({ number: 1, label: '参阅件2026年第1期' });
    // Numbers stay distinct when drafts are made at the same time.
    const together = await Promise.all([1, 2, 3, 4].map((n) => post('/api/consultation/outcomes', { kind: 'proposal', planItemId: itemId, title: `同时起草的建议案${n}` })));
    expect(together.map((r) => r.json().number).sort()).toEqual([1, 2, 3, 4]);

    const id = a.json().id as string;
    const recs = a.json().recommendations as { id: string; seq: number }[];
    expect(recs.map((r) => r.seq)).toEqual([1, 2, 3]);

    // An adoption result on a recommendation never sent is refused.
    const early = await post(`/api/consultation/recommendations/${recs[0].id}/result`, { result: 'adopted', evidence: '市政府函', onDate: '2026-06-01' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'consultation.not_sent', message: '该建议所在的协商成果尚未报送，不能登记采纳结果' });
    // A document without recommendations is not sent; one with them is.
    expect((await post(`/api/consultation/outcomes/${ref.json().id}/send`, { to: ['government'], sentOn: '2026-05-25' })).json().error.code).toBe('consultation.no_recommendations');
    const sent = await post(`/api/consultation/outcomes/${id}/send`, { to: ['party_committee', 'government'], sentOn: '2026-05-25' });
    expect(sent.json()).toMatchObject({ state: 'sent', sentOn: '2026-05-25', sentToLabels: ['党委', '政府'], canEdit: false });
    expect((await w.office.request({ method: 'PATCH', url: `/api/consultation/outcomes/${id}`, payload: { title: '改过的标题不允许' } })).statusCode).toBe(409);

    const instructed = await post(`/api/consultation/outcomes/${id}/instructions`, { leader: '市委书记', onDate: '2026-05-28', text: '请市发展改革委牵头研究落实' });
    expect(instructed.json()).toMatchObject({ state: 'sent', instructions: [{ leader: '市委书记', onDate: '2026-05-28' }] });

    // The clerk sees nothing before the referral.
    expect((await clerks[0].request({ method: 'GET', url: `/api/consultation/outcomes/${id}` })).statusCode).toBe(404);
    const referred = await post(`/api/consultation/outcomes/${id}/refer`, { unitIds: units, deadline: '2026-07-31', referredOn: '2026-05-29' });
    expect(referred.json()).toMatchObject({ state: 'referred', referrals: [{ unitName: '市发展改革委' }, { unitName: '市工商联' }] });
    const { rows: told } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where committee_id = ${w.committeeId} and kind = 'consultation.referred'`);
    expect(told[0].n).toBe(2);

    const seen = (await clerks[0].request({ method: 'GET', url: `/api/consultation/outcomes/${id}` })).json();
    expect(seen.referrals.map((r: { unitName: string }) => r.unitName)).toEqual(['市发展改革委']);
    expect(seen).toMatchObject({ instructions: [], abilities: ['feedback'] });
    expect((await clerks[0].request({ method: 'GET', url: `/api/consultation/outcomes?year=2026` })).json().map((o: { id: string }) => o.id)).toEqual([id]);
    // Not another unit's referral, not a document not referred to its unit, and no office work.
    const other = referred.json().referrals[1].id as string;
    expect((await clerks[0].request({ method: 'POST', url: `/api/consultation/referrals/${other}/feedback`, payload: { text: '替别的单位反馈' } })).statusCode).toBe(404);
    expect((await clerks[0].request({ method: 'GET', url: `/api/consultation/outcomes/${b.json().id}` })).statusCode).toBe(404);
    expect((await clerks[0].request({ method: 'POST', url: `/api/consultation/outcomes/${id}/conclude` })).statusCode).toBe(403);
    expect((await clerks[0].request({ method: 'GET', url: `/api/consultation/meetings/${meetingId}` })).statusCode).toBe(404);
    // A member may not record anything here.
    expect((await w.member.request({ method: 'POST', url: `/api/consultation/recommendations/${recs[0].id}/result`, payload: { result: 'adopted', evidence: '自己登记', onDate: '2026-06-01' } })).statusCode).toBe(403);

    const mine = seen.referrals[0].id as string;
    const first = await clerks[0].request({ method: 'POST', url: `/api/consultation/referrals/${mine}/feedback`, payload: { text: '已将建议纳入年度工作要点，正在推进。' } });
    expect(first.json()).toMatchObject({ state: 'referred', abilities: [] });
    expect((await clerks[0].request({ method: 'POST', url: `/api/consultation/referrals/${mine}/feedback`, payload: { text: '再次反馈' } })).statusCode).toBe(403);
    const last = await clerks[1].request({ method: 'POST', url: `/api/consultation/referrals/${other}/feedback`, payload: { text: '已会同有关部门制定清欠方案。' } });
    expect(last.json()).toMatchObject({ state: 'answered', stateLabel: '已反馈' });

    for (const [rec, result] of [[recs[0], 'adopted'], [recs[1], 'implemented'], [recs[2], 'in_progress']] as const) {
      const r = await post(`/api/consultation/recommendations/${rec.id}/result`, { result, evidence: '市政府办公室函〔2026〕12号', onDate: '2026-07-10' });
      expect(r.statusCode).toBe(200);
    }
    const bad = await post(`/api/consultation/recommendations/${recs[0].id}/result`, { result: 'maybe', evidence: 'x', onDate: '2026-07-10' });
    expect(bad.statusCode).toBe(400);

    // Progress and the year's list come from these records.
    const progress = (await w.leader.request({ method: 'GET', url: '/api/consultation/progress?year=2026' })).json();
    expect(progress.items[0]).toMatchObject({ title: '促进民营经济高质量发展', meetings: 1, held: 1, outcomes: 7, sent: 1, recsSent: 3, final: 2, adopted: 3, implemented: 1, percent: 80 });
    expect(progress.items[1]).toMatchObject({ meetings: 0, percent: 0 });
    const follow = (await w.leader.request({ method: 'GET', url: '/api/consultation/follow-up?year=2026' })).json();
    expect(follow.map((f: { seq: number; resultLabel: string; open: boolean }) => [f.seq, f.resultLabel, f.open])).toEqual([[1, '采纳', false], [2, '已落实', false], [3, '落实中', true]]);
    expect(follow[0].units).toEqual([{ name: '市发展改革委', deadline: '2026-07-31', answered: true }, { name: '市工商联', deadline: '2026-07-31', answered: true }]);
    await post(`/api/consultation/recommendations/${recs[2].id}/result`, { result: 'implemented', evidence: '验收报告', onDate: '2026-07-20' });
    expect((await w.leader.request({ method: 'GET', url: '/api/consultation/progress?year=2026' })).json().items[0].percent).toBe(100);

    const figures = (await w.leader.request({ method: 'GET', url: '/api/figures/consultation/consultation?scope=self&year=2026' })).json();
    expect(figures).toMatchObject({
      meetings: { total: 1, held: 1, byForm: [{ form: '专题协商会', meetings: 1, held: 1 }] },
      recommendations: { total: 4, sent: 3, adopted: 3, implemented: 2 }, instructions: { n: 1, documents: 1 },
    });

    expect((await post(`/api/consultation/outcomes/${id}/conclude`)).json().state).toBe('concluded');
    expect((await auditOf(w.db, w.committeeId, id)).map((x) => x.action)).toEqual([
      'consultation_outcome.create', 'consultation_outcome.send', 'consultation_outcome.instruct', 'consultation_outcome.refer',
      'consultation_outcome.feedback', 'consultation_outcome.feedback', 'consultation_outcome.conclude',
    ]);
    expect((await eventsOf(w.db, w.committeeId, id)).map((e) => e.type)).toContain('consultation.outcome_result_recorded');

    // Word papers: the 协商专报 (the referred unit's clerk may read it), the year's list, the meeting notice.
    const paper = await clerks[0].request({ method: 'GET', url: `/api/consultation/outcomes/${id}/docx` });
    expect(paper.statusCode).toBe(200);
    const xml = await docText(paper.rawPayload);
    for (const s of ['协商专报', '2026年第1期', '关于促进民营经济高质量发展的协商专报', '意见建议', '（一）设立民营企业应急转贷资金池', '（三）优化涉企执法检查', '报：市委、市政府', '2026年5月25日']) expect(xml).toContain(s);
    const list = await docText((await w.leader.request({ method: 'GET', url: '/api/consultation/outcomes.docx?year=2026' })).rawPayload);
    expect(list).toContain('报送协商成果1件，建议3条，采纳3条，已落实2条');
    expect(list).toContain('1．设立民营企业应急转贷资金池——采纳（市政府办公室函〔2026〕12号）；承办：市发展改革委已反馈、市工商联已反馈');
    expect((await clerks[0].request({ method: 'GET', url: `/api/consultation/meetings/${meetingId}/notice.docx` })).statusCode).toBe(404);
    const notice = await docText((await w.member.request({ method: 'GET', url: `/api/consultation/meetings/${meetingId}/notice.docx` })).rawPayload);
    expect(notice).toContain('关于召开“促进民营经济高质量发展”专题协商会的通知');
    expect(notice).toContain('受邀委员2人');
    expect((await w.leader.request({ method: 'GET', url: `/api/consultation/meetings/${meetingId}/minutes.docx` })).statusCode).toBe(200);
  });

  it('the figure over scope=tree adds the committees below; scope=self only the one addressed', async () => {
    const city = await consultWorld(app);
    const county = await consultWorld(app, { parentCode: city.committee.code, level: 'county' });
    for (const w of [city, county]) await heldMeeting(app, w);
    const fig = async (scope: string) => (await city.leader.request({ method: 'GET', url: `/api/figures/consultation/consultation?scope=${scope}&year=2026` })).json();
    expect((await fig('self')).meetings).toMatchObject({ total: 1, held: 1 });
    expect(await fig('tree')).toMatchObject({ committees: 2, meetings: { total: 2, held: 2 } });
    // From the county, the tree is the county alone (never up).
    expect((await (await county.leader.request({ method: 'GET', url: '/api/figures/consultation/consultation?scope=tree&year=2026' })).json()).meetings.total).toBe(1);
  });

  it('feedback deadlines are reminded before and after, each step once', async () => {
    const w = await consultWorld(app);
    const { meetingId, units } = await heldMeeting(app, w);
    const o = (await w.office.request({ method: 'POST', url: '/api/consultation/outcomes', payload: { kind: 'proposal', meetingId, title: '关于和美乡村建设的建议案', recommendations: ['推进农村人居环境整治'] } })).json();
    await w.office.request({ method: 'POST', url: `/api/consultation/outcomes/${o.id}/send`, payload: { to: ['government'], sentOn: '2026-05-25' } });
    await w.office.request({ method: 'POST', url: `/api/consultation/outcomes/${o.id}/refer`, payload: { unitIds: [units[0]], deadline: '2026-08-10', referredOn: '2026-05-26' } });
    const count = async () => (await w.db.execute<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from notifications
      where committee_id = ${w.committeeId} and kind like 'consultation.feedback_%' group by 1 order by 1`)).rows;
    await sendFeedbackReminders(w.db, '2026-07-01');
    expect(await count()).toEqual([]);
    await sendFeedbackReminders(w.db, '2026-08-03');
    await sendFeedbackReminders(w.db, '2026-08-03');
    expect(await count()).toEqual([{ kind: 'consultation.feedback_due', n: 1 }]);
    await sendFeedbackReminders(w.db, '2026-08-11');
    await sendFeedbackReminders(w.db, '2026-08-12');
    expect(await count()).toEqual([{ kind: 'consultation.feedback_due', n: 1 }, { kind: 'consultation.feedback_overdue', n: 1 }]);
  });
});
