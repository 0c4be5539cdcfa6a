/** Response shapes of the server API, as the web app reads them. */
import type { MemberView } from '../../../src/modules/org/contracts';

export type { MemberView };
export type Lang = 'zh' | 'en';

export interface CommitteeRef {
  id: string;
  code: string;
  name: string;
}

export interface Grant {
  role: 'staff' | 'member' | 'unit_clerk' | 'leader';
  office?: 'proposals' | 'info' | 'member_affairs' | 'general' | null;
  unitId?: string | null;
  memberId?: string | null;
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
  | 'org.units.read' | 'org.units.write' | 'org.users.manage';
