import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { proposalWorld, stateOf, submitted, type World } from './support.js';

/**
 * 20 conflicting moves on one proposal at once (立案, 不予立案, 转为意见建议, 退回修改 from the
 * office, side by side): exactly one succeeds; every other gets a 409 that says the proposal
 * has moved on — none a 500, none applied twice.
 */
describe('concurrent conflicting moves', () => {
  let app: FastifyInstance;
  let w: World;
  let office: Session;
  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 2 });
    const u = await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'proposals' }]);
    office = await loginAs(app, u.username);
  });
  afterAll(() => app?.close());

  it('exactly one of 20 parallel moves wins; the rest are 409 proposal.invalid_transition', async () => {
    const id = await submitted(w);
    const moves = [
      { path: 'file', payload: {} },
      { path: 'reject', payload: { reasonCode: 'no_suggestion' } },
      { path: 'convert', payload: {} },
      { path: 'return', payload: { reason: '请补充调研依据和具体建议' } },
    ];
    const sent = Array.from({ length: 20 }, (_, i) => moves[i % moves.length]);
    const answers = await Promise.all(sent.map((m) => office.request({ method: 'POST', url: `/api/proposals/${id}/${m.path}`, payload: m.payload })));
    const statuses = answers.map((a) => a.statusCode);
    const won = answers.filter((a) => a.statusCode === 200);
    expect(won, JSON.stringify(statuses)).toHaveLength(1);
    const lost = answers.filter((a) => a.statusCode !== 200);
    expect(lost.map((a) => a.statusCode)).toEqual(Array(19).fill(409));
    for (const a of lost) {
      expect(a.json().error.code).toBe('proposal.invalid_transition');
      expect(a.json().error.message.length).toBeGreaterThan(4);
    }
    const winner = sent[answers.indexOf(won[0])].path;
    const expected = { file: 'filed', reject: 'not_filed', convert: 'converted', return: 'returned' }[winner];
    expect(await stateOf(w.db, id)).toBe(expected);
    // The winning move is recorded once: the audit rows after the submission are those of one move.
    const { rows } = await w.db.execute<{ action: string }>(sql`
      select action from audit_log where committee_id = ${w.committeeId} and entity_id = ${id} order by seq`);
    const after = rows.map((r) => r.action).slice(rows.findIndex((r) => r.action === 'proposal.submit') + 1);
    expect(new Set(after).size, after.join(',')).toBe(after.length);
  });

  it('20 proposals filed by 20 parallel requests get the numbers 1..20 of their session, each once', async () => {
    // A committee of its own, so its session's counter starts at zero.
    const v = await proposalWorld({ units: 1 });
    const u = await makeUser(v.db, v.committeeId, [{ role: 'staff', office: 'proposals' }]);
    const s = await loginAs(app, u.username);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await submitted(v, i % v.members.length, { title: `关于第${i + 1}个村供水管道防冻的建议` }));
    const answers = await Promise.all(ids.map((id) => s.request({ method: 'POST', url: `/api/proposals/${id}/file`, payload: {}, committeeId: v.committeeId })));
    expect(answers.map((a) => a.statusCode), answers.map((a) => a.body).join('\n').slice(0, 500)).toEqual(Array(20).fill(200));
    const { rows } = await v.db.execute<{ id: string; number: number; number_label: string; number_scope: string }>(sql`
      select id, number, number_label, number_scope from proposals where committee_id = ${v.committeeId} and number is not null order by number`);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    expect(rows.map((r) => r.number_label)).toEqual(rows.map((r) => `第${r.number}号`));
    expect(new Set(rows.map((r) => r.number_scope)).size).toBe(1);
  });
});
