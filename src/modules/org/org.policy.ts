import { definePermissions, has } from '../../platform/access.js';

/**
 * Who may do what in the organisation module. Rules read the caller's grants in the committee
 * addressed; the platform admin holds every permission everywhere.
 */
export const OrgPermissions = definePermissions({
  /** Terms, sessions, sectors, special committees, offices — everyone who belongs to the committee. */
  'org.structure.read': (g) => g.length > 0,
  'org.structure.write': has.staffOf('general', 'member_affairs'),
  /** The member roster: staff, leaders and the members themselves (a directory). */
  'org.members.read': has.any(has.anyStaff, has.role('leader'), has.role('member')),
  /** Phone numbers and other personal fields. */
  'org.members.read_private': has.any(has.anyStaff, has.role('leader')),
  'org.members.write': has.staffOf('member_affairs', 'general'),
  'org.members.import': has.staffOf('member_affairs', 'general'),
  'org.members.export': has.any(has.anyStaff, has.role('leader')),
  'org.units.read': has.any(has.anyStaff, has.role('leader')),
  'org.units.write': has.staffOf('proposals', 'general'),
  'org.users.manage': has.staffOf('general'),
});
