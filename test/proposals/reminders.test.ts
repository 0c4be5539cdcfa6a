import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineStep as platformStep } from '../../src/platform/reminders.js';
import { sendReminders, stepsOf } from '../../src/modules/proposals/reminders.js';
import { extendDeadline, objectToAssignment, rateReply, returnProposal } from '../../src/modules/proposals/index.js';
import { parseSettings } from '../../src/modules/proposals/domain/settings.js';
import { makeUser } from '../support/factories.js';
import { assigned, proposalWorld, released, submitted, WATER, HEALTH, type World } from './support.js';

const S = parseSettings({});
/** The platform's steps under a committee's proposal settings, as the daily job counts them. */
const deadlineStep = (today: string, deadline: string, s: Parameters<typeof stepsOf>[0]) => platformStep(today, deadline, stepsOf(s));

describe('deadline steps', () => {
  it('the nearest threshold reached, once per step; overdue on day 1 and then each week', () => {
    expect(deadlineStep('2025-06-01', '2025-06-30', S)).toBeNull();
    expect(deadlineStep('2025-06-15', '2025-06-30', S)).toMatchObject({ key: 'before15', days: 15 });
    expect(deadlineStep('2025-06-20', '2025-06-30', S)).toMatchObject({ key: 'before15' });
    expect(deadlineStep('2025-06-23', '2025-06-30', S)).toMatchObject({ key: 'before7', days: 7 });
    expect(deadlineStep('2025-06-30', '2025-06-30', S)).toMatchObject({ key: 'before7', days: 0 });
    expect(deadlineStep('2025-07-01', '2025-06-30', S)).toMatchObject({ key: 'overdue0', overdue: true, days: 1 });
    expect(deadlineStep('2025-07-07', '2025-06-30', S)).toMatchObject({ key: 'overdue0' });
    expect(deadlineStep('2025-07-08', '2025-06-30', S)).toMatchObject({ key: 'overdue1', days: 8 });
    expect(deadlineStep('2025-06-27', '2025-06-30', { reminderDaysBefore: [3], reminderOverdueEveryDays: 7 })).toMatchObject({ key: 'before3' });
  });
});

describe('reminders and move notices', () => {
  let w: World;
  const users: Record<string, string> = {};
  const inbox = async (userId: string) => {
    const { rows } = await w.db.execute<{ kind: string; title: string; dedupeKey: string | null }>(sql`
      select kind, title, dedupe_key as "dedupeKey" from notifications where user_id = ${userId} order by id`);
    return rows;
  };

  beforeAll(async () => {
    w = await proposalWorld();
    users.water = (await makeUser(w.db, w.committeeId, [{ role: 'unit_clerk', unitId: w.unit(WATER) }])).id;
    users.health = (await makeUser(w.db, w.committeeId, [{ role: 'unit_clerk', unitId: w.unit(HEALTH) }])).id;
    users.office = (await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'proposals' }])).id;
    users.proposer = (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }])).id;
    users.member2 = (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[2] }])).id;
  });

  it('tells the unit clerks of an assignment, the proposer of a return, the raters of a release, and the unit of a 不满意', async () => {
    const id = await assigned(w, { co: [HEALTH], assignedOn: '2025-03-20' });
    expect((await inbox(users.water)).filter((n) => n.kind === 'proposal.assigned')).toHaveLength(1);
    expect((await inbox(users.health)).map((n) => n.kind)).toContain('proposal.assigned');

    const back = await submitted(w, 2);
    await returnProposal(w.db, w.office, back, { reason: '请补充具体建议' });
    expect((await inbox(users.member2)).map((n) => n.kind)).toContain('proposal.returned');

    const rel = await released(w, { by: 0 });
    expect((await inbox(users.proposer)).filter((n) => n.kind === 'proposal.reply_released' && n.title.includes('请评价'))).toHaveLength(1);
    const before = (await inbox(users.water)).length;
    await rateReply(w.db, w.member(0), rel, { rating: 'dissatisfied', remarks: '问题没有解决' });
    const after = await inbox(users.water);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.kind).toBe('proposal.rehandle');
    void id;
  });

  it('a daily run reminds units before and after deadlines, raters, and the office — and a second run the same day sends nothing', async () => {
    const w2 = await proposalWorld({ units: 12 });
    const clerk = (await makeUser(w2.db, w2.committeeId, [{ role: 'unit_clerk', unitId: w2.unit(WATER) }])).id;
    const office = (await makeUser(w2.db, w2.committeeId, [{ role: 'staff', office: 'proposals' }])).id;
    const rater = (await makeUser(w2.db, w2.committeeId, [{ role: 'member', memberId: w2.members[1] }])).id;
    const soon = await assigned(w2, { assignedOn: '2025-03-20' }); // deadline 2025-06-20
    const objected = await assigned(w2, { assignedOn: '2025-06-02' });
    await objectToAssignment(w2.db, w2.clerk(WATER), objected, { reason: '不属于本单位职责' }, '2025-06-03');
    const rel = await released(w2, { by: 1 });
    await w2.db.execute(sql`update proposals set released_at = '2025-06-01T02:00:00Z' where id = ${rel}`);

    const count = async (userId: string, kind: string) => (await w2.db.execute<{ n: number }>(sql`
      select count(*)::int as n from notifications where user_id = ${userId} and kind = ${kind}`)).rows[0].n;

    // 2025-06-05: 15 days before the deadline; the rating has waited 4 days (week 0: the release notice already counted).
    let c = await sendReminders(w2.db, '2025-06-05', { committeeId: w2.committeeId });
    expect(c).toMatchObject({ deadline: 1, rating: 0, office: 1 });
    expect(await count(clerk, 'proposal.deadline_soon')).toBe(1);
    expect((await sendReminders(w2.db, '2025-06-05', { committeeId: w2.committeeId }))).toEqual({ deadline: 0, rating: 0, office: 0 });
    // A later day in the same steps sends the office digest only (one per day).
    expect(await sendReminders(w2.db, '2025-06-06', { committeeId: w2.committeeId })).toEqual({ deadline: 0, rating: 0, office: 1 });
    // 7 days before, and the rating a week later.
    c = await sendReminders(w2.db, '2025-06-13', { committeeId: w2.committeeId });
    expect(c).toMatchObject({ deadline: 1, rating: 1 });
    expect(await count(rater, 'proposal.rating_awaited')).toBe(1);
    // Overdue: day 1 and a week later; a deadline extension starts the steps anew.
    expect((await sendReminders(w2.db, '2025-06-21', { committeeId: w2.committeeId })).deadline).toBe(1);
    expect((await sendReminders(w2.db, '2025-06-22', { committeeId: w2.committeeId })).deadline).toBe(0);
    expect((await sendReminders(w2.db, '2025-06-28', { committeeId: w2.committeeId })).deadline).toBe(1);
    expect(await count(clerk, 'proposal.overdue')).toBe(2);
    const { rows: [{ title }] } = await w2.db.execute<{ title: string }>(sql`select title from notifications where user_id = ${office} and kind = 'proposal.office_digest' order by id desc limit 1`);
    expect(title).toBe('提案办理提醒：1 件提案承办单位有异议待处理；1 件提案已超过答复期限');
    await extendDeadline(w2.db, w2.office, soon, { deadline: '2025-07-10', reason: '需协调资金' });
    expect((await sendReminders(w2.db, '2025-06-28', { committeeId: w2.committeeId })).deadline).toBe(1);
    // Another committee's run does not touch this one.
    const before = await count(clerk, 'proposal.deadline_soon');
    await sendReminders(w2.db, '2025-07-01', { committeeId: w.committeeId });
    expect(await count(clerk, 'proposal.deadline_soon')).toBe(before);
  });
});
