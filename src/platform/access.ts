/**
 * Who may do what. A user holds grants per committee (role + office/unit/member); a permission
 * is a small declared predicate over the grants in the committee being addressed. Modules
 * declare their permissions in their manifest; routes name one; the server checks it on every
 * request, and the same predicates are sent to the client as abilities.
 */
export const ROLES = ['staff', 'member', 'unit_clerk', 'leader'] as const;
export type Role = (typeof ROLES)[number];
export const OFFICES = ['proposals', 'info', 'member_affairs', 'general'] as const;
export type Office = (typeof OFFICES)[number];

export interface Grant {
  role: Role;
  office?: Office | null;
  unitId?: string | null;
  memberId?: string | null;
}

export interface Membership {
  committeeId: string;
  code: string;
  name: string;
  grants: Grant[];
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  homeCommitteeId: string;
  isPlatformAdmin: boolean;
  mustChangePassword: boolean;
  memberships: Membership[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

export type PermissionRule = (grants: Grant[]) => boolean;

const permissions = new Map<string, PermissionRule>();

/** Declares permissions; the platform admin holds every permission in every committee. */
export function definePermissions<const T extends Record<string, PermissionRule>>(defs: T): { [K in keyof T]: K } {
  const out = {} as Record<string, string>;
  for (const [name, rule] of Object.entries(defs)) {
    if (permissions.has(name)) throw new Error(`permission declared twice: ${name}`);
    permissions.set(name, rule);
    out[name] = name;
  }
  return out as { [K in keyof T]: K };
}

export function allPermissions(): string[] {
  return [...permissions.keys()];
}

export function can(principal: Pick<Principal, 'isPlatformAdmin'>, grants: Grant[], permission: string): boolean {
  const rule = permissions.get(permission);
  if (!rule) throw new Error(`unknown permission: ${permission}`);
  return principal.isPlatformAdmin || rule(grants);
}

/** Helpers for writing rules. */
export const has = {
  role: (role: Role) => (g: Grant[]) => g.some((x) => x.role === role),
  staffOf: (...offices: Office[]) => (g: Grant[]) => g.some((x) => x.role === 'staff' && (!x.office || offices.includes(x.office))),
  anyStaff: (g: Grant[]) => g.some((x) => x.role === 'staff'),
  any: (...rules: PermissionRule[]) => (g: Grant[]) => rules.some((r) => r(g)),
};
