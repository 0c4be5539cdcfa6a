import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { RECORD_TRANSITIONS, recordWorkflow, type RecordAction, type RecordActor } from '../domain/record-workflow.js';
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
  if (canVerify(caller) && !own) {
    actors.add('verifier');
    if (r.source === 'self_reported') actors.add('report_verifier');
  }
  return { actors, own };
}

/** Whether the caller sees the record: staff and leaders see all; members see records that name them. */
export function canSeeRecord(caller: Caller, r: Pick<RecordRow, 'members' | 'submittedBy'>, oversee: boolean): boolean {
  const mine = new Set(memberIdsOf(caller));
  return oversee || r.members.some((m) => mine.has(m.memberId)) || (caller.actor.userId !== null && r.submittedBy === caller.actor.userId);
}

/**
 * One move of a duty record in one transaction, through the platform's kernel: load it in the
 * caller's committee (404), check the caller's relation (403, with its own code for deciding on
 * one's own record) and the status (409) against the table, write the status, the audit row and
 * the event.
 */
export async function moveRecord(db: Db, caller: Caller, id: string, action: RecordAction, extra: { reason?: string | null } = {}) {
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const { to } = await recordWorkflow.move(uow, {
      action, committeeId, entity: 'duty_record', entityId: id,
      async load() {
        const record = await findRecord(uow.tx, committeeId, id, { lock: true });
        if (!record || !canSeeRecord(caller, record, canVerify(caller))) throw new AppError(PerformanceErrors['performance.record_not_found']);
        const { actors, own } = recordActorsOf(caller, record);
        return { record, own, state: record.status, actors };
      },
      refuse(reason, { own }) {
        const verifying = (RECORD_TRANSITIONS[action].by as readonly string[]).some((b) => b === 'verifier' || b === 'report_verifier');
        return reason === 'not_allowed' && verifying && own && canVerify(caller) ? new AppError(PerformanceErrors['performance.cannot_verify_own']) : null;
      },
      work: async () => ({ after: { reason: extra.reason ?? null } }),
      // Counting starts when a record becomes verified and stops when it leaves that state (void, unverify).
      writeState: (to, from) => setRecordStatus(uow.tx, committeeId, id, {
        status: to, decidedBy: caller.actor.userId,
        decision: action === 'unverify' ? 'undone' : (RECORD_TRANSITIONS[action].by as readonly string[]).includes('verifier') ? 'decided' : 'kept',
        rejectReason: action === 'reject' ? extra.reason : null,
        span: to === 'verified' ? 'open' : from === 'verified' ? 'close' : null,
      }),
      auditAction: `duty_record.${action}`,
      stateKey: 'status',
      event: (to) => `performance.record_${to}`,
      payload: ({ record }) => ({ recordId: id, kind: record.kind, year: record.year, memberIds: record.members.map((m) => m.memberId) }),
    });
    return { id, status: to };
  });
}
