import { notify } from '../../platform/notifications.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { ProposalAction, ProposalState } from './domain/proposal-workflow.js';
import type { AssignmentRow } from './handling.repository.js';
import type { ProposalRow, SignerRow } from './proposal.repository.js';
import { clerkUsers, memberUsers, officeUsers } from './reminders.repository.js';

/**
 * In-app notices of the workflow moves that concern someone, written in the move's transaction
 * (a rolled-back move notifies nobody). Called by move() after the state change.
 */
export interface MoveNoticeContext {
  tx: Executor;
  committeeId: string;
  row: Pick<ProposalRow, 'id' | 'title' | 'numberLabel' | 'round'>;
  signers: Pick<SignerRow, 'memberId' | 'position' | 'status'>[];
  /** The assignments as loaded before the move. */
  assignments: Pick<AssignmentRow, 'unitId' | 'role' | 'status'>[];
}

/** The rating reminder's dedupe key; the release notice uses week 0, so the daily job does not repeat it in the first week. */
export const ratingKey = (proposalId: string, round: number, memberId: string, week: number) => `proposal-rate:${proposalId}:${round}:${memberId}:w${week}`;

const label = (r: MoveNoticeContext['row']) => (r.numberLabel ? `${r.numberLabel}提案“${r.title}”` : `提案“${r.title}”`);
const liveUnits = (as: MoveNoticeContext['assignments'], lead = false) =>
  as.filter((a) => (a.status === 'active' || a.status === 'objected') && (!lead || a.role !== 'co')).map((a) => a.unitId);

export async function noticesOfMove(
  c: MoveNoticeContext, action: ProposalAction, to: ProposalState, payload: Record<string, unknown> = {},
): Promise<void> {
  const { tx, committeeId, row } = c;
  const base = { committeeId, link: `/proposals/${row.id}`, entity: 'proposal', entityId: row.id };
  const toUnits = async (unitIds: readonly string[], kind: string, title: string, body?: string) => {
    const users = await clerkUsers(tx, committeeId, unitIds);
    await notify(tx, { ...base, userIds: users.map((u) => u.userId), kind, title, body });
  };
  const toMembers = async (memberIds: readonly string[], kind: string, title: string, body?: string) => {
    const users = await memberUsers(tx, committeeId, memberIds);
    await notify(tx, { ...base, userIds: users.map((u) => u.userId), kind, title, body });
  };
  const proposer = c.signers.filter((s) => s.position === 1).map((s) => s.memberId);
  const reason = typeof payload.reason === 'string' ? payload.reason : undefined;

  switch (action) {
    case 'assign':
    case 'reassign': {
      const units = ((payload.units as { unitId: string; role: string }[] | undefined) ?? []).map((u) => u.unitId);
      const deadline = typeof payload.deadline === 'string' ? payload.deadline : '';
      await toUnits(units, 'proposal.assigned', `新交办：${label(row)}`, deadline ? `答复期限 ${deadline}` : undefined);
      return;
    }
    case 'release': {
      // One notice per rater, keyed like the daily rating reminder of week 0.
      const raters = (payload.raters as string[] | undefined) ?? [];
      for (const u of await memberUsers(tx, committeeId, raters)) {
        await notify(tx, {
          ...base, userIds: [u.userId], kind: 'proposal.reply_released', title: `${label(row)}已答复，请评价`,
          dedupeKey: ratingKey(row.id, row.round, u.memberId, 0),
        });
      }
      return;
    }
    case 'return_for_revision':
      await toMembers(proposer, 'proposal.returned', `${label(row)}被退回修改`, reason);
      return;
    case 'file':
      await toMembers(proposer, 'proposal.filed', `提案“${row.title}”已立案（${String(payload.numberLabel ?? '')}）`);
      return;
    case 'reject':
      await toMembers(proposer, 'proposal.not_filed', `${label(row)}不予立案`);
      return;
    case 'rate':
      if (to === 'handling') await toUnits(liveUnits(c.assignments, true), 'proposal.rehandle', `提案人对${label(row)}的答复不满意，请重新办理`, reason);
      return;
    case 'rehandle':
      await toUnits(liveUnits(c.assignments, true), 'proposal.rehandle', `${label(row)}需重新办理`, reason);
      return;
    case 'send_back': {
      const units = (payload.units as string[] | undefined) ?? liveUnits(c.assignments, true);
      await toUnits(units, 'proposal.sent_back', `${label(row)}的答复被退回重办`, reason);
      return;
    }
    case 'object':
      await notify(tx, { ...base, userIds: await officeUsers(tx, committeeId), kind: 'proposal.objected', title: `承办单位对${label(row)}提出异议`, body: reason });
      return;
    default:
      return;
  }
}
