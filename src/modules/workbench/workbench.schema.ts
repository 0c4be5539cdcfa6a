import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { committees, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * When each person last opened the workbench in a committee, so the home can say what changed
 * since (personal state, like reading a notice: not audited).
 */
export const workbenchVisits = pgTable(
  'workbench_visits',
  {
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.userId] })],
);
