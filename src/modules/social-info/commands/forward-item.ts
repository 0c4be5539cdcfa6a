import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { forwardInput } from '../contracts.js';
import { parseInfoSettings } from '../domain/settings.js';
import { FORWARDED_EVENT } from '../events.js';
import { loadItem } from '../item.access.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { findIssue, insertForward, itemsOfIssue, readInfoSettings } from '../social-info.repository.js';
import { requireRole } from './issue-rules.js';
import { notifyAuthors, quoted } from './notify-authors.js';

type ForwardInput = { destinations: string[]; forwardedOn: string };

async function forwardOne(uow: UnitOfWork, caller: Caller, itemId: string, issueId: string | null, input: ForwardInput) {
  const { row } = await loadItem(uow.tx, caller, itemId, { lock: true });
  if (row.state !== 'published') throw new AppError(InfoErrors['social_info.not_published']);
  const added: string[] = [];
  for (const destination of input.destinations) {
    if (await insertForward(uow.tx, caller.committeeId, { itemId, issueId, destination, forwardedOn: input.forwardedOn })) added.push(destination);
  }
  if (!added.length) return;
  await uow.audit({ committeeId: caller.committeeId, action: 'social_info.forward', entity: 'social_info_item', entityId: itemId, after: { destinations: added, issueId } });
  await notifyAuthors(uow, caller, row, { step: 'forwarded', title: `您报送的社情民意信息${quoted(row.title)}已报送${added.join('、')}` });
  await uow.emit({
    type: FORWARDED_EVENT, committeeId: caller.committeeId, entityId: itemId,
    payload: { itemId, issueId, destinations: added, forwardedOn: input.forwardedOn, memberIds: row.memberIds },
  });
}

async function destinationsChecked(uow: UnitOfWork, caller: Caller, raw: ForwardInput) {
  const input = forwardInput.parse(raw);
  const settings = parseInfoSettings(await readInfoSettings(uow.tx, caller.committeeId));
  for (const destination of input.destinations) {
    if (!settings.destinations.includes(destination)) throw new AppError(InfoErrors['social_info.destination_unknown'], { destination });
  }
  return { ...input, destinations: [...new Set(input.destinations)] };
}

/** 报送: a published item is forwarded to destinations from the committee's list (again to one already sent: no change). */
export async function forwardItem(db: Db, caller: Caller, id: string, raw: ForwardInput) {
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const input = await destinationsChecked(uow, caller, raw);
    await forwardOne(uow, caller, id, null, input);
    return { id };
  });
}

/** 报送 of a whole released issue: each of its items is forwarded, remembering the issue. */
export async function forwardIssue(db: Db, caller: Caller, id: string, raw: ForwardInput) {
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const issue = await findIssue(uow.tx, caller.committeeId, id);
    if (!issue) throw new AppError(InfoErrors['social_info.issue_not_found']);
    if (issue.status !== 'released') throw new AppError(InfoErrors['social_info.not_published']);
    const input = await destinationsChecked(uow, caller, raw);
    for (const item of await itemsOfIssue(uow.tx, caller.committeeId, id)) await forwardOne(uow, caller, item.id, id, input);
    return { id };
  });
}
