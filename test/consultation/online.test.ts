import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../support/app.js';
import { consultWorld, issuedPlan } from './support.js';

describe('网络议政: a topic for chosen members in a window, moderated, carried into an outcome document', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('only the chosen members post, only inside the window; published opinions become recommendations of a draft', async () => {
    const w = await consultWorld(app);
    const hour = 3600_000;
    const open = await w.office.request({ method: 'POST', url: '/api/consultation/online-topics', payload: {
      title: '城区停车难问题网络议政', opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 48 * hour).toISOString(), memberIds: [w.memberIds[0]],
    } });
    expect(open.statusCode).toBe(201);
    const id = open.json().id as string;
    const later = (await w.office.request({ method: 'POST', url: '/api/consultation/online-topics', payload: {
      title: '尚未开始的网络议政', opensAt: new Date(Date.now() + 24 * hour).toISOString(), closesAt: new Date(Date.now() + 48 * hour).toISOString(), memberIds: [w.memberIds[0]],
    } })).json().id as string;

    // Not chosen: 404; chosen but before the window: 409 in the user's language.
    expect((await w.member2.request({ method: 'POST', url: `/api/consultation/online-topics/${id}/opinions`, payload: { body: '我也想发表意见' } })).statusCode).toBe(404);
    expect((await w.member2.request({ method: 'GET', url: `/api/consultation/online-topics/${id}` })).statusCode).toBe(404);
    const early = await w.member.request({ method: 'POST', url: `/api/consultation/online-topics/${later}/opinions`, payload: { body: '提前发表的意见' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^不在议政时间内/);

    for (const body of ['建议利用闲置地块建设立体停车场', '与本议题无关的内容']) {
      expect((await w.member.request({ method: 'POST', url: `/api/consultation/online-topics/${id}/opinions`, payload: { body } })).statusCode).toBe(201);
    }
    const staffView = (await w.office.request({ method: 'GET', url: `/api/consultation/online-topics/${id}` })).json();
    const [good, off] = staffView.opinions as { id: string }[];
    expect((await w.member.request({ method: 'POST', url: `/api/consultation/opinions/${good.id}/moderate`, payload: { status: 'published' } })).statusCode).toBe(403);
    await w.office.request({ method: 'POST', url: `/api/consultation/opinions/${good.id}/moderate`, payload: { status: 'published' } });
    await w.office.request({ method: 'POST', url: `/api/consultation/opinions/${off.id}/moderate`, payload: { status: 'hidden' } });

    const planId = await issuedPlan(w.office);
    const itemId = (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${planId}` })).json().items[0].id;
    const doc = (await w.office.request({ method: 'POST', url: '/api/consultation/outcomes', payload: { kind: 'reference', planItemId: itemId, title: '委员网络议政意见摘编', recommendations: ['加快智慧停车平台建设'] } })).json();
    const hidden = await w.office.request({ method: 'POST', url: `/api/consultation/online-topics/${id}/carry`, payload: { outcomeId: doc.id, opinionIds: [off.id] } });
    expect(hidden.statusCode).toBe(409);
    expect((await w.office.request({ method: 'POST', url: `/api/consultation/online-topics/${id}/carry`, payload: { outcomeId: doc.id, opinionIds: [good.id] } })).statusCode).toBe(200);
    const after = (await w.office.request({ method: 'GET', url: `/api/consultation/outcomes/${doc.id}` })).json();
    expect(after.recommendations.map((r: { seq: number; body: string }) => [r.seq, r.body])).toEqual([
      [1, '加快智慧停车平台建设'], [2, '建议利用闲置地块建设立体停车场（张明委员网络议政意见）'],
    ]);
    // The member reads the published opinion and their own hidden one.
    expect((await w.member.request({ method: 'GET', url: `/api/consultation/online-topics/${id}` })).json().opinions).toHaveLength(2);
  });
});
