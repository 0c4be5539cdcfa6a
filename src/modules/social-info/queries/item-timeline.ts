import type { Executor } from '../../../platform/db/unit-of-work.js';
import { loadItem } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { eventsOfItem } from '../social-info.repository.js';

/** The item's trail as its author sees it: every event (submitted, edited, published, forwarded, adopted, instructed …), oldest first. */
export async function itemTimeline(db: Executor, caller: Caller, id: string) {
  await loadItem(db, caller, id);
  const events = await eventsOfItem(db, caller.committeeId, id);
  return { items: events.map((e) => ({ type: e.type, at: e.at, payload: e.payload })) };
}
