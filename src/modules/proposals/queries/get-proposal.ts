import type { Executor } from '../../../platform/db/unit-of-work.js';
import { KIND_LABELS, OCCASION_LABELS } from '../contracts.js';
import { checkFormat, type FormatCheck } from '../domain/format-check.js';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES, type ProposalAction } from '../domain/proposal-workflow.js';
import { parseSettings } from '../domain/settings.js';
import { check } from '../commands/move.js';
import { feedbackOf, repliesOf, type AssignmentRow, type FeedbackRow, type ReplyRow } from '../handling.repository.js';
import { loadVisible } from '../proposal.access.js';
import { findProposal, mergedInto, readSettings, sessionNames, signersOf, type SignerRow } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';

/**
 * A reply as the caller may read it. A reply marked 不公开 (isPublic false) is read in full by the
 * proposal's proposer and co-signers, the proposals office, the handling units concerned, staff
 * and leaders; anyone else who may see the proposal (another member) sees that a reply exists,
 * from which unit, when, and its class — not its text, signer, contact or document number.
 */
export type ReplyView = ReplyRow & { withheld: boolean };

export function presentReply(r: ReplyRow, mayReadWithheld: boolean): ReplyView {
  if (r.isPublic || mayReadWithheld) return { ...r, withheld: false };
  return { ...r, body: '', signer: null, contactPerson: null, contactPhone: null, docNumber: null, reviewNote: null, countersignedBy: r.countersignedBy.map((c) => ({ ...c, opinion: null })), withheld: true };
}

export interface ProposalView {
  id: string;
  state: string;
  stateLabel: string;
  kind: string;
  kindLabel: string;
  occasion: string;
  occasionLabel: string;
  submitterName: string | null;
  title: string;
  body: string;
  category: string;
  researchBasis: string | null;
  session: { id: string; name: string } | null;
  numberLabel: string | null;
  /** "第五届委员会第三次会议第58号". */
  fullNumber: string | null;
  round: number;
  replyClass: string | null;
  signers: Omit<SignerRow, 'proposalId'>[];
  decision: { code: string | null; label: string | null; note: string | null };
  mergedInto: { id: string; title: string; numberLabel: string | null; state: string; replies: ReplyView[] } | null;
  merged: { id: string; title: string; numberLabel: string | null; signers: { memberId: string; name: string }[] }[];
  assignments: AssignmentRow[];
  replies: ReplyView[];
  feedback: FeedbackRow[];
  formCheck: FormatCheck | null;
  dates: { submittedAt: string | null; filedAt: string | null; releasedAt: string | null; closedAt: string | null; updatedAt: string };
  /** What the caller may do now, from the workflow table (the UI shows exactly these buttons). */
  abilities: Record<ProposalAction, boolean>;
}

/** One proposal as the caller may see it (404 otherwise), with the caller's abilities. */
export async function getProposal(db: Executor, caller: Caller, id: string): Promise<ProposalView> {
  const l = await loadVisible(db, caller, id);
  const { row } = l;
  const c = caller.committeeId;
  const settings = parseSettings(await readSettings(db, c));
  const insider = l.facts.office || l.facts.oversight || l.actors.has('assigned_unit');
  const released = (r: ReplyRow) => r.status === 'released';
  const related = l.actors.has('proposer') || l.actors.has('cosigner') || l.actors.has('signer');
  const shown = (r: ReplyRow) => presentReply(r, insider || related);
  const [replies, feedback, merged, names] = await Promise.all([
    repliesOf(db, c, id),
    feedbackOf(db, c, id),
    mergedInto(db, c, id),
    sessionNames(db, c, row.sessionId ? [row.sessionId] : []),
  ]);
  const mergedSigners = await signersOf(db, c, merged.map((m) => m.id));
  let master: ProposalView['mergedInto'] = null;
  if (row.mergedIntoId) {
    const m = (await findProposal(db, c, row.mergedIntoId))!;
    master = { id: m.id, title: m.title, numberLabel: m.numberLabel, state: m.state, replies: (await repliesOf(db, c, m.id)).filter(released).map(shown) };
  }
  const sessionName = row.sessionId ? names.get(row.sessionId) ?? null : null;
  const rejectLabel = row.state === 'not_filed' ? settings.rejectReasons.find((r) => r.code === row.decisionCode)?.label ?? null : null;
  const editing = (row.state === 'draft' || row.state === 'returned') && (l.actors.has('proposer') || l.actors.has('cosigner'));
  return {
    id: row.id, state: row.state, stateLabel: PROPOSAL_STATES[row.state], kind: row.kind, kindLabel: KIND_LABELS[row.kind as keyof typeof KIND_LABELS],
    occasion: row.occasion, occasionLabel: OCCASION_LABELS[row.occasion], submitterName: row.submitterName, title: row.title, body: row.body,
    category: row.category, researchBasis: row.researchBasis,
    session: row.sessionId && sessionName ? { id: row.sessionId, name: sessionName } : null,
    numberLabel: row.numberLabel, fullNumber: row.numberLabel ? `${sessionName ?? ''}${row.numberLabel}` : null,
    round: row.round, replyClass: row.replyClass,
    signers: l.signers.map(({ proposalId: _, ...s }) => s),
    decision: { code: row.decisionCode, label: rejectLabel, note: row.decisionNote },
    mergedInto: master,
    merged: merged.map((m) => ({
      id: m.id, title: m.title, numberLabel: m.numberLabel,
      signers: mergedSigners.filter((s) => s.proposalId === m.id && (s.status === 'first' || s.status === 'confirmed')).map((s) => ({ memberId: s.memberId, name: s.name })),
    })),
    assignments: l.assignments,
    replies: (insider ? replies : replies.filter(released)).map(shown),
    feedback,
    formCheck: editing ? checkFormat(row, settings) : null,
    dates: { submittedAt: row.submittedAt, filedAt: row.filedAt, releasedAt: row.releasedAt, closedAt: row.closedAt, updatedAt: row.updatedAt },
    abilities: Object.fromEntries(PROPOSAL_ACTIONS.map((a) => [a, check(l, a) === null])) as Record<ProposalAction, boolean>,
  };
}
