import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { claimAttachments } from '../../../platform/attachments.js';
import { KeyErrors } from '../key.errors.js';
import { supervisionEventInput, supervisionInput, type SupervisionEventInput, type SupervisionInput } from '../key.contracts.js';
import { insertSupervisionEvent } from '../key.repository.js';
import type { Caller } from '../proposals.policy.js';
import { checkSupervision, noticeToLeader } from './key-approve.js';
import { keyMove } from './key-move.js';

/** The owner kind of the files of a supervision event. */
export const SUPERVISION_ATTACHMENT_KIND = 'proposal_supervision';

/** 确定领衔督办: the office names the leader who leads the supervision and the channel (督办方式). */
export async function setSupervision(db: Db, caller: Caller, proposalId: string, raw: SupervisionInput) {
  const input = supervisionInput.parse(raw);
  return keyMove(db, caller, proposalId, 'set_supervision', async ({ uow, row, settings, key }) => {
    const { leaderName, channelLabel } = await checkSupervision(uow.tx, caller.committeeId, settings, input.leaderUserId, input.channel);
    if (input.leaderUserId !== key!.leadLeaderUserId) await noticeToLeader(uow.tx, caller.committeeId, row, input.leaderUserId, channelLabel);
    return {
      patch: { leadLeaderUserId: input.leaderUserId, channel: input.channel },
      before: { leaderUserId: key!.leadLeaderUserId, channel: key!.channel },
      after: { leaderUserId: input.leaderUserId, leaderName, channel: input.channel },
      payload: { leaderUserId: input.leaderUserId, channel: input.channel },
    };
  });
}

/**
 * 督办活动: the office or the supervising leader records an event of the supervision (座谈,
 * 视察, 走访承办单位, 办理协商会 …) with its date, participants and notes; uploaded files are
 * claimed for it in the same transaction.
 */
export async function recordSupervisionEvent(db: Db, caller: Caller, proposalId: string, raw: SupervisionEventInput): Promise<string> {
  const input = supervisionEventInput.parse(raw);
  let eventId = '';
  await keyMove(db, caller, proposalId, 'record_event', async ({ uow, settings }) => {
    if (!settings.supervisionEventKinds.some((k) => k.code === input.kind)) throw new AppError(KeyErrors['proposal.key_event_kind_unknown'], { kind: input.kind });
    eventId = await insertSupervisionEvent(uow.tx, caller.committeeId, proposalId, {
      kind: input.kind, heldOn: input.heldOn, participants: input.participants, notes: input.notes, createdBy: caller.actor.userId,
    });
    const files = await claimAttachments(uow.tx, {
      committeeId: caller.committeeId, ids: input.attachmentIds, ownerKind: SUPERVISION_ATTACHMENT_KIND, ownerId: eventId, actorUserId: caller.actor.userId,
    });
    const recorded = { eventId, kind: input.kind, heldOn: input.heldOn, participants: input.participants, attachments: files.map((f) => f.id) };
    return { after: { ...recorded, notes: input.notes }, payload: recorded };
  });
  return eventId;
}
