import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { JobEngine } from '../../src/platform/jobs.js';
import { chinaYear } from '../../src/platform/time.js';
import { testApp } from '../support/app.js';
import { deliveriesDone, redeliver, startEngine } from '../support/jobs.js';
import { DEMAND, demandWorld } from '../demands/support.js';

describe('social-info: a demand converted into a 社情民意 item, linked both ways, through the job engine', () => {
  let app: FastifyInstance;
  let engine: JobEngine;
  beforeAll(async () => { app = await testApp(); engine = await startEngine(); });
  afterAll(async () => { await engine?.stop(); await app?.close(); });

  it('the member gets a draft with the matter as its text; the demand records the item; a repeat delivery changes nothing', async () => {
    const w = await demandWorld(app);
    const d = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/assign-member`, payload: { memberId: w.memberIds[0] } });
    const converted = await w.member.request({ method: 'POST', url: `/api/demands/${d.id}/convert`, payload: { target: 'social_info', note: '建议列入年度民生项目' } });
    expect(converted.statusCode).toBe(200);
    await deliveriesDone(w.db, w.committeeId);

    const linked = (await w.office.request({ method: 'GET', url: `/api/demands/${d.id}` })).json();
    expect(linked).toMatchObject({ state: 'converted', convertTarget: 'social_info' });
    const itemId = linked.convertedRef as string;
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);

    const item = (await w.member.request({ method: 'GET', url: `/api/social-info/items/${itemId}` })).json();
    expect(item).toMatchObject({
      state: 'draft', title: DEMAND.matter, body: `${DEMAND.details}\n\n建议列入年度民生项目`, sourceKind: 'member',
      authors: [{ memberId: w.memberIds[0], name: '张明' }], origin: { ref: `demands:demand:${d.id}`, demandId: d.id },
    });
    expect(item.abilities).toMatchObject({ resubmit: true, screen: false });
    // The person's contact never travels into the item.
    expect(JSON.stringify(item)).not.toContain(DEMAND.personPhone);
    // Another member does not see the draft, nor does the info office until the member sends it.
    expect((await w.member2.request({ method: 'GET', url: `/api/social-info/items/${itemId}` })).statusCode).toBe(404);
    expect((await w.infoStaff.request({ method: 'GET', url: `/api/social-info/items/${itemId}` })).statusCode).toBe(404);
    expect((await w.infoStaff.request({ method: 'GET', url: '/api/social-info/items' })).json().items).toEqual([]);
    expect((await w.member.request({ method: 'GET', url: '/api/social-info/items' })).json().items).toEqual([expect.objectContaining({ id: itemId, state: 'draft' })]);
    // Nor is it counted as received in the year's figures.
    const year = chinaYear();
    const before = (await w.leader.request({ method: 'GET', url: `/api/social-info/figures?year=${year}` })).json();
    expect(before.totals.received).toBe(0);
    expect(before.byState.map((s: { state: string }) => s.state)).not.toContain('draft');

    // The draft and its answer were written together: one item, one drafted_from_source event.
    const count = async () => (await w.db.execute<{ items: number; events: number }>(sql`
      select (select count(*)::int from social_info_items where committee_id = ${w.committeeId}) as items,
             (select count(*)::int from domain_events where committee_id = ${w.committeeId} and type = 'social_info.drafted_from_source') as events`)).rows[0];
    expect(await count()).toEqual({ items: 1, events: 1 });
    expect(await redeliver(w.db, w.committeeId, 'social_info.drafts_from_source')).toBe(1);
    expect(await count()).toEqual({ items: 1, events: 1 });

    // The member revises and sends it: the ordinary workflow from there on.
    const sent = await w.member.request({ method: 'POST', url: `/api/social-info/items/${itemId}/resubmit`, payload: { title: '关于硬化凤翔镇中川村村道的建议' } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', title: '关于硬化凤翔镇中川村村道的建议', origin: { demandId: d.id } });
    expect((await w.infoStaff.request({ method: 'GET', url: `/api/social-info/items/${itemId}` })).json()).toMatchObject({ state: 'submitted', origin: { demandId: d.id } });
    expect((await w.leader.request({ method: 'GET', url: `/api/social-info/figures?year=${year}` })).json().totals.received).toBe(1);
  });

  it('a request for a proposal, or one without a member, drafts no item', async () => {
    const w = await demandWorld(app);
    const d = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/convert`, payload: { target: 'social_info' } })).statusCode).toBe(200);
    await deliveriesDone(w.db, w.committeeId);
    const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from social_info_items where committee_id = ${w.committeeId}`);
    expect(rows[0].n).toBe(0);
    expect((await w.office.request({ method: 'GET', url: `/api/demands/${d.id}` })).json()).toMatchObject({ state: 'converted', convertedRef: null });
  });
});
