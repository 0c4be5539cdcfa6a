import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { WORKBENCH_ITEMS } from '../../platform/workbench.js';

/** SQL only: the proposals that wait for someone (the workbench), each kind as one query. */

export type WaitingRow = { id: string; title: string; numberLabel: string | null; deadline: string | null; total: number };

const ids = (xs: Iterable<string>) => sql`(select jsonb_array_elements_text(${JSON.stringify([...xs])}::jsonb)::uuid)`;

/** The first rows (most urgent first) and, in each row, how many there are in all. */
async function waiting(db: Executor, committeeId: string, where: SQL, deadline: SQL = sql`null::date`, order: SQL = sql`p.updated_at`): Promise<WaitingRow[]> {
  const { rows } = await db.execute<WaitingRow>(sql`
    select p.id, p.title, p.number_label as "numberLabel", to_char(${deadline}, 'YYYY-MM-DD') as deadline, count(*) over ()::int as total
      from proposals p
     where p.committee_id = ${committeeId} and ${where}
     order by ${deadline} nulls last, ${order}, p.id
     limit ${WORKBENCH_ITEMS}`);
  return rows;
}

/** The earliest deadline among the live answering assignments (主办 or 分办) of the proposal, optionally of some units. */
const answerDeadline = (units?: Iterable<string>) => sql`(select min(a.deadline) from proposal_assignments a
  where a.committee_id = p.committee_id and a.proposal_id = p.id and a.status in ('active', 'objected')
    ${units ? sql`and a.unit_id in ${ids(units)}` : sql`and a.role in ('lead', 'split')`})`;

const ofUnits = (units: Iterable<string>, roles: string[]) => sql`exists (select 1 from proposal_assignments a
  where a.committee_id = p.committee_id and a.proposal_id = p.id and a.status in ('active', 'objected')
    and a.role in (select jsonb_array_elements_text(${JSON.stringify(roles)}::jsonb)) and a.unit_id in ${ids(units)})`;

const inStates = (states: string[]) => sql`p.state in (select jsonb_array_elements_text(${JSON.stringify(states)}::jsonb))`;

/** The office's queues: submissions to review, filed proposals to assign, objections, replies to review. */
export const officeQueue = (db: Executor, committeeId: string, states: string[]) =>
  waiting(db, committeeId, inStates(states), states.some((s) => s === 'reply_review' || s === 'objected') ? answerDeadline() : sql`null::date`, sql`p.submitted_at`);

/** Proposals a unit still owes an answer to, past the deadline. */
export const officeOverdue = (db: Executor, committeeId: string, today: string) =>
  waiting(db, committeeId, sql`${inStates(['assigned', 'handling', 'countersigning'])} and ${answerDeadline()} < ${today}`, answerDeadline());

/** A unit's proposals in the given states where the unit holds one of the roles (签收 and 答复: 主办/分办; 会签: 会办). */
export const unitQueue = (db: Executor, committeeId: string, units: ReadonlySet<string>, states: string[], roles: string[]) =>
  waiting(db, committeeId, sql`${inStates(states)} and ${ofUnits(units, roles)}`, answerDeadline(units));

/** Released proposals the members (first signers, confirmed co-signers, of it or of one merged into it) have not rated this round. */
export const toRate = (db: Executor, committeeId: string, members: ReadonlySet<string>) =>
  waiting(db, committeeId, sql`p.state = 'released' and exists (
    select 1 from proposals src join proposal_signers s on s.committee_id = src.committee_id and s.proposal_id = src.id
     where src.committee_id = p.committee_id and (src.id = p.id or src.merged_into_id = p.id)
       and s.status in ('first', 'confirmed') and s.member_id in ${ids(members)}
       and not exists (select 1 from proposal_feedback f where f.committee_id = p.committee_id and f.proposal_id = p.id
                          and f.member_id = s.member_id and f.round = p.round))`, sql`null::date`, sql`p.released_at`);

/** The members' own proposals (first signer) in the states: drafts, returned for revision. */
export const ownInStates = (db: Executor, committeeId: string, members: ReadonlySet<string>, states: string[]) =>
  waiting(db, committeeId, sql`${inStates(states)} and exists (select 1 from proposal_signers s where s.committee_id = p.committee_id
    and s.proposal_id = p.id and s.position = 1 and s.member_id in ${ids(members)})`);

/** Co-signing invitations the members have not answered. */
export const invitations = (db: Executor, committeeId: string, members: ReadonlySet<string>) =>
  waiting(db, committeeId, sql`${inStates(['draft', 'returned'])} and exists (select 1 from proposal_signers s where s.committee_id = p.committee_id
    and s.proposal_id = p.id and s.status = 'invited' and s.member_id in ${ids(members)})`);

export type ChangedRow = { id: string; title: string; numberLabel: string | null; state: string; at: string; total: number };

/** Proposals matching `visible` that changed after `since`, newest first. */
export async function changedSince(db: Executor, committeeId: string, visible: SQL, since: string): Promise<ChangedRow[]> {
  const { rows } = await db.execute<ChangedRow>(sql`
    select p.id, p.title, p.number_label as "numberLabel", p.state, p.updated_at as at, count(*) over ()::int as total
      from proposals p
     where p.committee_id = ${committeeId} and ${visible} and p.updated_at > ${since}
     order by p.updated_at desc, p.id limit ${WORKBENCH_ITEMS}`);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
