import { definePermissions, has } from '../../platform/access.js';
import type { Caller } from '../../platform/http/route-kit.js';

/**
 * Who may do what with 群众诉求. The office that triages is the general office (政协办公室) or
 * member affairs (委员工作, which runs the stations); staff of other offices and leaders read
 * (masked). Members record demands raised to them and handle those they took up; unit clerks
 * see only the demands referred to their unit. Personal data is a per-record decision
 * (handlerOf in commands/access.ts), never a permission.
 */
const office = has.staffOf('general', 'member_affairs');
export const DemandPermissions = definePermissions({
  'demands.read': (g) => g.length > 0,
  'demands.intake': has.any(has.role('member'), has.anyStaff),
  'demands.triage': office,
  'demands.configure': office,
  'demands.oversee': has.any(has.anyStaff, has.role('leader')),
});

export const isOffice = (c: Caller) => c.admin || office(c.grants);
/** Staff and leaders see every demand of the committee (personal data masked unless they handle it). */
export const seesAll = (c: Caller) => c.admin || c.grants.some((g) => g.role === 'staff' || g.role === 'leader');
export const memberIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!);
export const unitIdsOf = (c: Caller) => c.grants.filter((g) => g.role === 'unit_clerk' && g.unitId).map((g) => g.unitId!);
