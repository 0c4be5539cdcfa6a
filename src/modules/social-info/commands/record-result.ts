import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { resultInput, type ResultInput } from '../contracts.js';
import { ADOPTED_EVENT, FOLLOWED_UP_EVENT, INSTRUCTED_EVENT, type AdoptedPayload, type InstructedPayload } from '../events.js';
import { loadItem } from '../item.access.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import { forwardsOf, insertResult } from '../social-info.repository.js';
import { requireRole } from './issue-rules.js';
import { creditAuthors } from './credit-authors.js';
import { notifyAuthors, quoted } from './notify-authors.js';

/**
 * What came of a forward, recorded by the info office: 采用 (adopted, by which publication),
 * 批示 (a leader's instruction, with level provincial/city) or a follow-up note (办理落实).
 * Adoption and instruction emit the events that credit the authors.
 */
export async function recordResult(db: Db, caller: Caller, id: string, raw: ResultInput): Promise<string> {
  const input = resultInput.parse(raw);
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const { committeeId } = caller;
    const { row } = await loadItem(uow.tx, caller, id, { lock: true });
    const forward = (await forwardsOf(uow.tx, committeeId, id)).find((f) => f.destination === input.destination);
    if (!forward) throw new AppError(InfoErrors['social_info.not_forwarded']);
    const resultId = await insertResult(uow.tx, committeeId, {
      forwardId: forward.id, itemId: id, kind: input.kind, onDate: input.onDate, text: input.text,
      publication: input.kind === 'adoption' ? input.publication : null,
      leader: input.kind === 'instruction' ? input.leader : null,
      level: input.kind === 'instruction' ? input.level : null,
    });
    await uow.audit({ committeeId, action: `social_info.result_${input.kind}`, entity: 'social_info_item', entityId: id, after: { resultId, ...input } });
    const base = { itemId: id, memberIds: row.memberIds, destination: input.destination, onDate: input.onDate };
    if (input.kind === 'adoption') {
      const payload: AdoptedPayload = { ...base, publication: input.publication };
      await uow.emit({ type: ADOPTED_EVENT, committeeId, entityId: id, payload });
      await notifyAuthors(uow, caller, row, {
        step: 'adopted', title: `您报送的社情民意信息${quoted(row.title)}被${input.destination}采用${input.publication ? `（${input.publication}）` : ''}`, body: input.text || null,
      });
      await creditAuthors(uow, committeeId, {
        kind: 'social_info_adopted', sourceRef: `social-info:${id}:adopted`, title: `社情民意信息《${row.title}》被采用`,
        memberIds: row.memberIds, occurredOn: input.onDate,
      });
    } else if (input.kind === 'instruction') {
      const payload: InstructedPayload = { ...base, leader: input.leader, level: input.level };
      await uow.emit({ type: INSTRUCTED_EVENT, committeeId, entityId: id, payload });
      await notifyAuthors(uow, caller, row, {
        step: 'instructed', title: `您报送的社情民意信息${quoted(row.title)}获${input.level === 'provincial' ? '省级' : '市级'}领导${input.leader}批示`, body: input.text,
      });
      await creditAuthors(uow, committeeId, {
        kind: 'leader_instruction', sourceRef: `social-info:${id}:instructed:${input.level}`,
        title: `社情民意信息《${row.title}》获${input.level === 'provincial' ? '省级' : '市级'}领导批示`, memberIds: row.memberIds, occurredOn: input.onDate,
      });
    } else {
      await uow.emit({ type: FOLLOWED_UP_EVENT, committeeId, entityId: id, payload: { ...base, text: input.text } });
      await notifyAuthors(uow, caller, row, { step: 'followed_up', title: `您报送的社情民意信息${quoted(row.title)}有新的办理落实情况`, body: input.text });
    }
    return resultId;
  });
}
