import { z } from 'zod';
import { creditedMembers } from './contracts.js';
import { ACTIVITY_TYPE_KEYS, dutyKind } from './domain/kinds.js';

/**
 * The duty-record event contract. Other modules never import performance: they emit events
 * (uow.emit, so the event row commits with their change) and this module turns them into
 * automatic duty records, idempotently — one record per (committee, event type, source ref).
 *
 * 1. The generic contract, for every module that credits members (social information, speeches
 *    at consultations, liaison work, supervision …). Payloads are JSON of this shape; emitters
 *    copy the shape, they do not import it:
 *
 *    `duty.recorded` {
 *      kind: DutyKind,          // domain/kinds.ts, e.g. 'social_info_adopted', 'speech', 'liaison'
 *      sourceRef: string,       // unique in the committee for this credit, prefixed by the emitter:
 *                               // 'social-info:<itemId>:adopted'; the same ref again does nothing
 *      title: string,
 *      members: [{ memberId, role?: 'first' | 'cosigner' | 'participant' }],
 *      occurredOn?: 'YYYY-MM-DD', // China date; default: the date the event was stored
 *      units?: number,          // half-days, for kinds scored per half-day (default 1)
 *      metrics?: { … }          // typed metrics of the kind (KIND_METRICS)
 *    }
 *    `duty.revoked` { sourceRef } — the credit no longer holds (the item was withdrawn …): its record becomes void.
 *
 * Social information emits `duty.recorded` (kinds social_info, social_info_adopted,
 *    leader_instruction) from src/modules/social-info/commands/credit-authors.ts.
 *
 * 2. The proposals events, as the proposals module emits them (src/modules/proposals/events.ts):
 *    `proposals.submitted` → 'proposal' (提交提案) for the first signer and confirmed co-signers;
 *    `proposals.filed` and `proposals.merged_credit` → 'proposal_filed' (立案, or credited through 并案);
 *    `proposals.withdrawn` → the proposal's records become void. (`proposals.key_selected` is
 *    reserved there; until it is emitted, staff record 重点/优秀提案 as verified self-reports.)
 *
 * Records are made by the subscriber 'performance.duty_records', a job queued in the emitting
 * transaction and delivered at least once (platform/events.ts); a second delivery changes nothing.
 */
export const DUTY_RECORDED = 'duty.recorded';
export const DUTY_REVOKED = 'duty.revoked';

export const dutyRecordedPayload = z.object({
  kind: dutyKind,
  sourceRef: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(200),
  members: creditedMembers,
  occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  units: z.number().min(0).max(100).nullish(),
  metrics: z.record(z.string(), z.number()).nullish(),
});
export type DutyRecordedPayload = z.input<typeof dutyRecordedPayload>;
export const dutyRevokedPayload = z.object({ sourceRef: z.string().trim().min(1).max(300) });

export const PROPOSALS_SUBMITTED = 'proposals.submitted';
export const PROPOSALS_FILED = 'proposals.filed';
export const PROPOSALS_MERGED_CREDIT = 'proposals.merged_credit';
export const PROPOSALS_WITHDRAWN = 'proposals.withdrawn';
export const PROPOSAL_SOURCES = [PROPOSALS_SUBMITTED, PROPOSALS_FILED, PROPOSALS_MERGED_CREDIT];

/** The payload fields read from the proposals events (a subset of theirs, checked at the door). */
export const proposalCreditPayload = z.object({
  proposalId: z.uuid(),
  title: z.string().nullish(),
  numberLabel: z.string().nullish(),
  members: z.array(z.object({ memberId: z.uuid(), role: z.enum(['first', 'cosigner']) })),
});

/** Every event type this module turns into duty records. */
export const HANDLED_EVENTS = [DUTY_RECORDED, DUTY_REVOKED, ...PROPOSAL_SOURCES, PROPOSALS_WITHDRAWN];

/**
 * 3. Activities asked for by other modules (the consultation module's meetings: it owns the
 *    meeting, performance owns check-in and attendance). Emitters copy the shape:
 *
 *    `activity.requested` { sourceRef, type: ActivityType, title, startsAt, endsAt?, place?, memberIds }
 *      — one activity per (committee, sourceRef), made on the first delivery; a later request of the
 *      same ref (a rescheduled meeting, more invitees) updates time, title and place and invites
 *      the new members. The answer is `performance.activity_created` { activityId, sourceRef }.
 *    `activity.reply` { sourceRef, memberId, reply: 'attend' | 'leave', reason? } — a member's reply
 *      to the invitation: 请假 marks the member excused (unless already checked in or marked absent),
 *      attend takes back a 请假 made the same way.
 */
export const ACTIVITY_REQUESTED = 'activity.requested';
export const ACTIVITY_REPLY = 'activity.reply';
export const ACTIVITY_EVENTS = [ACTIVITY_REQUESTED, ACTIVITY_REPLY];
export const activityRequestedPayload = z.object({
  sourceRef: z.string().trim().min(1).max(300),
  type: z.enum(ACTIVITY_TYPE_KEYS),
  title: z.string().trim().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullish(),
  place: z.string().max(100).nullish(),
  memberIds: z.array(z.uuid()).max(5000),
});
export const activityReplyPayload = z.object({
  sourceRef: z.string().trim().min(1).max(300),
  memberId: z.uuid(),
  reply: z.enum(['attend', 'leave']),
  reason: z.string().max(500).nullish(),
});

/**
 * What this module emits (for notifications and statistics): performance.activity_created,
 * performance.attendance_changed, performance.activity_closed, performance.record_submitted,
 * performance.record_verified / _rejected / _withdrawn / _void, performance.rules_changed,
 * performance.assessment_computed, performance.assessment_published, performance.assessment_revised,
 * performance.annual_report_submitted.
 */
export const PERFORMANCE_EVENT_PREFIX = 'performance.';
