import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { ProposalSettings } from '../domain/settings.js';
import { KeyErrors } from '../key.errors.js';
import { keyApproveInput, keyDeclineInput, keyRevokeInput, type KeyApproveInput } from '../key.contracts.js';
import { leadersOf } from '../key.repository.js';
import { keyCreditRef } from '../key.workflow.js';
import type { Caller } from '../proposals.policy.js';
import { creditedMembers } from './move.js';
import { keyMove } from './key-move.js';

/** Checks a supervision: the leader is an active leader-role user of the committee, the channel one of its settings. */
export async function checkSupervision(db: Executor, committeeId: string, settings: ProposalSettings, leaderUserId: string | null, channel: string | null) {
  let leaderName: string | null = null;
  if (leaderUserId) {
    const found = await leadersOf(db, committeeId, [leaderUserId]);
    if (!found.length) throw new AppError(KeyErrors['proposal.key_leader_unknown']);
    leaderName = found[0].name;
  }
  if (channel && !settings.supervisionChannels.some((c) => c.code === channel)) throw new AppError(KeyErrors['proposal.key_channel_unknown'], { channel });
  return { leaderName, channelLabel: settings.supervisionChannels.find((c) => c.code === channel)?.label ?? null };
}

/** Tells the leader that they lead a proposal's supervision (领衔督办). */
export async function noticeToLeader(db: Executor, committeeId: string, proposal: { id: string; title: string; numberLabel: string | null }, leaderUserId: string, channelLabel: string | null) {
  await notify(db, {
    committeeId, userIds: [leaderUserId], kind: 'proposal.supervision_lead',
    title: `请您领衔督办重点提案${proposal.numberLabel ?? ''}“${proposal.title}”`, body: channelLabel,
    link: `/proposals/${proposal.id}`, entity: 'proposal', entityId: proposal.id,
  });
}

/**
 * 批准重点提案: the approver (a leader, or the office, per settings) approves a shortlisted
 * proposal, optionally naming the supervising leader and channel. Its signers get the key-proposal
 * credit through performance's generic `duty.recorded` (kind proposal_key), once per approval.
 */
export async function approveKeyProposal(db: Db, caller: Caller, proposalId: string, raw: KeyApproveInput = {}) {
  const input = keyApproveInput.parse(raw);
  return keyMove(db, caller, proposalId, 'approve', async ({ uow, row, signers, settings, key }) => {
    const leaderUserId = input.leaderUserId ?? key?.leadLeaderUserId ?? null;
    const channel = input.channel ?? key?.channel ?? null;
    const { channelLabel } = await checkSupervision(uow.tx, caller.committeeId, settings, leaderUserId, channel);
    const approval = (key?.approvals ?? 0) + 1;
    const members = creditedMembers(signers);
    const sourceRef = keyCreditRef(proposalId, approval);
    if (leaderUserId && leaderUserId !== key?.leadLeaderUserId) await noticeToLeader(uow.tx, caller.committeeId, row, leaderUserId, channelLabel);
    return {
      patch: { approvals: approval, decisionNote: input.note, decidedBy: caller.actor.userId, decidedAt: 'now', leadLeaderUserId: leaderUserId, channel },
      after: { note: input.note, leaderUserId, channel, approval },
      payload: { title: row.title, numberLabel: row.numberLabel, sessionId: row.sessionId, members, leaderUserId, channel, sourceRef },
      events: members.length ? [{
        type: 'duty.recorded', committeeId: caller.committeeId, entityId: null,
        payload: { kind: 'proposal_key', sourceRef, title: `${row.title}（重点提案${row.numberLabel ?? ''}）`.slice(0, 200), members },
      }] : [],
    };
  });
}

/** 不列为重点: the approver declines the shortlisted proposal (or the office takes it back). */
export async function declineKeyProposal(db: Db, caller: Caller, proposalId: string, raw: { note?: string | null } = {}) {
  const input = keyDeclineInput.parse(raw);
  return keyMove(db, caller, proposalId, 'decline', async () => ({
    patch: { decisionNote: input.note, decidedBy: caller.actor.userId, decidedAt: 'now' }, after: { note: input.note }, payload: { note: input.note },
  }));
}

/** 撤销重点: the office revokes an approved key proposal; its key-proposal credit is revoked (`duty.revoked`). */
export async function revokeKeyProposal(db: Db, caller: Caller, proposalId: string, raw: { reason: string }) {
  const { reason } = keyRevokeInput.parse(raw);
  return keyMove(db, caller, proposalId, 'revoke', async ({ key }) => {
    const sourceRef = keyCreditRef(proposalId, key!.approvals);
    return {
      patch: { decisionNote: reason, decidedBy: caller.actor.userId, decidedAt: 'now' },
      after: { reason }, payload: { reason, sourceRef },
      events: [{ type: 'duty.revoked', committeeId: caller.committeeId, entityId: null, payload: { sourceRef } }],
    };
  });
}
