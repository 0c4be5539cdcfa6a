import { listAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { canSee, visibilityOf } from '../commands/access.js';
import { DEMAND_FILES } from '../commands/create-demand.js';
import type { ListQuery } from '../contracts.js';
import { DemandErrors as E } from '../demands.errors.js';
import { findDemand, listDemands, type DemandRow } from '../demands.repository.js';
import { presentDemand } from './present.js';

/** The demand in the caller's committee when the caller may see it; otherwise 404 (never a hint that it exists). */
export async function visibleDemand(db: Executor, caller: Caller, id: string): Promise<DemandRow> {
  const d = await findDemand(db, caller.committeeId, id);
  if (!d || !canSee(caller, d)) throw new AppError(E['demand.not_found']);
  return d;
}

export async function getDemand(db: Db, caller: Caller, id: string, lang: Lang) {
  const d = await visibleDemand(db, caller, id);
  return { ...presentDemand(caller, d, lang), photos: await listAttachments(db, caller.committeeId, DEMAND_FILES, id) };
}

/** The caller's list (staff and leaders: the committee's; a member: recorded or taken up; a clerk: referred to the unit), masked. */
export async function listVisibleDemands(db: Db, caller: Caller, q: ListQuery, lang: Lang) {
  const { rows, total } = await listDemands(db, caller.committeeId, visibilityOf(caller), {
    state: q.state, channel: q.channel, kind: q.kind, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((d) => presentDemand(caller, d, lang)), total, page: q.page, pageSize: q.pageSize };
}
