import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedProposalsDemo, type ProposalsDemoResult } from '../../src/modules/proposals/seed/demo.js';
import { PROPOSAL_TRANSITIONS, type ProposalState } from '../../src/modules/proposals/index.js';
import { scratchDatabase } from '../support/db.js';

describe('proposals demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let result: ProposalsDemoResult;
  let ms = 0;

  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
    const t = Date.now();
    result = await seedProposalsDemo(database.db);
    ms = Date.now() - t;
    console.log(`proposals demo: ${result.proposals} proposals in ${ms} ms`, result.byState);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });

  // How long it takes is printed, not asserted: speed is judged in `npm run bench`, not under a loaded test run.
  it('loads about 300 proposals of 定西, in every main state', async () => {
    const { rows } = await database.db.execute<{ state: string; n: number }>(sql`
      select p.state, count(*)::int as n from proposals p join committees c on c.id = p.committee_id where c.code = 'dingxi' group by p.state`);
    const counts = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    const total = rows.reduce((n, r) => n + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(280);
    expect(total).toBe(result.proposals);
    for (const s of ['draft', 'submitted', 'returned', 'withdrawn', 'not_filed', 'converted', 'merged', 'filed', 'assigned', 'handling', 'countersigning', 'reply_review', 'released', 'closed', 'carried_over', 'objected', 'pre_reviewed']) {
      expect(counts[s] ?? 0, s).toBeGreaterThan(0);
    }
    expect(counts).toEqual(result.byState);
    const { rows: unhappy } = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from proposal_feedback f join proposals p on p.id = f.proposal_id where f.rating = 'dissatisfied' and p.state = 'handling'`);
    expect(unhappy[0].n).toBeGreaterThan(0);
    // Submitted at the session, filed before any assignment.
    const { rows: late } = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from proposals p join proposal_assignments a on a.proposal_id = p.id
       where p.filed_at is null or p.submitted_at > p.filed_at or p.filed_at::date > a.assigned_on`);
    expect(late[0].n).toBe(0);
  });

  it('reached every state through the commands: each state change has its event, in a legal chain', async () => {
    const { rows } = await database.db.execute<{ id: string; state: ProposalState; moves: { action: string; from: ProposalState; to: ProposalState }[] | null }>(sql`
      select p.id, p.state,
             (select json_agg(json_build_object('action', e.payload->>'action', 'from', e.payload->>'from', 'to', e.payload->>'to') order by e.id)
                from domain_events e where e.entity_id = p.id::text and e.payload ? 'from') as moves
        from proposals p join committees c on c.id = p.committee_id where c.code = 'dingxi'`);
    for (const r of rows) {
      let state: ProposalState = 'draft';
      for (const m of r.moves ?? []) {
        expect(m.from, `${r.id} ${m.action}`).toBe(state);
        const t = PROPOSAL_TRANSITIONS[m.action as keyof typeof PROPOSAL_TRANSITIONS];
        expect(t, m.action).toBeDefined();
        expect((t.from as readonly string[]).includes(m.from), `${m.action} from ${m.from}`).toBe(true);
        state = m.to;
      }
      expect(state, r.id).toBe(r.state);
    }
  });

  it('gives the demo logins something to do', async () => {
    const { rows: mine } = await database.db.execute<{ status: string; state: string }>(sql`
      select s.status, p.state from proposal_signers s join proposals p on p.id = s.proposal_id
        join user_roles r on r.member_id = s.member_id join users u on u.id = r.user_id where u.username = 'dingxi-member'`);
    expect(mine.filter((r) => r.status === 'first').length).toBeGreaterThanOrEqual(3);
    expect(mine.some((r) => r.status === 'invited' && r.state === 'draft')).toBe(true);
    expect(mine.some((r) => r.status === 'first' && r.state === 'released')).toBe(true);
    const { rows: unit } = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from proposal_assignments a join proposals p on p.id = a.proposal_id
        join handling_units h on h.id = a.unit_id where h.name = '定西市教育局' and p.state = 'handling' and a.status = 'active'`);
    expect(unit[0].n).toBeGreaterThan(0);
  });
});
