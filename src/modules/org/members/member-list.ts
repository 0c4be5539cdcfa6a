import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { CacheHub } from '../../../platform/cache.js';
import type { MemberListQuery, MemberView } from '../contracts.js';
import { listMembers, MEMBER_LIST_TOPIC } from './member.repository.js';

/**
 * Members without access to private fields see the roster without phone numbers, and of the birth
 * date only the year ("1968"): a made-up 1968-01-01 read as a real, implausible date.
 */
export function present(m: MemberView, canSeePrivate: boolean): MemberView {
  return canSeePrivate ? m : { ...m, phone: null, birthDate: m.birthDate ? m.birthDate.slice(0, 4) : null };
}

/**
 * Pages of the member list, kept as their JSON body: per committee, normalised query and whether
 * the caller sees private fields. Dropped by every write that touches MEMBER_LIST_TOPIC for the
 * committee (here at once, on other instances through NOTIFY; see platform/cache.ts). About 32
 * million characters at most (roughly 4,000 pages of 20).
 */
export function memberListCache(hub: CacheHub) {
  return hub.table<string>('org.member-list', [MEMBER_LIST_TOPIC], { maxWeight: 32 * 2 ** 20, weigh: (s) => s.length });
}

function keyOf(q: MemberListQuery, priv: boolean): string {
  return [priv ? 1 : 0, q.q?.trim() ?? '', q.sectorId ?? '', q.specialCommitteeId ?? '', q.role ?? '', q.status ?? '',
    q.sort, q.order, q.page, q.pageSize].join('\u0001');
}

/** The list page's JSON body `{ items, total }`, from the cache when it is there. */
export async function memberListJson(
  db: Executor, committeeId: string, q: MemberListQuery, canSeePrivate: boolean, hub: CacheHub = CacheHub.for(db as Db),
): Promise<string> {
  return memberListCache(hub).get(committeeId, keyOf(q, canSeePrivate), async () => {
    const res = await listMembers(db, committeeId, q);
    return JSON.stringify({ items: res.items.map((m) => present(m, canSeePrivate)), total: res.total });
  });
}
