import type { Db } from '../../../platform/db/database.js';
import { reasonInput } from '../contracts.js';
import { patchItem } from '../social-info.repository.js';
import type { Caller } from '../social-info.policy.js';
import { move } from './move.js';
import { notifyAuthors, quoted } from './notify-authors.js';

/** 筛选: the info office takes a submitted item up for screening. */
export const screenItem = (db: Db, caller: Caller, id: string) => move(db, caller, id, 'screen');

/** 采编: the item passed screening and goes to editing. */
export const acceptItem = (db: Db, caller: Caller, id: string) => move(db, caller, id, 'accept');

/** 退回修改: back to the author with a reason. */
export async function returnItem(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'return', async ({ uow, row }) => {
    await patchItem(uow.tx, caller.committeeId, id, { reason });
    await notifyAuthors(uow, caller, row, { step: 'returned', title: `您报送的社情民意信息${quoted(row.title)}被退回修改`, body: reason });
    return { after: { reason }, payload: { reason } };
  });
}

/** 存档不用: kept but not used, with a reason the author sees. */
export async function archiveItem(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return move(db, caller, id, 'archive', async ({ uow, row }) => {
    await patchItem(uow.tx, caller.committeeId, id, { reason });
    await notifyAuthors(uow, caller, row, { step: 'archived', title: `您报送的社情民意信息${quoted(row.title)}存档未用`, body: reason });
    return { after: { reason }, payload: { reason } };
  });
}
