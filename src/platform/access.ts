/**
 * Who may do what. A user holds grants per committee (role + office/unit/member); a permission
 * is a small declared predicate over the grants in the committee being addressed. Modules
 * declare their permissions in their manifest; routes name one; the server checks it on every
 * request, and the same predicates are sent to the client as abilities.
 */
/**
 * Roles and offices are open: the platform knows the four roles and four offices every committee
 * has, and a module declares those it adds (an expert 专家, a station convener …) with
 * defineRoles / defineOffices, as it declares its permissions. Stored as text (user_roles.role,
 * .office); the user routes accept exactly the declared ones.
 */
export type Label = { zh: string; en: string };
const roleRegistry = new Map<string, Label>();
const officeRegistry = new Map<string, Label>();

function declare(kind: string, registry: Map<string, Label>, defs: Record<string, Label>) {
  for (const [key, label] of Object.entries(defs)) {
    const had = registry.get(key);
    if (had && (had.zh !== label.zh || had.en !== label.en)) throw new Error(`${kind} declared twice with different labels: ${key}`);
    registry.set(key, label);
  }
}
export const defineRoles = (defs: Record<string, Label>) => declare('role', roleRegistry, defs);
export const defineOffices = (defs: Record<string, Label>) => declare('office', officeRegistry, defs);
export const knownRoles = (): string[] => [...roleRegistry.keys()];
export const knownOffices = (): string[] => [...officeRegistry.keys()];
export const roleCatalogue = () => ({
  roles: [...roleRegistry].map(([key, label]) => ({ key, ...label })),
  offices: [...officeRegistry].map(([key, label]) => ({ key, ...label })),
});

/** The roles and offices of every committee. */
export const CORE_ROLES = ['staff', 'member', 'unit_clerk', 'leader'] as const;
export const CORE_OFFICES = ['proposals', 'info', 'member_affairs', 'general'] as const;
defineRoles({
  staff: { zh: '机关工作人员', en: 'Committee staff' },
  member: { zh: '政协委员', en: 'Committee member' },
  unit_clerk: { zh: '承办单位工作人员', en: 'Handling-unit clerk' },
  leader: { zh: '政协领导', en: 'Committee leader' },
});
defineOffices({
  proposals: { zh: '提案委员会办公室', en: 'Proposals office' },
  info: { zh: '信息联络', en: 'Information & liaison' },
  member_affairs: { zh: '委员工作', en: 'Member affairs' },
  general: { zh: '办公室', en: 'General office' },
});
// A declared role or office beyond the core ones is a plain string; the core ones keep their names in the type.
export type Role = (typeof CORE_ROLES)[number] | (string & {});
export type Office = (typeof CORE_OFFICES)[number] | (string & {});

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
/** Permissions only a grant gives (see `personal`): the platform admin's blanket access stops short of them. */
const personalPermissions = new Set<string>();
const PERSONAL = Symbol('personal');

/**
 * A permission to act as oneself (a member's own standing, check-in, 撰写提案): it needs the
 * grant itself. The platform admin holds no member record, so the work would be refused anyway;
 * leaving it out of the admin's abilities keeps the menu (built from those abilities) from
 * offering a page that answers 403.
 */
export function personal(rule: PermissionRule): PermissionRule {
  return Object.assign((g: Grant[]) => rule(g), { [PERSONAL]: true });
}

/** Declares permissions; the platform admin holds every permission in every committee, except the `personal` ones. */
export function definePermissions<const T extends Record<string, PermissionRule>>(defs: T): { [K in keyof T]: K } {
  const out = {} as Record<string, string>;
  for (const [name, rule] of Object.entries(defs)) {
    if (permissions.has(name)) throw new Error(`permission declared twice: ${name}`);
    permissions.set(name, rule);
    if ((rule as { [PERSONAL]?: boolean })[PERSONAL]) personalPermissions.add(name);
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
  return (principal.isPlatformAdmin && !personalPermissions.has(permission)) || rule(grants);
}

/** Helpers for writing rules. */
export const has = {
  role: (role: Role) => (g: Grant[]) => g.some((x) => x.role === role),
  staffOf: (...offices: Office[]) => (g: Grant[]) => g.some((x) => x.role === 'staff' && (!x.office || offices.includes(x.office))),
  anyStaff: (g: Grant[]) => g.some((x) => x.role === 'staff'),
  any: (...rules: PermissionRule[]) => (g: Grant[]) => rules.some((r) => r(g)),
};
