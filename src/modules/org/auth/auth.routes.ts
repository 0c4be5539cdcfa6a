import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { allPermissions, can } from '../../../platform/access.js';
import { defineRoute } from '../../../platform/modules.js';
import { AppError } from '../../../platform/errors.js';
import { COMMITTEE_COOKIE, LANG_COOKIE, SESSION_COOKIE, resolveCommittee } from '../../../platform/http/auth-context.js';
import { loginInput, passwordChange } from '../contracts.js';
import { changePassword, createApiToken, login, logout, revokeApiToken, type LoginPolicy } from './auth.commands.js';

export function authRoutes(policy: LoginPolicy & { cookieSecure: boolean; loginRateLimit: number }) {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: policy.cookieSecure };
  return [
    defineRoute({
      method: 'POST', url: '/api/auth/login', summary: 'Log in with username and password (sets the session cookie)', tags: ['auth'],
      access: { public: true }, body: loginInput, rateLimit: policy.loginRateLimit,
      example: { body: { username: 'someone', password: 'wrong-password' } },
      async handler(req, ctx, reply) {
        const body = req.body;
        const s = await login(ctx.db, { ...body, ip: req.ip, userAgent: req.headers['user-agent'] }, policy, req.id);
        reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts, expires: new Date(s.expiresAt) });
        return { csrfToken: s.csrfToken, expiresAt: s.expiresAt };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/logout', summary: 'End the current session', tags: ['auth'],
      access: { authenticated: true },
      async handler(req, ctx, reply) {
        if (ctx.principal?.sessionId) await logout(ctx.db, ctx.principal.sessionId);
        req.server.principals.invalidateAll();
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/auth/me', summary: 'The caller, their committees and what they may do in the current one', tags: ['auth'],
      access: { authenticated: true },
      async handler(req, ctx) {
        const p = ctx.principal!;
        const header = req.headers['x-committee-id'];
        // Lenient: a stale header or cookie shows the default committee rather than failing the page.
        const found = (await resolveCommittee(ctx.db, p, { header: typeof header === 'string' ? header : null, cookie: req.cookies[COMMITTEE_COOKIE] }))
          ?? (await resolveCommittee(ctx.db, p, {}));
        const current = found ? p.memberships.find((m) => m.committeeId === found.committeeId) : undefined;
        let currentCommittee = current ? { id: current.committeeId, code: current.code, name: current.name } : null;
        if (found && !current) {
          const { rows } = await ctx.db.execute<{ id: string; code: string; name: string }>(
            sql`select id, code, name from committees where id = ${found.committeeId}`);
          currentCommittee = rows[0] ?? null;
        }
        const grants = current?.grants ?? [];
        return {
          user: { id: p.userId, username: p.username, displayName: p.displayName, isPlatformAdmin: p.isPlatformAdmin, mustChangePassword: p.mustChangePassword },
          committees: p.memberships.map((m) => ({ id: m.committeeId, code: m.code, name: m.name, roles: [...new Set(m.grants.map((g) => g.role))] })),
          currentCommittee,
          grants,
          abilities: allPermissions().filter((perm) => can(p, grants, perm)),
          csrfToken: p.csrfToken ?? null,
        };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/committee', summary: 'Switch the current committee (committee switcher)', tags: ['auth'],
      access: { authenticated: true }, body: z.object({ committeeId: z.uuid() }),
      async handler(req, ctx, reply) {
        const { committeeId } = req.body;
        const p = ctx.principal!;
        let ok = p.memberships.some((m) => m.committeeId === committeeId);
        if (!ok && p.isPlatformAdmin) ok = (await ctx.db.execute(sql`select 1 from committees where id = ${committeeId}`)).rows.length > 0;
        if (!ok) throw new AppError('committee.not_found');
        reply.setCookie(COMMITTEE_COOKIE, committeeId, { path: '/', sameSite: 'lax', httpOnly: false });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/language', summary: 'Remember the UI language (zh or en) for server messages', tags: ['auth'],
      access: { public: true }, body: z.object({ lang: z.enum(['zh', 'en']) }),
      async handler(req, _ctx, reply) {
        reply.setCookie(LANG_COOKIE, req.body.lang, { path: '/', sameSite: 'lax' });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/password', summary: 'Change my password', tags: ['auth'],
      access: { authenticated: true }, body: passwordChange,
      async handler(req, ctx) {
        await changePassword(ctx.db, { ...ctx.actor, userId: ctx.principal!.userId }, req.body, ctx.principal!.sessionId ?? undefined);
        req.server.principals.invalidateAll();
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/auth/tokens', summary: 'My personal API tokens', tags: ['auth'],
      access: { authenticated: true },
      async handler(_req, ctx) {
        const { rows } = await ctx.db.execute(sql`
          select id, name, prefix, created_at as "createdAt", last_used_at as "lastUsedAt"
            from api_tokens where user_id = ${ctx.principal!.userId} and revoked_at is null order by created_at desc`);
        return { items: rows };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/tokens', summary: 'Create a personal API token (shown once)', tags: ['auth'],
      access: { authenticated: true }, body: z.object({ name: z.string().trim().min(1).max(60) }),
      async handler(req, ctx) {
        const p = ctx.principal!;
        return createApiToken(ctx.db, { ...ctx.actor, userId: p.userId }, p.homeCommitteeId, req.body.name);
      },
    }),
    defineRoute({
      method: 'DELETE', url: '/api/auth/tokens/:id', summary: 'Revoke one of my API tokens', tags: ['auth'],
      access: { authenticated: true }, params: z.object({ id: z.uuid() }), resource: 'api_token',
      async handler(req, ctx) {
        await revokeApiToken(ctx.db, { ...ctx.actor, userId: ctx.principal!.userId }, req.params.id);
        req.server.principals.invalidateAll();
        return { ok: true };
      },
    }),
  ];
}
