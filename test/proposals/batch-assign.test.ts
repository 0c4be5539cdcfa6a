import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignableProposals, batchAssign } from '../../src/modules/proposals/commands/batch-assign.js';
import { createDraft, fileProposal, submitProposal } from '../../src/modules/proposals/index.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { eventsOf, filed, HEALTH, proposalWorld, stateOf, submitted, WATER, type World } from './support.js';

const SCHOOL = { title: '关于提高乡村教师生活补助标准的建议', body: '一、基本情况\n乡村教师流失严重。\n二、原因分析\n生活补助标准偏低。\n三、具体建议\n提高乡村教师生活补助，改善教师周转宿舍条件。' };

describe('batch assignment (交办会)', () => {
  let w: World;
  beforeAll(async () => {
    w = await proposalWorld();
  });

  it('assigns each item in its own transaction and reports per item; the suggestion fills a missing lead unit', async () => {
    const a = await filed(w, 0);
    const schoolId = await createDraft(w.db, w.member(1), { ...SCHOOL, category: '教科文卫体' });
    await submitProposal(w.db, w.member(1), schoolId);
    await fileProposal(w.db, w.office, schoolId);
    const notFiled = await submitted(w, 2);
    const other = await proposalWorld({ units: 1 });
    const foreign = await filed(other, 0);

    const page = await assignableProposals(w.db, w.office, { limit: 50 });
    const school = page.items.find((i) => i.id === schoolId)!;
    expect(school.suggestions[0].name).toBe('市教育局');
    expect(page.items.map((i) => i.id)).not.toContain(notFiled);

    const r = await batchAssign(w.db, w.office, {
      assignedOn: '2025-03-20',
      items: [
        { proposalId: a, leadUnitId: w.unit(WATER), coUnitIds: [w.unit(HEALTH)] },
        { proposalId: schoolId, useSuggestion: true },
        { proposalId: notFiled, leadUnitId: w.unit(WATER) },
        { proposalId: foreign, leadUnitId: w.unit(WATER) },
        { proposalId: a, leadUnitId: w.unit(WATER) },
      ],
    });
    expect(r).toMatchObject({ assigned: 2, failed: 3 });
    expect(r.results[0]).toMatchObject({ ok: true, state: 'assigned', suggested: false });
    expect(r.results[1]).toMatchObject({ ok: true, suggested: true, leadUnitId: school.suggestions[0].unitId });
    expect(r.results[2]).toMatchObject({ ok: false, error: { code: 'proposal.invalid_transition', status: 409 } });
    expect(r.results[3]).toMatchObject({ ok: false, error: { code: 'proposal.not_found', status: 404 } });
    expect(r.results[4]).toMatchObject({ ok: false, error: { code: 'proposal.invalid_transition' } });
    expect(await stateOf(w.db, notFiled)).toBe('submitted');
    expect(await stateOf(w.db, foreign)).toBe('filed');
    // The meeting's date holds for every item: deadline three months later.
    const { rows } = await w.db.execute<{ deadline: string; role: string }>(sql`select deadline, role from proposal_assignments where proposal_id = ${a} order by role`);
    expect(rows).toEqual([{ deadline: '2025-06-20', role: 'co' }, { deadline: '2025-06-20', role: 'lead' }]);
    expect((await eventsOf(w.db, w.committeeId, a)).map((e) => e.type)).toContain('proposals.assigned');
  });

  it('refuses a unit of another committee for that item only, and a member cannot run it at all', async () => {
    const id = await filed(w, 3);
    const other = await proposalWorld({ units: 1 });
    const r = await batchAssign(w.db, w.office, { items: [{ proposalId: id, leadUnitId: [...other.units.values()][0] }] });
    expect(r.results[0]).toMatchObject({ ok: false, error: { code: 'proposal.unit_unknown', status: 400 } });
    const m = await batchAssign(w.db, w.member(3), { items: [{ proposalId: id, leadUnitId: w.unit(WATER) }] });
    expect(m.results[0]).toMatchObject({ ok: false, error: { code: 'proposal.not_allowed', status: 403 } });
    expect(await stateOf(w.db, id)).toBe('filed');
  });
});

describe('batch assignment over HTTP', () => {
  let app: FastifyInstance;
  let w: World;
  let office: Session, member: Session, outsider: Session;
  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 12 });
    office = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'proposals' }])).username);
    member = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }])).username);
    const other = await proposalWorld({ units: 0 });
    outsider = await loginAs(app, (await makeUser(w.db, other.committeeId, [{ role: 'staff', office: 'proposals' }])).username);
  });
  afterAll(() => app?.close());

  it('answers each item, 403 for a member, 404 for another committee, 400 for a bad body', async () => {
    const id = await filed(w, 0);
    let res = await office.request({ method: 'GET', url: '/api/proposals/assignable' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ id, suggestions: [{ name: WATER }, {}, {}] });
    res = await office.request({ method: 'POST', url: '/api/proposals/assign-batch', payload: { items: [{ proposalId: id, useSuggestion: true }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assigned: 1, failed: 0, results: [{ ok: true, leadUnitId: w.unit(WATER) }] });
    res = await office.request({ method: 'POST', url: '/api/proposals/assign-batch', headers: { 'accept-language': 'en' }, payload: { items: [{ proposalId: id, useSuggestion: true }] } });
    expect(res.json().results[0].error.message).toMatch(/not possible/);
    expect((await office.request({ method: 'POST', url: '/api/proposals/assign-batch', payload: { items: [] } })).statusCode).toBe(400);
    expect((await office.request({ method: 'POST', url: '/api/proposals/assign-batch', payload: { assignedOn: '2025-02-30', items: [{ proposalId: id }] } })).statusCode).toBe(400);
    expect((await member.request({ method: 'POST', url: '/api/proposals/assign-batch', payload: { items: [{ proposalId: id }] } })).statusCode).toBe(403);
    expect((await member.request({ method: 'GET', url: '/api/proposals/assignable' })).statusCode).toBe(403);
    res = await outsider.request({ method: 'POST', url: '/api/proposals/assign-batch', payload: { items: [{ proposalId: id, useSuggestion: true }] } });
    expect(res.json().results[0]).toMatchObject({ ok: false, error: { code: 'proposal.not_found' } });
    expect((await outsider.request({ method: 'GET', url: '/api/proposals/assignable', committeeId: w.committeeId })).statusCode).toBe(404);
  });
});
