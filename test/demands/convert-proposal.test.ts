import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { JobEngine } from '../../src/platform/jobs.js';
import { testApp } from '../support/app.js';
import { deliveriesDone, redeliver, startEngine } from '../support/jobs.js';
import { DEMAND, demandWorld } from './support.js';

describe('demands: converted into a proposal, linked both ways, through the job engine', () => {
  let app: FastifyInstance;
  let engine: JobEngine;
  beforeAll(async () => { app = await testApp(); engine = await startEngine(); });
  afterAll(async () => { await engine?.stop(); await app?.close(); });

  it("the member gets a draft proposal as first signer; the demand records it; a repeat delivery changes nothing, and it is the member's draft to work on", async () => {
    const w = await demandWorld(app);
    const d = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/assign-member`, payload: { memberId: w.memberIds[0] } });
    expect((await w.member.request({ method: 'POST', url: `/api/demands/${d.id}/convert`, payload: { target: 'proposal' } })).statusCode).toBe(200);
    await deliveriesDone(w.db, w.committeeId);

    const linked = (await w.office.request({ method: 'GET', url: `/api/demands/${d.id}` })).json();
    expect(linked).toMatchObject({ state: 'converted', convertTarget: 'proposal' });
    const proposalId = linked.convertedRef as string;
    expect(proposalId).toMatch(/^[0-9a-f-]{36}$/);

    const p = (await w.member.request({ method: 'GET', url: `/api/proposals/${proposalId}` })).json();
    expect(p).toMatchObject({ state: 'draft', title: DEMAND.matter, body: DEMAND.details, kind: 'individual', occasion: 'between_sessions' });
    expect(p.signers).toEqual([expect.objectContaining({ memberId: w.memberIds[0], name: '张明', status: 'first' })]);
    expect(JSON.stringify(p)).not.toContain(DEMAND.personPhone);
    // A 社情民意 item was not drafted for a proposal request.
    const count = async () => (await w.db.execute<{ proposals: number; items: number; events: number }>(sql`
      select (select count(*)::int from proposals where committee_id = ${w.committeeId}) as proposals,
             (select count(*)::int from social_info_items where committee_id = ${w.committeeId}) as items,
             (select count(*)::int from domain_events where committee_id = ${w.committeeId} and type = 'proposals.drafted_from_source') as events`)).rows[0];
    expect(await count()).toEqual({ proposals: 1, items: 0, events: 1 });
    expect(await redeliver(w.db, w.committeeId, 'proposals.drafts_from_source')).toBe(1);
    expect(await count()).toEqual({ proposals: 1, items: 0, events: 1 });

    // The draft is the member's to work on: a demand's few lines do not pass the submission rules as they are.
    const submitted = await w.member.request({ method: 'POST', url: `/api/proposals/${proposalId}/submit` });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json().error.code).toBe('proposal.format_errors');
  });
});
