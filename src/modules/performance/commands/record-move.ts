import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { planRecordTransition, RECORD_STATUSES, RECORD_TRANSITIONS, type RecordAction, type RecordActor } from '../domain/record-workflow.js';
import { PerformanceErrors } from '../performance.errors.js';
import { canVerify, memberIdsOf, type Caller } from '../performance.policy.js';
import { findRecord, setRecordStatus, type RecordRow } from '../record.repository.js';

/** The caller's relation to a record: its owner (a member it names, or who submitted it), its verifier. */
export function recordActorsOf(caller: Caller, r: Pick<RecordRow, 'members' | 'submittedBy' | 'source'>): { actors: Set<RecordActor>; own: boolean } {
  const mine = new Set(memberIdsOf(caller));
  const own = r.members.some((m) => mine.has(m.memberId));
  const actors = new Set<RecordActor>();
  if (r.source === 'self_reported' && (own || (caller.actor.userId !== null && r.submittedBy === caller.actor.userId))) actors.add('owner');
  // A verifier never decides on a record that names themselves, whatever other grants they hold.
  if (canVerify(caller) && !own) actors.add('verifier');
  return { actors, own };
}

/** Whether the caller sees the record: staff and leaders see all; members see records that name them. */
export function canSeeRecord(caller: Caller, r: Pick<RecordRow, 'members' | 'submittedBy'>, oversee: boolean): boolean {
  const mine = new Set(memberIdsOf(caller));
  return oversee || r.members.some((m) => mine.has(m.memberId)) || (caller.actor.userId !== null && r.submittedBy === caller.actor.userId);
}

/**
 * One move of a duty record in one transaction: load it in the caller's committee (404),
 * check the caller's relation (403, with its own code for deciding on one's own record) and
 * the status (409) against the table, write the status, the audit row and the event.
 */
export async function moveRecord(db: Db, caller: Caller, id: string, action: RecordAction, extra: { reason?: string | null } = {}) {
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const record = await findRecord(uow.tx, committeeId, id, { lock: true });
    if (!record || !canSeeRecord(caller, record, canVerify(caller))) throw new AppError(PerformanceErrors['performance.record_not_found']);
    const { actors, own } = recordActorsOf(caller, record);
    const t = RECORD_TRANSITIONS[action];
    const plan = planRecordTransition(record.status, action, actors);
    if (!plan.ok && plan.reason === 'not_allowed') {
      if (t.by === 'verifier' && own && canVerify(caller)) throw new AppError(PerformanceErrors['performance.cannot_verify_own']);
      throw new AppError(PerformanceErrors['performance.record_not_allowed'], { action, actionLabel: t.label });
    }
    if (!plan.ok) {
      throw new AppError(PerformanceErrors['performance.invalid_record_transition'], { status: record.status, statusLabel: RECORD_STATUSES[record.status], action, actionLabel: t.label });
    }
    const decided = t.by === 'verifier';
    await setRecordStatus(uow.tx, committeeId, id, { status: plan.to, decidedBy: caller.actor.userId, decided, rejectReason: action === 'reject' ? extra.reason : null });
    await uow.audit({
      committeeId, action: `duty_record.${action}`, entity: 'duty_record', entityId: id,
      before: { status: record.status }, after: { status: plan.to, reason: extra.reason ?? null },
    });
    await uow.emit({
      type: `performance.record_${plan.to}`, committeeId, entityId: id,
      payload: { recordId: id, kind: record.kind, year: record.year, memberIds: record.members.map((m) => m.memberId), from: record.status, to: plan.to },
    });
    return { id, status: plan.to };
  });
}
