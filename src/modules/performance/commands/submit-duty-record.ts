import { claimAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { recordInput, type RecordInput } from '../contracts.js';
import { chinaDate } from '../../../platform/time.js';
import { AUTOMATIC_ONLY, DUTY_KINDS, parseMetrics } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { canOrganise, canVerify, memberIdsOf, type Caller } from '../performance.policy.js';
import { activeMembers, DUTY_RECORD_FILES, insertRecord } from '../record.repository.js';

/**
 * 自行填报: a member reports something they did, with evidence (uploaded files, claimed in the
 * same transaction, and/or links); it counts once staff verify it.
 * Co-participants (`coMemberIds`) are credited on the same record. Staff may report for members
 * who have no account (`memberIds`); the record still needs verifying.
 */
export async function submitDutyRecord(db: Db, caller: Caller, raw: RecordInput, today: string = chinaDate()): Promise<string> {
  const input = recordInput.parse(raw);
  const { committeeId } = caller;
  if (AUTOMATIC_ONLY.has(input.kind)) {
    throw new AppError(PerformanceErrors['performance.kind_not_self_reportable'], { kind: input.kind, label: DUTY_KINDS[input.kind] });
  }
  const metrics = parseMetrics(input.kind, input.metrics);
  if (!metrics.ok) throw new AppError(PerformanceErrors['performance.metrics_invalid'], { message: metrics.message });
  if (input.occurredOn > today) throw new AppError(PerformanceErrors['performance.date_invalid']);

  let reporters: string[];
  if (input.memberIds) {
    if (!canOrganise(caller) && !canVerify(caller)) throw new AppError(PerformanceErrors['performance.needs_member']);
    reporters = input.memberIds;
  } else {
    const own = memberIdsOf(caller)[0];
    if (!own) throw new AppError(PerformanceErrors['performance.needs_member']);
    reporters = [own];
  }
  const all = [...reporters, ...input.coMemberIds];
  return transact(db, caller.actor, async (uow) => {
    if (new Set(all).size !== all.length || (await activeMembers(uow.tx, committeeId, all)).length !== all.length) {
      throw new AppError(PerformanceErrors['performance.member_unknown']);
    }
    const role = all.length > 1 ? 'participant' : null;
    const { id } = await insertRecord(uow.tx, committeeId, {
      kind: input.kind, occurredOn: input.occurredOn, title: input.title, description: input.description, source: 'self_reported',
      status: 'submitted', units: input.units, metrics: metrics.metrics, evidence: input.evidence, submittedBy: caller.actor.userId,
      members: all.map((memberId) => ({ memberId, role })),
    });
    const files = await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds, ownerKind: DUTY_RECORD_FILES, ownerId: id, actorUserId: caller.actor.userId });
    await uow.audit({
      committeeId, action: 'duty_record.submitted', entity: 'duty_record', entityId: id,
      after: {
        kind: input.kind, occurredOn: input.occurredOn, title: input.title, members: all, metrics: metrics.metrics, evidence: input.evidence,
        attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
      },
    });
    await uow.emit({ type: 'performance.record_submitted', committeeId, entityId: id, payload: { recordId: id, kind: input.kind, memberIds: all } });
    return id;
  });
}
