import type { Db } from '../../../platform/db/database.js';
import { editInput } from '../contracts.js';
import type { Caller } from '../social-info.policy.js';
import { insertVersion, patchItem } from '../social-info.repository.js';
import { move } from './move.js';
import { checkLength, itemTokens } from './text-rules.js';

/**
 * 编辑: the editor changes the wording. The item's current text changes; the change is stored
 * as a new version beside the author's original (version 1), which stays as it was.
 */
export async function editItem(db: Db, caller: Caller, id: string, raw: { title?: string; body?: string; note?: string | null }) {
  const input = editInput.parse(raw);
  return move(db, caller, id, 'edit', async ({ uow, row, settings }) => {
    const title = input.title ?? row.title;
    const body = input.body ?? row.body;
    checkLength(body, settings);
    const version = await insertVersion(uow.tx, caller.committeeId, id, {
      kind: 'edit', title, body, note: input.note, createdBy: caller.actor.userId, createdByLabel: caller.actor.label,
    });
    await patchItem(uow.tx, caller.committeeId, id, { title, body, tokens: itemTokens(title, body) });
    return { before: { title: row.title }, after: { title, version }, payload: { version } };
  });
}
