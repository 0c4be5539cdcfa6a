import { definePermissions, has } from '../../platform/access.js';
import type { Caller } from '../../platform/http/route-kit.js';

/**
 * Who may do what in the grassroots network (委员联系群众阵地). The committee's office for member
 * work (委员工作 = member_affairs, or the general office) keeps the regions, places, rotas and
 * settings; members read the network, see their duty days, record the receptions they hold and
 * their own care pairings; staff and leaders read the figures.
 */
const office = has.staffOf('member_affairs', 'general');
export const NetworkPermissions = definePermissions({
  'network.read': (g) => g.length > 0,
  'network.manage': office,
  'network.receive': has.any(has.role('member'), office),
  'network.care': has.any(has.role('member'), office),
  'network.oversee': has.any(has.anyStaff, has.role('leader')),
});

export type { Caller };
export const isNetworkOffice = (c: Caller) => c.admin || office(c.grants);
export const memberIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!);
