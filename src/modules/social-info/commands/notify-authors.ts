import type { UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { notify } from '../../../platform/notifications.js';
import type { Caller } from '../social-info.policy.js';
import { usersOfMembers } from '../social-info.repository.js';

/**
 * Tells the authors what became of their item, in the transaction of the step itself: the user
 * accounts of the crediting members (user_roles role member → member) and the user who submitted
 * it (staff submitting for an organisation), never the one who took the step.
 */
export async function notifyAuthors(
  uow: UnitOfWork,
  caller: Caller,
  item: { id: string; title: string; memberIds: string[]; createdBy: string | null },
  n: { step: 'returned' | 'archived' | 'merged' | 'published' | 'forwarded' | 'adopted' | 'instructed' | 'followed_up'; title: string; body?: string | null },
): Promise<number> {
  const users = new Set(await usersOfMembers(uow.tx, caller.committeeId, item.memberIds));
  if (item.createdBy) users.add(item.createdBy);
  if (caller.actor.userId) users.delete(caller.actor.userId);
  return notify(uow.tx, {
    committeeId: caller.committeeId, userIds: [...users], kind: `social_info.${n.step}`, title: n.title, body: n.body ?? null,
    link: `/social-info/items/${item.id}`, entity: 'social_info_item', entityId: item.id,
  });
}

/** 《关于…的反映》 — the item's title as the notices quote it. */
export const quoted = (title: string) => `《${title.length > 40 ? title.slice(0, 40) + '…' : title}》`;
