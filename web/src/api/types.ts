/** Response shapes of the server API, as the web app reads them. */
// Shapes the server defines are imported from it (types only, or import-free rule files), never copied.
import type { MemberView } from '../../../src/modules/org/contracts';
import type { Grant } from '../../../src/platform/access';
import type { FormatCheck, FormatIssue } from '../../../src/modules/proposals/domain/format-check';
import { PROPOSAL_STATES, type ProposalAction, type ProposalState } from '../../../src/modules/proposals/domain/proposal-workflow';

export type { FormatCheck, FormatIssue, Grant, MemberView, ProposalAction, ProposalState };
export type Lang = 'zh' | 'en';

export interface CommitteeRef {
  id: string;
  code: string;
  name: string;
}

export interface Me {
  user: { id: string; username: string; displayName: string; isPlatformAdmin: boolean; mustChangePassword: boolean };
  committees: (CommitteeRef & { roles: Grant['role'][] })[];
  currentCommittee: CommitteeRef | null;
  grants: Grant[];
  abilities: string[];
  csrfToken: string | null;
}

export interface LoginResult {
  csrfToken: string;
  expiresAt: string;
}

export interface Committee {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  shortName: string;
  level: string;
}

export interface Structure {
  committee: Committee;
  terms: { id: string; number: number; name: string; startDate: string; endDate: string | null; isCurrent: boolean }[];
  sessions: { id: string; termId: string; number: number; name: string; startDate: string }[];
  sectors: { id: string; name: string; kind: string }[];
  specialCommittees: { id: string; name: string }[];
  offices: { id: string; kind: string; name: string }[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type MemberDetail = MemberView & { abilities: { edit: boolean } };

export interface Unit {
  id: string;
  name: string;
  kind: string;
  duties: string;
  contactPerson: string | null;
  contactPhone: string | null;
  active: boolean;
}

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  grants: Grant[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ImportJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  total: number;
  processed: number;
  imported: number;
  errors: { row: number; column: string; reason: string }[];
  message: string | null;
}

/** Permission names the server sends as abilities (src/modules/org/org.policy.ts). */
export type Ability =
  | 'org.structure.read' | 'org.structure.write'
  | 'org.members.read' | 'org.members.read_private' | 'org.members.write'
  | 'org.members.import' | 'org.members.export'
  | 'org.units.read' | 'org.units.write' | 'org.users.manage'
  // src/modules/proposals/proposals.policy.ts
  | 'proposals.read' | 'proposals.propose' | 'proposals.review' | 'proposals.handle'
  | 'proposals.rate' | 'proposals.similar' | 'proposals.configure'
  // src/modules/proposals/key.policy.ts
  | 'proposals.supervise'
  // src/modules/proposals/exports/reports.policy.ts
  | 'proposals.figures' | 'proposals.book'
  // src/modules/performance/performance.policy.ts
  | 'performance.read' | 'performance.participate' | 'performance.report' | 'performance.organise'
  | 'performance.verify' | 'performance.oversee' | 'performance.configure' | 'performance.assess'
  // src/modules/social-info/social-info.policy.ts
  | 'social_info.read' | 'social_info.submit' | 'social_info.edit' | 'social_info.sign_off' | 'social_info.release' | 'social_info.oversee'
  // src/modules/network/network.policy.ts
  | 'network.read' | 'network.manage' | 'network.receive' | 'network.care' | 'network.oversee'
  // src/modules/consultation/consultation.policy.ts
  | 'consultation.read' | 'consultation.plan' | 'consultation.configure' | 'consultation.topics.submit' | 'consultation.topics.review' | 'consultation.oversee'
  // src/modules/inbox/inbox.policy.ts
  | 'attachments.upload' | 'attachments.read' | 'notifications.read'
  // src/modules/demands/demands.policy.ts
  | 'demands.read' | 'demands.intake' | 'demands.triage' | 'demands.configure' | 'demands.oversee';

/** The states in the workflow's order (src/modules/proposals/domain/proposal-workflow.ts). */
export const PROPOSAL_STATE_KEYS = Object.keys(PROPOSAL_STATES) as ProposalState[];

export interface ProposalListItem {
  id: string;
  title: string;
  state: ProposalState;
  stateLabel: string;
  kind: string;
  occasion: string;
  category: string;
  sessionId: string | null;
  sessionName: string | null;
  numberLabel: string | null;
  firstSigner: string | null;
  signerCount: number;
  leadUnit: string | null;
  deadline: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ProposalAssignment {
  id: string; unitId: string; unitName: string; role: 'lead' | 'co' | 'split'; status: 'active' | 'objected' | 'replaced';
  assignedOn: string; deadline: string; objectionUntil: string; extensionReason: string | null; objectionReason: string | null;
}

export interface ProposalReply {
  id: string; unitId: string; unitName: string; round: number; status: 'draft' | 'submitted' | 'sent_back' | 'released';
  replyClass: string | null; isPublic: boolean; signer: string | null; contactPerson: string | null; contactPhone: string | null;
  docNumber: string | null; body: string; contactedOn: string | null; reviewNote: string | null;
  /** A 不公开 reply this caller may not read: its text, signer and contact are left out (the server decides). */
  withheld?: boolean;
}

export interface ProposalFeedback {
  memberId: string; memberName: string; round: number; rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  contactedBefore: boolean | null; attitude: string | null; remarks: string | null; enteredByStaff: boolean; createdAt: string;
}

export interface ProposalView {
  id: string;
  state: ProposalState;
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
  fullNumber: string | null;
  round: number;
  replyClass: string | null;
  signers: { memberId: string; name: string; position: number; status: 'first' | 'invited' | 'confirmed' | 'declined' | 'lapsed'; respondedAt: string | null }[];
  decision: { code: string | null; label: string | null; note: string | null };
  mergedInto: { id: string; title: string; numberLabel: string | null; state: string; replies: ProposalReply[] } | null;
  merged: { id: string; title: string; numberLabel: string | null; signers: { memberId: string; name: string }[] }[];
  assignments: ProposalAssignment[];
  replies: ProposalReply[];
  feedback: ProposalFeedback[];
  formCheck: FormatCheck | null;
  dates: { submittedAt: string | null; filedAt: string | null; releasedAt: string | null; closedAt: string | null; updatedAt: string };
  abilities: Record<ProposalAction, boolean>;
}

export interface SimilarProposal {
  id: string; title: string; numberLabel: string | null; state: ProposalState; score: number; stateLabel: string;
  sessionName: string | null; currentSession: boolean; likelyDuplicate: boolean;
}

export interface UnitSuggestion { unitId: string; name: string; score: number; dutyScore: number; historyScore: number }

export interface ProposalSettingsView {
  titlePattern: string; titleMaxChars: number; bodyMaxChars: number; bodyMinChars: number; checkThreeParts: boolean; warnWithoutResearch: boolean;
  categories: string[];
  rejectReasons: { code: string; label: string }[];
  replyClasses: { code: string; label: string }[];
}
