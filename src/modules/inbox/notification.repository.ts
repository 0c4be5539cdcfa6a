import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { notifications } from '../../platform/platform.schema.js';
import type { NotificationPage, NotificationView } from './contracts.js';

/** A user's notifications in one committee. SQL only; every statement is scoped by committee and user. */
export interface Recipient {
  committeeId: string;
  userId: string;
}

const view = {
  id: sql<string>`${notifications.id}::text`,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  entity: notifications.entity,
  entityId: notifications.entityId,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};
const mine = (r: Recipient) => and(eq(notifications.committeeId, r.committeeId), eq(notifications.userId, r.userId));

/** Newest first (id breaks ties within one transaction's batch), with the total and the unread count. */
export async function listNotifications(
  db: Executor, r: Recipient, q: { page: number; pageSize: number; unread: boolean },
): Promise<NotificationPage> {
  const where = q.unread ? and(mine(r), isNull(notifications.readAt)) : mine(r);
  const [items, [counts]] = await Promise.all([
    db.select(view).from(notifications).where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({
      total: q.unread ? sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` : sql<number>`count(*)::int`,
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
    }).from(notifications).where(mine(r)),
  ]);
  return { items: items as NotificationView[], total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** Marks one as read (keeps the first reading time); null when it is not this user's in this committee. */
export async function markNotificationRead(db: Executor, r: Recipient, id: string): Promise<NotificationView | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(r), eq(notifications.id, Number(id))))
    .returning(view);
  return (row as NotificationView | undefined) ?? null;
}

export async function markAllNotificationsRead(db: Executor, r: Recipient): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(r), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
