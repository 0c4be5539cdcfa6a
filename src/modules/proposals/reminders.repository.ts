import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { CHINA_TZ_SQL } from '../../platform/db/china-time-sql.js';

/** SQL only: who receives proposal notices, and what the daily reminders look at. */

const ids = (xs: readonly string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb)::uuid)`;

/** Active users who are clerks of the units. */
export async function clerkUsers(db: Executor, committeeId: string, unitIds: readonly string[]): Promise<{ userId: string; unitId: string }[]> {
  if (!unitIds.length) return [];
  const { rows } = await db.execute<{ userId: string; unitId: string }>(sql`
    select r.user_id as "userId", r.unit_id as "unitId" from user_roles r join users u on u.id = r.user_id and u.active
     where r.committee_id = ${committeeId} and r.role = 'unit_clerk' and r.unit_id in ${ids(unitIds)}`);
  return rows;
}

/** Active users who are the members. */
export async function memberUsers(db: Executor, committeeId: string, memberIds: readonly string[]): Promise<{ userId: string; memberId: string }[]> {
  if (!memberIds.length) return [];
  const { rows } = await db.execute<{ userId: string; memberId: string }>(sql`
    select r.user_id as "userId", r.member_id as "memberId" from user_roles r join users u on u.id = r.user_id and u.active
     where r.committee_id = ${committeeId} and r.role = 'member' and r.member_id in ${ids(memberIds)}`);
  return rows;
}

/** Active staff of the proposal office (staff without an office count as every office's). */
export async function officeUsers(db: Executor, committeeId: string): Promise<string[]> {
  const { rows } = await db.execute<{ userId: string }>(sql`
    select distinct r.user_id as "userId" from user_roles r join users u on u.id = r.user_id and u.active
     where r.committee_id = ${committeeId} and r.role = 'staff' and (r.office = 'proposals' or r.office is null)`);
  return rows.map((r) => r.userId);
}

export type DueAssignment = {
  committeeId: string;
  assignmentId: string;
  proposalId: string;
  unitId: string;
  deadline: string;
  title: string;
  numberLabel: string | null;
};

/**
 * Live assignments whose unit still owes work, with a deadline on or before `until`: the
 * proposal is assigned, objected, in handling or in countersigning (after that the office holds it).
 */
export async function dueAssignments(db: Executor, until: string, committeeId?: string): Promise<DueAssignment[]> {
  const { rows } = await db.execute<DueAssignment>(sql`
    select a.committee_id as "committeeId", a.id as "assignmentId", a.proposal_id as "proposalId", a.unit_id as "unitId", a.deadline,
           p.title, p.number_label as "numberLabel"
      from proposals p
      join proposal_assignments a on a.committee_id = p.committee_id and a.proposal_id = p.id and a.status in ('active', 'objected')
     where p.state in ('assigned', 'objected', 'handling', 'countersigning') and a.deadline <= ${until}
       ${committeeId ? sql`and p.committee_id = ${committeeId}` : sql``}`);
  return rows;
}

export type AwaitingRating = {
  committeeId: string;
  proposalId: string;
  round: number;
  title: string;
  numberLabel: string | null;
  releasedOn: string;
  memberId: string;
};

/**
 * Released proposals and the raters who have not rated this round: first signers and confirmed
 * co-signers of the proposal and of the proposals merged into it.
 */
export async function awaitingRating(db: Executor, committeeId?: string): Promise<AwaitingRating[]> {
  const { rows } = await db.execute<AwaitingRating>(sql`
    select distinct p.committee_id as "committeeId", p.id as "proposalId", p.round, p.title, p.number_label as "numberLabel",
           to_char(p.released_at at time zone ${CHINA_TZ_SQL}, 'YYYY-MM-DD') as "releasedOn", s.member_id as "memberId"
      from proposals p
      join proposals src on src.committee_id = p.committee_id and (src.id = p.id or src.merged_into_id = p.id)
      join proposal_signers s on s.committee_id = src.committee_id and s.proposal_id = src.id and s.status in ('first', 'confirmed')
     where p.state = 'released' and p.released_at is not null ${committeeId ? sql`and p.committee_id = ${committeeId}` : sql``}
       and not exists (select 1 from proposal_feedback f where f.committee_id = p.committee_id and f.proposal_id = p.id
                          and f.member_id = s.member_id and f.round = p.round)`);
  return rows;
}

/** Per committee: proposals with a pending objection, and proposals past a unit's deadline. */
export async function officeBacklog(db: Executor, today: string, committeeId?: string): Promise<{ committeeId: string; objected: number; overdue: number }[]> {
  const { rows } = await db.execute<{ committeeId: string; objected: number; overdue: number }>(sql`
    select p.committee_id as "committeeId",
           count(*) filter (where p.state = 'objected')::int as objected,
           count(*) filter (where p.state in ('assigned', 'handling', 'countersigning') and exists (
             select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
                and a.status in ('active', 'objected') and a.deadline < ${today}))::int as overdue
      from proposals p
     where p.state in ('objected', 'assigned', 'handling', 'countersigning') ${committeeId ? sql`and p.committee_id = ${committeeId}` : sql``}
     group by p.committee_id`);
  return rows.filter((r) => r.objected > 0 || r.overdue > 0);
}
