
import type { Executor } from './db/unit-of-work.js';
import { notifications } from './platform.schema.js';

/**
 * In-app notifications, written in the transaction of the change they announce (so a rolled-back
 * move notifies nobody). `dedupeKey` makes repeated reminder runs harmless: one row per user and key.
 */
export interface Notice {
  committeeId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  body?: string | null;
  /** A path in the web app, e.g. `/proposals/<id>`. */
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
  dedupeKey?: string | null;
}

/** Returns how many rows were written (fewer than users when a dedupe key was already used). */
export async function notify(db: Executor, n: Notice): Promise<number> {
  const users = [...new Set(n.userIds)];
  if (users.length === 0) return 0;
  const rows = await db
    .insert(notifications)
    .values(
      users.map((userId) => ({
        committeeId: n.committeeId, userId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null,
        entity: n.entity ?? null, entityId: n.entityId ?? null, dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}

