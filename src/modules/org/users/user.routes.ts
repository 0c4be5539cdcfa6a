import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { defineRoute } from '../../../platform/modules.js';
import { AppError } from '../../../platform/errors.js';
import { knownOffices, knownRoles, roleCatalogue } from '../../../platform/access.js';
import { OrgPermissions as P } from '../org.policy.js';
import { OrgErrors } from '../org.errors.js';
import { resetPassword } from '../auth/auth.commands.js';
import { createUser } from './user.commands.js';

const userBody = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,40}$/, '3–40 位字母、数字、点、横线或下划线'),
  displayName: z.string().trim().min(1).max(40),
  password: z.string().min(8).max(200),
  grants: z.array(z.object({
    // Roles and offices are declared by the platform and the modules (platform/access.ts), so checked at parse time.
    role: z.string().max(60).refine((r) => knownRoles().includes(r), { message: '不是已声明的角色 / not a declared role' }),
    office: z.string().max(60).refine((o) => knownOffices().includes(o), { message: '不是已声明的处室 / not a declared office' }).nullish(),
    unitId: z.uuid().nullish(),
    memberId: z.uuid().nullish(),
  })).min(1).max(50),
});

/**
 * A role must be complete (staff need an office, a clerk a unit, a member the member record) and
 * point only at records of this committee: a grant naming another committee's unit would let its
 * holder act there.
 */
async function checkGrants(db: Db, committeeId: string, grants: z.infer<typeof userBody>['grants']): Promise<void> {
  const seen = new Set<string>();
  for (const [i, g] of grants.entries()) {
    const bad = (zh: string, en: string) => new AppError(OrgErrors['user.grant_invalid'], { index: i + 1, reasonZh: zh, reasonEn: en });
    // An account holds each role (staff: per office) once in a committee (user_roles' unique index).
    const key = `${g.role}|${g.office ?? ''}`;
    if (seen.has(key)) throw bad('同一角色（机关工作人员按处室）只能授予一次', 'a role (staff: per office) can be granted once');
    seen.add(key);
    if (g.role === 'staff' && !g.office) throw bad('机关工作人员须选择所在处室', 'staff need an office');
    if (g.role === 'unit_clerk' && !g.unitId) throw bad('承办单位工作人员须选择承办单位', 'a unit clerk needs a unit');
    if (g.role === 'member' && !g.memberId) throw bad('委员账户须关联委员档案', 'a member account needs the member record');
    if (g.unitId && !(await db.execute(sql`select 1 from handling_units where committee_id = ${committeeId} and id = ${g.unitId}`)).rows.length) {
      throw bad('所选承办单位不属于本政协', 'the unit is not one of this committee');
    }
    if (g.memberId && !(await db.execute(sql`select 1 from members where committee_id = ${committeeId} and id = ${g.memberId}`)).rows.length) {
      throw bad('所选委员不属于本政协', 'the member is not one of this committee');
    }
  }
}

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/users', summary: "The committee's accounts and their roles", tags: ['users'],
    access: { permission: P['org.users.manage'] },
    async handler(_req, ctx) {
      const { rows } = await ctx.db.execute(sql`
        select u.id, u.username, u.display_name as "displayName", u.active, u.locked_until as "lockedUntil",
               json_agg(json_build_object('role', r.role, 'office', r.office, 'unitId', r.unit_id, 'memberId', r.member_id)) as grants
          from user_roles r join users u on u.id = r.user_id
         where r.committee_id = ${ctx.committeeId}
         group by u.id order by u.username`);
      return { items: rows };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/users/role-catalogue', summary: 'The roles and offices an account may be given: the platform\'s and those the modules declare, with zh/en labels', tags: ['users'],
    access: { permission: P['org.users.manage'] },
    handler: async () => roleCatalogue(),
  }),
  defineRoute({
    method: 'POST', url: '/api/users', summary: 'Create an account in this committee', tags: ['users'],
    access: { permission: P['org.users.manage'] }, body: userBody,
    async handler(req, ctx, reply) {
      const b = req.body;
      await checkGrants(ctx.db, ctx.committeeId, b.grants);
      const id = await createUser(ctx.db, ctx.actor, { committeeId: ctx.committeeId, ...b, mustChangePassword: true });
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:id/reset-password', summary: 'Reset a password (admin); returns the new one when generated', tags: ['users'],
    access: { permission: P['org.users.manage'] }, resource: 'user', params: z.object({ id: z.uuid() }),
    body: z.object({ newPassword: z.string().min(8).max(200).optional() }),
    example: { body: {} },
    async handler(req, ctx) {
      const { id } = req.params;
      // Only accounts that hold a role in this committee can be reset from it.
      const { rows } = await ctx.db.execute(sql`select 1 from user_roles where committee_id = ${ctx.committeeId} and user_id = ${id} limit 1`);
      if (!rows.length) throw new AppError(OrgErrors['user.not_found']);
      const pw = await resetPassword(ctx.db, ctx.actor, id, req.body.newPassword);
      req.server.principals.invalidateAll();
      return { password: req.body.newPassword ? null : pw };
    },
  }),
];
