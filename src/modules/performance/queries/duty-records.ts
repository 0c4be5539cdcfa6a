import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { canSeeRecord, recordActorsOf } from '../commands/record-move.js';
import type { RecordListQuery } from '../contracts.js';
import { DUTY_KINDS } from '../domain/kinds.js';
import { RECORD_ACTIONS, RECORD_STATUSES, recordWorkflow, type RecordAction } from '../domain/record-workflow.js';
import { PerformanceErrors } from '../performance.errors.js';
import { canOversee, memberIdsOf, type Caller } from '../performance.policy.js';
import { findRecord, listRecords, type RecordRow } from '../record.repository.js';

export type RecordView = RecordRow & { kindLabel: string; statusLabel: string; abilities: Record<RecordAction, boolean> };

function present(caller: Caller, r: RecordRow): RecordView {
  const { actors } = recordActorsOf(caller, r);
  const abilities = Object.fromEntries(RECORD_ACTIONS.map((a) => [a, recordWorkflow.check(r.status, a, actors) === null])) as Record<RecordAction, boolean>;
  return { ...r, kindLabel: DUTY_KINDS[r.kind], statusLabel: RECORD_STATUSES[r.status], abilities };
}

/** One duty record with what the caller may do with it; 404 unless staff/leader or it names the caller. */
export async function getDutyRecord(db: Executor, caller: Caller, id: string): Promise<RecordView> {
  const r = await findRecord(db, caller.committeeId, id);
  if (!r || !canSeeRecord(caller, r, canOversee(caller))) throw new AppError(PerformanceErrors['performance.record_not_found']);
  return present(caller, r);
}

/** Duty records: staff and leaders filter over everyone (the verification queue is status=submitted); members see their own. */
export async function listDutyRecords(db: Executor, caller: Caller, q: RecordListQuery) {
  let memberIds: string[] | undefined = q.memberId ? [q.memberId] : undefined;
  if (!canOversee(caller)) {
    const mine = memberIdsOf(caller);
    memberIds = q.memberId ? mine.filter((m) => m === q.memberId) : mine;
  }
  const { items, total } = await listRecords(db, caller.committeeId, { ...q, memberIds });
  return { items: items.map((r) => present(caller, r)), total, page: q.page, pageSize: q.pageSize };
}
