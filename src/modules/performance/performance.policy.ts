import { definePermissions, has, personal } from '../../platform/access.js';
import type { Caller } from '../../platform/http/route-kit.js';
import { AppError } from '../../platform/errors.js';
import { PerformanceErrors } from './performance.errors.js';

/**
 * Who may do what with duty performance. Route permissions are coarse; the commands check the
 * caller's relation to the record (own records, not verifying one's own).
 *
 * | permission | who |
 * | --- | --- |
 * | performance.read | everyone in the committee (activities, rules, own records) |
 * | performance.participate | members: sign up, check in, 请假, 述职, own standing |
 * | performance.report | members (own records) and member-affairs / general staff (for members): self-report, withdraw |
 * | performance.organise | staff of member affairs or the general office: activities, attendance |
 * | performance.verify | staff of member affairs (委员工作室): verify / reject self-reported records |
 * | performance.oversee | staff of any office and leaders: anyone's standing, the committee table, results |
 * | performance.configure | member affairs: the year's rules |
 * | performance.assess | member affairs: run, publish and revise the assessment |
 */
export const PerformancePermissions = definePermissions({
  'performance.read': (g) => g.length > 0,
  'performance.participate': personal(has.role('member')),
  'performance.report': has.any(has.role('member'), has.staffOf('member_affairs', 'general')),
  'performance.organise': has.staffOf('member_affairs', 'general'),
  'performance.verify': has.staffOf('member_affairs'),
  'performance.oversee': has.any(has.anyStaff, has.role('leader')),
  'performance.configure': has.staffOf('member_affairs'),
  'performance.assess': has.staffOf('member_affairs'),
});

/** Who is calling, in one committee (one definition for every module: platform/http/route-kit.ts). */
export type { Caller };

/** The member ids the caller acts as in this committee. */
export const memberIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!);

/** The caller's own member id; refuses callers who are not a member here. */
export function ownMemberId(c: Caller): string {
  const id = memberIdsOf(c)[0];
  if (!id) throw new AppError(PerformanceErrors['performance.needs_member']);
  return id;
}

export const canOversee = (c: Caller) => c.admin || has.any(has.anyStaff, has.role('leader'))(c.grants);
export const canOrganise = (c: Caller) => c.admin || has.staffOf('member_affairs', 'general')(c.grants);
export const canVerify = (c: Caller) => c.admin || has.staffOf('member_affairs')(c.grants);
