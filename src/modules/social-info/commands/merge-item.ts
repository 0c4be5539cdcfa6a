import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { mergeInput } from '../contracts.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findItem, patchItem } from '../social-info.repository.js';
import { move } from './move.js';
import { notifyAuthors, quoted } from './notify-authors.js';

const TARGET_STATES = ['submitted', 'screening', 'editing', 'sign_off'];

/**
 * 合并: the item reports the same matter as another one, which carries on; the merged item's
 * authors stay credited through the event (memberIds) and see the target in their trail.
 */
export async function mergeItem(db: Db, caller: Caller, id: string, raw: { targetId: string; note?: string | null }) {
  const input = mergeInput.parse(raw);
  return move(db, caller, id, 'merge', async ({ uow, row }) => {
    if (input.targetId === id) throw new AppError(InfoErrors['social_info.merge_target_invalid']);
    const target = await findItem(uow.tx, caller.committeeId, input.targetId);
    if (!target || target.mergedIntoId || !TARGET_STATES.includes(target.state)) throw new AppError(InfoErrors['social_info.merge_target_invalid']);
    await patchItem(uow.tx, caller.committeeId, id, { mergedIntoId: target.id, reason: input.note });
    await notifyAuthors(uow, caller, row, {
      step: 'merged', title: `您报送的社情民意信息${quoted(row.title)}已与同一事项的${quoted(target.title)}合并编发`, body: input.note,
    });
    return { after: { targetId: target.id }, payload: { targetId: target.id, targetTitle: target.title } };
  });
}
