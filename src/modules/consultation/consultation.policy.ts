import { definePermissions, has, type Grant } from '../../platform/access.js';
import type { Actor } from '../../platform/db/unit-of-work.js';

/**
 * Who may do what in consultation (协商议政). The 政协办公室 drafts the plan and moves it along its
 * approval path; offices are a closed list today, so that is staff of the general office (or
 * staff with no office). Leaders read everything; members read issued plans, propose topics and
 * see their own.
 */
const office = has.staffOf('general');
export const ConsultationPermissions = definePermissions({
  'consultation.read': (g) => g.length > 0,
  'consultation.plan': office,
  'consultation.configure': office,
  'consultation.topics.submit': has.any(has.role('member'), office),
  'consultation.topics.review': office,
  'consultation.oversee': has.any(has.anyStaff, has.role('leader')),
  /** Meetings, experts, outcome documents: the office runs them. */
  'consultation.meetings': office,
  /** A member replies to an invitation and submits a speech. */
  'consultation.participate': has.role('member'),
  /** A handling unit's clerk writes the unit's 书面反馈 on what was referred to it. */
  'consultation.feedback': has.any(has.role('unit_clerk'), office),
});

export interface Caller {
  committeeId: string;
  actor: Actor;
  grants: Grant[];
  admin: boolean;
}

export const isOffice = (c: Caller) => c.admin || office(c.grants);
/** Staff and leaders see drafts and every topic; members only issued plans and their own topics. */
export const oversees = (c: Caller) => c.admin || c.grants.some((g) => g.role === 'staff' || g.role === 'leader');
export const memberIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!);
export const unitIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'unit_clerk' && g.unitId).map((g) => g.unitId!);
