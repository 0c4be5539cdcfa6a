import { definePermissions, has, personal } from '../../platform/access.js';
import type { Caller } from '../../platform/http/route-kit.js';
import type { ProposalActor, ProposalState } from './domain/proposal-workflow.js';

/**
 * Route permissions are coarse (who may call at all); whether the caller may act on one
 * proposal is decided by the workflow table from the caller's relation to it (actorsFor).
 */
export const ProposalPermissions = definePermissions({
  'proposals.read': (g) => g.length > 0,
  'proposals.propose': personal(has.role('member')),
  'proposals.review': has.staffOf('proposals'),
  'proposals.handle': has.role('unit_clerk'),
  'proposals.rate': has.any(has.role('member'), has.staffOf('proposals')),
  'proposals.similar': has.any(has.role('member'), has.staffOf('proposals'), has.role('leader')),
  'proposals.configure': has.staffOf('proposals'),
});

/** Who is calling, in one committee (one definition for every module: platform/http/route-kit.ts). */
export type { Caller };

export interface CallerFacts {
  memberIds: Set<string>;
  unitIds: Set<string>;
  office: boolean;
  /** Staff of any office and leaders read every proposal past the draft. */
  oversight: boolean;
}

export function factsOf(c: Caller): CallerFacts {
  return {
    memberIds: new Set(c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!)),
    unitIds: new Set(c.grants.filter((g) => g.role === 'unit_clerk' && g.unitId).map((g) => g.unitId!)),
    office: c.admin || has.staffOf('proposals')(c.grants),
    oversight: c.admin || c.grants.some((g) => g.role === 'staff' || g.role === 'leader'),
  };
}

export interface ProposalRelations {
  state: ProposalState;
  signers: { memberId: string; position: number; status: string }[];
  /** First signers and confirmed co-signers of proposals merged into this one. */
  mergedSignerIds: string[];
  assignments: { unitId: string; role: string; status: string }[];
}

/** States in which a proposal is visible to every member of the committee. */
const PUBLIC_STATES: ReadonlySet<ProposalState> = new Set([
  'filed', 'assigned', 'objected', 'handling', 'countersigning', 'reply_review', 'released', 'closed', 'carried_over', 'merged',
]);
export const isPublicState = (s: ProposalState) => PUBLIC_STATES.has(s);
export const PUBLIC_STATE_LIST = [...PUBLIC_STATES];

const counts = (s: { status: string }) => s.status === 'first' || s.status === 'confirmed';
const liveAssignment = (a: { status: string }) => a.status === 'active' || a.status === 'objected';

export function actorsFor(f: CallerFacts, p: ProposalRelations): Set<ProposalActor> {
  const out = new Set<ProposalActor>();
  for (const s of p.signers) {
    if (!f.memberIds.has(s.memberId)) continue;
    if (s.position === 1) out.add('proposer');
    else out.add('cosigner');
    if (counts(s)) out.add('signer');
  }
  if (p.mergedSignerIds.some((m) => f.memberIds.has(m))) out.add('signer');
  if (f.office) out.add('proposal_office');
  for (const a of p.assignments) {
    if (!liveAssignment(a) || !f.unitIds.has(a.unitId)) continue;
    out.add('assigned_unit');
    if (a.role === 'lead' || a.role === 'split') out.add('lead_unit');
    if (a.role === 'co') out.add('co_unit');
  }
  return out;
}

/**
 * Whether the caller may see the proposal at all (otherwise it answers 404): a draft only to
 * its signers; past the draft to the office, staff and leaders; to members once filed; to a
 * handling unit's clerk only while it is assigned to that unit.
 */
export function canSee(f: CallerFacts, p: ProposalRelations): boolean {
  const isSigner = p.signers.some((s) => f.memberIds.has(s.memberId)) || p.mergedSignerIds.some((m) => f.memberIds.has(m));
  if (isSigner) return true;
  if (p.state === 'draft') return false;
  if (f.office || f.oversight) return true;
  if (f.memberIds.size && isPublicState(p.state)) return true;
  return p.assignments.some((a) => liveAssignment(a) && f.unitIds.has(a.unitId));
}
