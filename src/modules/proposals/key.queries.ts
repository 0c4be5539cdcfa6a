import { listAttachments } from '../../platform/attachments.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { PROPOSAL_STATES, type ProposalState } from './domain/proposal-workflow.js';
import { parseSettings } from './domain/settings.js';
import { keyActorsOf } from './commands/key-move.js';
import { SUPERVISION_ATTACHMENT_KIND } from './commands/supervise-proposal.js';
import type { KeyView, keyListQuery } from './key.contracts.js';
import { findKey, leadersOf, listKeys, supervisionEventsOf } from './key.repository.js';
import { KEY_ACTIONS, KEY_STATUSES, keyWorkflow, SHORTLISTABLE_STATES, type KeyAction, type KeyStatus } from './key.workflow.js';
import { loadVisible, visibleSql } from './proposal.access.js';
import { readSettings } from './proposal.repository.js';
import type { Caller } from './proposals.policy.js';
import type { z } from 'zod';

export type { KeyView };

/**
 * The key-proposal record of one proposal as the caller may see it (404 with the proposal). The
 * shortlist and its decisions are internal: members and units see a key proposal only once it
 * is approved (or was, while revoked they see nothing).
 */
export async function getKeyView(db: Executor, caller: Caller, proposalId: string): Promise<KeyView> {
  const l = await loadVisible(db, caller, proposalId);
  const c = caller.committeeId;
  const settings = parseSettings(await readSettings(db, c));
  const key = await findKey(db, c, proposalId);
  const insider = l.facts.office || l.facts.oversight;
  const shown = key && (insider || key.status === 'approved') ? key : undefined;
  const status: KeyStatus = shown?.status ?? 'none';
  const actors = keyActorsOf(caller, l, key, settings);
  const realStatus: KeyStatus = key?.status ?? 'none';
  const abilities = Object.fromEntries(KEY_ACTIONS.map((a) => {
    const ok = keyWorkflow.check(realStatus, a, actors) === null && (a !== 'shortlist' || SHORTLISTABLE_STATES.includes(l.row.state));
    return [a, ok];
  })) as Record<KeyAction, boolean>;
  const rows = shown && (shown.status === 'approved' || shown.status === 'revoked') ? await supervisionEventsOf(db, c, proposalId) : [];
  const events = [];
  for (const e of rows) {
    events.push({
      ...e, kindLabel: settings.supervisionEventKinds.find((k) => k.code === e.kind)?.label ?? e.kind,
      attachments: await listAttachments(db, c, SUPERVISION_ATTACHMENT_KIND, e.id),
    });
  }
  const channel = shown?.channel ? { code: shown.channel, label: settings.supervisionChannels.find((x) => x.code === shown.channel)?.label ?? shown.channel } : null;
  return {
    proposalId, status, statusLabel: KEY_STATUSES[status],
    reason: insider ? shown?.reason ?? null : null, decisionNote: insider ? shown?.decisionNote ?? null : null,
    leader: shown?.leadLeaderUserId ? { userId: shown.leadLeaderUserId, name: shown.leadLeaderName } : null,
    channel, shortlistedAt: shown?.shortlistedAt ?? null, decidedAt: shown?.decidedAt ?? null, events,
    channels: settings.supervisionChannels, eventKinds: settings.supervisionEventKinds,
    leaders: l.facts.office ? await leadersOf(db, c) : [],
    approvedBy: settings.keyApprovedBy, abilities,
  };
}

/**
 * The key proposals (重点提案) list: shortlisted, approved … with the supervising leader, the
 * channel and the supervision events so far. Office staff and leaders see every status; others
 * see approved ones among the proposals they may see.
 */
export async function listKeyProposals(db: Executor, caller: Caller, q: z.infer<typeof keyListQuery>) {
  const settings = parseSettings(await readSettings(db, caller.committeeId));
  const insider = caller.admin || caller.grants.some((g) => g.role === 'staff' || g.role === 'leader');
  const wanted = q.status ? q.status.split(',') : ['shortlisted', 'approved'];
  const statuses = insider ? wanted : wanted.filter((s) => s === 'approved');
  const rows = statuses.length
    ? await listKeys(db, caller.committeeId, visibleSql(caller), { statuses, leaderUserId: q.mine === 'true' ? caller.actor.userId ?? '00000000-0000-0000-0000-000000000000' : undefined })
    : [];
  return {
    items: rows.map((r) => ({
      ...r, stateLabel: PROPOSAL_STATES[r.state as ProposalState], statusLabel: KEY_STATUSES[r.status],
      channelLabel: r.channel ? settings.supervisionChannels.find((x) => x.code === r.channel)?.label ?? r.channel : null,
      reason: insider ? r.reason : null,
    })),
    approvedBy: settings.keyApprovedBy,
  };
}
