import type { Executor } from '../../../platform/db/unit-of-work.js';
import { diffLines, type DiffOp } from '../domain/diff.js';
import { loadItem } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { versionsOf, type VersionRow } from '../social-info.repository.js';

/** Every version (1 = the author's original) and the diff from the original to the current text. */
export async function itemVersions(db: Executor, caller: Caller, id: string): Promise<{ versions: VersionRow[]; diff: { title: DiffOp[]; body: DiffOp[] } }> {
  const { row } = await loadItem(db, caller, id);
  const versions = await versionsOf(db, caller.committeeId, id);
  const original = versions[0] ?? { title: row.title, body: row.body };
  return { versions, diff: { title: diffLines(original.title, row.title), body: diffLines(original.body, row.body) } };
}
