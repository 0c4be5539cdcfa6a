import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { Rating } from './contracts.js';

/** SQL only: assignments (交办), replies (答复), countersigns (会签), feedback (评价), units. */

export type AssignmentRow = {
  id: string;
  unitId: string;
  unitName: string;
  role: 'lead' | 'co' | 'split';
  status: 'active' | 'objected' | 'replaced';
  assignedOn: string;
  deadline: string;
  objectionUntil: string;
  extensionReason: string | null;
  objectionReason: string | null;
};

export async function assignmentsOf(db: Executor, committeeId: string, proposalId: string, opts: { live?: boolean } = {}): Promise<AssignmentRow[]> {
  const { rows } = await db.execute<AssignmentRow>(sql`
    select a.id, a.unit_id as "unitId", u.name as "unitName", a.role, a.status, a.assigned_on as "assignedOn", a.deadline,
           a.objection_until as "objectionUntil", a.extension_reason as "extensionReason", a.objection_reason as "objectionReason"
      from proposal_assignments a join handling_units u on u.id = a.unit_id and u.committee_id = a.committee_id
     where a.committee_id = ${committeeId} and a.proposal_id = ${proposalId}
       ${opts.live ? sql`and a.status in ('active', 'objected')` : sql``}
     order by a.created_at, case a.role when 'lead' then 0 when 'split' then 1 else 2 end, u.name`);
  return rows;
}

export async function insertAssignment(
  db: Executor, committeeId: string, proposalId: string,
  a: { unitId: string; role: AssignmentRow['role']; assignedOn: string; deadline: string; objectionUntil: string },
) {
  await db.execute(sql`
    insert into proposal_assignments (committee_id, proposal_id, unit_id, role, assigned_on, deadline, objection_until)
    values (${committeeId}, ${proposalId}, ${a.unitId}, ${a.role}, ${a.assignedOn}, ${a.deadline}, ${a.objectionUntil})`);
}

/** 改办: the live assignments give way to new ones. */
export async function replaceLiveAssignments(db: Executor, committeeId: string, proposalId: string) {
  await db.execute(sql`update proposal_assignments set status = 'replaced'
    where committee_id = ${committeeId} and proposal_id = ${proposalId} and status in ('active', 'objected')`);
}

export async function markObjected(db: Executor, committeeId: string, assignmentId: string, reason: string) {
  await db.execute(sql`update proposal_assignments set status = 'objected', objection_reason = ${reason}, objected_at = now()
    where committee_id = ${committeeId} and id = ${assignmentId}`);
}

export async function reactivateObjected(db: Executor, committeeId: string, proposalId: string) {
  await db.execute(sql`update proposal_assignments set status = 'active'
    where committee_id = ${committeeId} and proposal_id = ${proposalId} and status = 'objected'`);
}

export async function setDeadlines(db: Executor, committeeId: string, proposalId: string, deadline: string, reason: string | null) {
  await db.execute(sql`update proposal_assignments set deadline = ${deadline}, extension_reason = coalesce(${reason}, extension_reason)
    where committee_id = ${committeeId} and proposal_id = ${proposalId} and status in ('active', 'objected')`);
}

export async function activeUnits(db: Executor, committeeId: string, ids?: readonly string[]) {
  const { rows } = await db.execute<{ id: string; name: string; duties: string }>(sql`
    select id, name, duties from handling_units where committee_id = ${committeeId} and active
    ${ids ? sql`and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)` : sql``} order by name`);
  return rows;
}

export type ReplyRow = {
  id: string;
  unitId: string;
  unitName: string;
  round: number;
  status: 'draft' | 'submitted' | 'sent_back' | 'released';
  replyClass: string | null;
  isPublic: boolean;
  signer: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  docNumber: string | null;
  body: string;
  contactedOn: string | null;
  reviewNote: string | null;
  submittedAt: string | null;
  releasedAt: string | null;
  countersignedBy: { unitId: string; unitName: string; opinion: string | null; signedAt: string }[];
};

export async function repliesOf(db: Executor, committeeId: string, proposalId: string, round?: number): Promise<ReplyRow[]> {
  const { rows } = await db.execute<ReplyRow>(sql`
    select r.id, r.unit_id as "unitId", u.name as "unitName", r.round, r.status, r.reply_class as "replyClass", r.is_public as "isPublic",
           r.signer, r.contact_person as "contactPerson", r.contact_phone as "contactPhone", r.doc_number as "docNumber", r.body,
           r.contacted_on as "contactedOn", r.review_note as "reviewNote", r.submitted_at as "submittedAt", r.released_at as "releasedAt",
           coalesce((select jsonb_agg(jsonb_build_object('unitId', c.unit_id, 'unitName', cu.name, 'opinion', c.opinion, 'signedAt', c.signed_at)
                                      order by c.signed_at)
                       from proposal_countersigns c join handling_units cu on cu.id = c.unit_id
                      where c.committee_id = r.committee_id and c.reply_id = r.id), '[]'::jsonb) as "countersignedBy"
      from proposal_replies r join handling_units u on u.id = r.unit_id and u.committee_id = r.committee_id
     where r.committee_id = ${committeeId} and r.proposal_id = ${proposalId} ${round === undefined ? sql`` : sql`and r.round = ${round}`}
     order by r.round, u.name`);
  return rows;
}

export interface ReplyFields {
  replyClass: string | null;
  isPublic: boolean;
  signer: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  docNumber: string | null;
  body: string;
  contactedOn: string | null;
}

export async function upsertReplyDraft(db: Executor, committeeId: string, proposalId: string, unitId: string, round: number, f: ReplyFields) {
  await db.execute(sql`
    insert into proposal_replies (committee_id, proposal_id, unit_id, round, status, reply_class, is_public, signer, contact_person,
                                  contact_phone, doc_number, body, contacted_on)
    values (${committeeId}, ${proposalId}, ${unitId}, ${round}, 'draft', ${f.replyClass}, ${f.isPublic}, ${f.signer}, ${f.contactPerson},
            ${f.contactPhone}, ${f.docNumber}, ${f.body}, ${f.contactedOn})
    on conflict (committee_id, proposal_id, unit_id, round) do update set status = 'draft', reply_class = excluded.reply_class,
      is_public = excluded.is_public, signer = excluded.signer, contact_person = excluded.contact_person, contact_phone = excluded.contact_phone,
      doc_number = excluded.doc_number, body = excluded.body, contacted_on = excluded.contacted_on, updated_at = now()`);
}

export async function setReplyStatus(
  db: Executor, committeeId: string, replyId: string, status: ReplyRow['status'], extra: { reviewNote?: string | null; replyClass?: string } = {},
) {
  await db.execute(sql`update proposal_replies set status = ${status}, updated_at = now(),
      submitted_at = case when ${status} = 'submitted' then now() else submitted_at end,
      released_at = case when ${status} = 'released' then now() else released_at end,
      review_note = coalesce(${extra.reviewNote ?? null}, review_note),
      reply_class = coalesce(${extra.replyClass ?? null}, reply_class)
    where committee_id = ${committeeId} and id = ${replyId}`);
}

export async function insertCountersign(db: Executor, committeeId: string, replyId: string, unitId: string, opinion: string | null) {
  await db.execute(sql`insert into proposal_countersigns (committee_id, reply_id, unit_id, opinion) values (${committeeId}, ${replyId}, ${unitId}, ${opinion})`);
}

export async function clearCountersigns(db: Executor, committeeId: string, replyId: string) {
  await db.execute(sql`delete from proposal_countersigns where committee_id = ${committeeId} and reply_id = ${replyId}`);
}

export type FeedbackRow = {
  memberId: string;
  memberName: string;
  round: number;
  rating: Rating;
  contactedBefore: boolean | null;
  attitude: string | null;
  remarks: string | null;
  enteredByStaff: boolean;
  createdAt: string;
};

export async function feedbackOf(db: Executor, committeeId: string, proposalId: string): Promise<FeedbackRow[]> {
  const { rows } = await db.execute<FeedbackRow>(sql`
    select f.member_id as "memberId", m.name as "memberName", f.round, f.rating, f.contacted_before as "contactedBefore", f.attitude,
           f.remarks, f.on_behalf as "enteredByStaff", f.created_at as "createdAt"
      from proposal_feedback f join members m on m.id = f.member_id and m.committee_id = f.committee_id
     where f.committee_id = ${committeeId} and f.proposal_id = ${proposalId} order by f.round, f.created_at`);
  return rows;
}

export async function insertFeedback(
  db: Executor, committeeId: string, proposalId: string,
  f: {
    memberId: string; round: number; rating: Rating; contactedBefore: boolean | null; attitude: string | null; remarks: string | null;
    enteredBy: string | null; onBehalf: boolean;
  },
) {
  await db.execute(sql`
    insert into proposal_feedback (committee_id, proposal_id, member_id, round, rating, contacted_before, attitude, remarks, entered_by, on_behalf)
    values (${committeeId}, ${proposalId}, ${f.memberId}, ${f.round}, ${f.rating}, ${f.contactedBefore}, ${f.attitude}, ${f.remarks},
            ${f.enteredBy}, ${f.onBehalf})`);
}
