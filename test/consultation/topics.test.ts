import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../support/app.js';
import { auditOf, consultWorld, draftPlan, eventsOf, issuedPlan } from './support.js';

const TOPIC = { year: 2026, title: '推动中医药产业高质量发展', description: '建议围绕道地药材标准化种植、精深加工开展专题协商。' };

describe('consultation topics (议题征集)', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('a member proposes a topic; the office accepts it into the draft plan as an item, with audit and event rows', async () => {
    const w = await consultWorld(app);
    const res = await w.member.request({ method: 'POST', url: '/api/consultation/topics', payload: TOPIC });
    expect(res.statusCode).toBe(201);
    const topicId = res.json().id as string;

    const mine = (await w.member.request({ method: 'GET', url: '/api/consultation/topics?year=2026' })).json();
    expect(mine).toEqual([expect.objectContaining({ id: topicId, sourceKind: 'member', memberName: '张明', state: 'submitted', stateLabel: '已提出', abilities: [] })]);
    // Another member does not see it; the office sees it with what it may do.
    expect((await w.member2.request({ method: 'GET', url: '/api/consultation/topics?year=2026' })).json()).toEqual([]);
    const office = (await w.office.request({ method: 'GET', url: '/api/consultation/topics?year=2026&state=submitted' })).json();
    expect(office).toEqual([expect.objectContaining({ id: topicId, abilities: ['accept', 'decline'] })]);

    const planId = await draftPlan(w.office, 2026, []);
    // A member may not take topics into the plan.
    const forbidden = await w.member.request({ method: 'POST', url: `/api/consultation/topics/${topicId}/accept`, payload: { planId, form: '对口协商', lead: '教科卫体委员会' } });
    expect(forbidden.statusCode).toBe(403);

    const accepted = await w.office.request({
      method: 'POST', url: `/api/consultation/topics/${topicId}/accept`,
      payload: { planId, form: '对口协商', lead: '教科卫体委员会', month: 9, supervisory: true },
    });
    expect(accepted.statusCode).toBe(200);
    const itemId = accepted.json().itemId as string;
    const plan = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${planId}` })).json();
    expect(plan.items).toEqual([expect.objectContaining({ id: itemId, topicId, title: TOPIC.title, form: '对口协商', month: 9, supervisory: true })]);
    const topic = (await w.office.request({ method: 'GET', url: '/api/consultation/topics?year=2026' })).json()[0];
    expect(topic).toMatchObject({ state: 'accepted', planItemId: itemId, abilities: [] });

    expect((await auditOf(w.db, w.committeeId, topicId)).map((a) => a.action)).toEqual(['consultation_topic.submit', 'consultation_topic.accept']);
    expect((await auditOf(w.db, w.committeeId, itemId)).map((a) => a.action)).toEqual(['consultation_plan.item_added']);
    const events = await eventsOf(w.db, w.committeeId, topicId);
    expect(events.map((e) => e.type)).toEqual(['consultation.topic_submitted', 'consultation.topic_accepted']);
    expect(events[1].payload).toMatchObject({ from: 'submitted', to: 'accepted', planId, planItemId: itemId, memberId: w.memberIds[0] });

    const twice = await w.office.request({ method: 'POST', url: `/api/consultation/topics/${topicId}/accept`, payload: { planId, form: '对口协商', lead: '教科卫体委员会' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('当前状态为“已列入计划”，不能列入计划');

    // Taking the item out of the draft puts the topic back among the open ones, in the same transaction.
    expect((await w.office.request({ method: 'DELETE', url: `/api/consultation/plan-items/${itemId}` })).statusCode).toBe(200);
    const reopened = (await w.office.request({ method: 'GET', url: '/api/consultation/topics?year=2026' })).json()[0];
    expect(reopened).toMatchObject({ id: topicId, state: 'submitted', planItemId: null, abilities: ['accept', 'decline'] });
    expect((await auditOf(w.db, w.committeeId, topicId)).map((a) => a.action).at(-1)).toBe('consultation_topic.reopen');
    expect((await eventsOf(w.db, w.committeeId, topicId)).at(-1)).toMatchObject({ type: 'consultation.topic_reopened', payload: { from: 'accepted', to: 'submitted', removedItemId: itemId } });
  });

  it('the office declines with a reason, records topics for bodies, and cannot accept into a plan that has left the draft or is of another year', async () => {
    const w = await consultWorld(app);
    const a = (await w.member.request({ method: 'POST', url: '/api/consultation/topics', payload: TOPIC })).json().id;
    const declined = await w.office.request({ method: 'POST', url: `/api/consultation/topics/${a}/decline`, payload: { reason: '已列入提案办理协商' } });
    expect(declined.statusCode).toBe(200);
    expect((await w.member.request({ method: 'GET', url: '/api/consultation/topics' })).json()[0]).toMatchObject({ state: 'declined', declineReason: '已列入提案办理协商' });

    const gov = await w.office.request({ method: 'POST', url: '/api/consultation/topics', payload: { ...TOPIC, title: '打好新型工业化攻坚战', sourceKind: 'government', sourceName: '市人民政府' } });
    expect(gov.statusCode).toBe(201);
    const noName = await w.office.request({ method: 'POST', url: '/api/consultation/topics', payload: { ...TOPIC, sourceKind: 'party_committee' }, headers: { 'accept-language': 'en' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error).toMatchObject({ code: 'consultation.source_name_required', message: 'Name the body that proposes the topic' });
    // A member proposes in their own name only; the office account has no member to propose as.
    expect((await w.member.request({ method: 'POST', url: '/api/consultation/topics', payload: { ...TOPIC, sourceKind: 'government', sourceName: '市人民政府' } })).statusCode).toBe(403);
    const asMember = await w.office.request({ method: 'POST', url: '/api/consultation/topics', payload: TOPIC });
    expect(asMember.statusCode).toBe(400);
    expect(asMember.json().error.code).toBe('consultation.member_required');
    // Leaders may read topics, not propose them.
    expect((await w.leader.request({ method: 'POST', url: '/api/consultation/topics', payload: TOPIC })).statusCode).toBe(403);

    const issued = await issuedPlan(w.office, 2026);
    const intoIssued = await w.office.request({ method: 'POST', url: `/api/consultation/topics/${gov.json().id}/accept`, payload: { planId: issued, form: '专题协商会', lead: '经济委员会' } });
    expect(intoIssued.statusCode).toBe(409);
    expect(intoIssued.json().error.code).toBe('consultation.plan_not_draft');
    const plan2027 = await draftPlan(w.office, 2027, []);
    const wrongYear = await w.office.request({ method: 'POST', url: `/api/consultation/topics/${gov.json().id}/accept`, payload: { planId: plan2027, form: '专题协商会', lead: '经济委员会' } });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.message).toBe('议题属于2026年，计划是2027年度的');
    // Nothing was half-done: the topic is still open.
    expect((await w.office.request({ method: 'GET', url: '/api/consultation/topics?state=submitted' })).json().map((t: { id: string }) => t.id)).toEqual([gov.json().id]);

    const other = await consultWorld(app);
    expect((await other.office.request({ method: 'POST', url: `/api/consultation/topics/${gov.json().id}/decline`, payload: { reason: '不属于本会' } })).statusCode).toBe(404);
  });
});
