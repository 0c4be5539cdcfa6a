import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { testApp, loginAs } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser, PASSWORD, uniq } from './support/factories.js';

const db = () => testDatabase().db;

async function auditActions(userId: string): Promise<string[]> {
  const { rows } = await db().execute<{ action: string }>(
    sql`select action from audit_log where entity = 'user' and entity_id = ${userId} order by committee_id, seq`);
  return rows.map((r) => r.action);
}

const login = (app: FastifyInstance, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('authentication', () => {
  let app: FastifyInstance;
  let committee: Awaited<ReturnType<typeof makeCommittee>>;

  beforeAll(async () => {
    app = await testApp();
    committee = await makeCommittee(db());
  });
  afterAll(() => app?.close());

  it('logs in with the right password: an HttpOnly session cookie and a CSRF token', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const res = await login(app, u.username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const cookie = res.cookies.find((c) => c.name === 'xs_session')!;
    expect(cookie).toBeDefined();
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    // The session token is not the CSRF token, and the table keeps only a hash of it.
    expect(cookie.value).not.toBe(body.csrfToken);
    const { rows } = await db().execute(sql`select 1 from auth_sessions where id = ${cookie.value}`);
    expect(rows).toHaveLength(0);
    // Usernames are case-insensitive.
    expect((await login(app, u.username.toUpperCase(), PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(u.id)).toContain('auth.login');
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const wrong = await login(app, u.username, 'not-the-password');
    const unknown = await login(app, uniq('nobody'), 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    const strip = (b: any) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.cookies.find((c) => c.name === 'xs_session')).toBeUndefined();
    expect(await auditActions(u.id)).toContain('auth.login_failed');
  });

  it('locks the account after LOGIN_MAX_FAILURES failures; then even the right password gets 423', async () => {
    const strict = await testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '10' });
    try {
      const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
      expect((await login(strict, u.username, 'bad-1')).statusCode).toBe(401);
      expect((await login(strict, u.username, 'bad-2')).statusCode).toBe(401);
      const third = await login(strict, u.username, 'bad-3');
      expect(third.statusCode).toBe(423);
      expect(third.json().error.code).toBe('auth.locked');
      expect(third.json().error.message).toContain('10 分钟');
      const right = await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD }, headers: { 'accept-language': 'en' } });
      expect(right.statusCode).toBe(423);
      expect(right.json().error.message).toMatch(/locked for 10 minutes/);
      expect(right.cookies.find((c) => c.name === 'xs_session')).toBeUndefined();
      expect(await auditActions(u.id)).toEqual(['user.created', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
      // A name that is no account is answered the same way, failure by failure: the lockout does
      // not tell real accounts from unknown ones.
      const nobody = uniq('nobody');
      const answers = async (name: string, pw: string) => {
        const zh = await login(strict, name, pw);
        return { status: zh.statusCode, code: zh.json().error.code, message: zh.json().error.message };
      };
      const real = await makeUser(db(), committee.id, [{ role: 'leader' }]);
      for (let i = 1; i <= 4; i++) {
        const a = await answers(real.username, `bad-${i}`);
        const b = await answers(nobody, `bad-${i}`);
        expect(b, `failure ${i}`).toEqual(a);
        expect(a.status).toBe(i < 3 ? 401 : 423);
      }
      const enUnknown = await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username: nobody, password: 'x' }, headers: { 'accept-language': 'en' } });
      expect(enUnknown.statusCode).toBe(423);
      expect(enUnknown.json().error.message).toMatch(/locked for 10 minutes/);
      // A successful login before the limit resets the count.
      const v = await makeUser(db(), committee.id, [{ role: 'leader' }]);
      await login(strict, v.username, 'bad-1');
      await login(strict, v.username, 'bad-2');
      expect((await login(strict, v.username, PASSWORD)).statusCode).toBe(200);
      expect((await login(strict, v.username, 'bad-3')).statusCode).toBe(401);
      expect((await login(strict, v.username, 'bad-4')).statusCode).toBe(401);
      expect((await login(strict, v.username, PASSWORD)).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('an unknown name\'s failures are counted in the database, so every instance on it (and a restart) sees them; stale ones are dropped', async () => {
    const strict = await testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '10' });
    try {
      const nobody = uniq('Nobody');
      const row = async (name: string) => (await db().execute<{ failures: number; locked: boolean }>(sql`
        select failures, locked_until > now() as locked from login_name_failures where username_key = lower(${name})`)).rows[0];
      expect((await login(strict, nobody, 'bad-1')).statusCode).toBe(401);
      expect((await login(strict, nobody.toLowerCase(), 'bad-2')).statusCode).toBe(401);
      expect(await row(nobody)).toEqual({ failures: 2, locked: null });
      expect((await login(strict, nobody, 'bad-3')).statusCode).toBe(423);
      expect(await row(nobody)).toEqual({ failures: 0, locked: true });
      // Locked: further tries change nothing and are told the minutes left.
      const again = await login(strict, nobody, 'bad-4');
      expect(again.statusCode).toBe(423);
      expect(again.json().error.message).toContain('10 分钟');
      // A name last tried more than 30 days ago and not locked is dropped on the next failure.
      const old = uniq('old');
      await login(strict, old, 'bad-1');
      await db().execute(sql`update login_name_failures set updated_at = now() - interval '31 days' where username_key = lower(${old})`);
      await login(strict, uniq('other'), 'bad-1');
      expect(await row(old)).toBeUndefined();
      expect(await row(nobody)).toBeDefined();
    } finally {
      await strict.close();
    }
  });

  it('CSRF: a state-changing request with the cookie but without x-csrf-token is refused', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const s = await loginAs(app, u.username);
    const without = await app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' }, headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' }, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf.slice(0, -2) + 'xx' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await s.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' } });
    expect(ok.statusCode).toBe(200);
    // Reading needs no token.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('bearer tokens work without CSRF; a revoked or unknown token is a 401', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'staff', office: 'member_affairs' }]);
    const s = await loginAs(app, u.username);
    const created = await s.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: '脚本' } });
    expect(created.statusCode).toBe(200);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^xs_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().csrfToken).toBeNull();
    // A write through the token, with no CSRF header.
    const member = await app.inject({ method: 'POST', url: '/api/members', headers: bearer, payload: { name: '令牌委员', gender: 'male' } });
    expect(member.statusCode).toBe(201);
    const list = await app.inject({ method: 'GET', url: '/api/auth/tokens', headers: bearer });
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(id);
    expect(JSON.stringify(list.json())).not.toContain(token);
    // Revoke, then the token is dead.
    expect((await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: bearer })).statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.required');
    const bogus = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer xs_not-a-token' } });
    expect(bogus.statusCode).toBe(401);
    const { rows } = await db().execute<{ action: string }>(sql`
      select action from audit_log where entity = 'api_token' and entity_id = ${id} order by seq`);
    expect(rows.map((r) => r.action)).toEqual(['token.created', 'token.revoked']);
  });

  it('logout ends the session', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const s = await loginAs(app, u.username);
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changing one’s password: the old one stops working, the new one works; audited', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const s = await loginAs(app, u.username);
    const wrong = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope-nope', newPassword: 'brand-new-pass-1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const weak = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: u.username } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.weak_password');
    const short = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('request.invalid');
    const ok = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'brand-new-pass-1' } });
    expect(ok.statusCode).toBe(200);
    expect((await login(app, u.username, PASSWORD)).statusCode).toBe(401);
    expect((await login(app, u.username, 'brand-new-pass-1')).statusCode).toBe(200);
    expect(await auditActions(u.id)).toEqual(['user.created', 'auth.login', 'user.password_changed', 'auth.login_failed', 'auth.login']);
  });

  it('the password policy: not common (case-insensitive), not the current one, not the username, at least 8', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'leader' }]);
    const s = await loginAs(app, u.username);
    const tries: [string, number, string][] = [
      ['woaini1314', 400, 'auth.common_password'],
      ['88888888', 400, 'auth.common_password'],
      ['Password1', 400, 'auth.common_password'],
      ['a123456789', 400, 'auth.common_password'],
      [PASSWORD, 400, 'auth.password_unchanged'],
      [u.username.toUpperCase(), 400, 'auth.weak_password'],
      ['1234567', 400, 'request.invalid'],
    ];
    for (const [pw, status, code] of tries) {
      const res = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: pw } });
      expect([res.statusCode, res.json().error?.code], pw).toEqual([status, code]);
    }
    const en = await s.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: '12345678' }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/too common/);
    // The office's reset and account creation follow the same policy.
    const office = await makeUser(db(), committee.id, [{ role: 'staff', office: 'general' }]);
    const o = await loginAs(app, office.username);
    const reset = await o.request({ method: 'POST', url: `/api/users/${u.id}/reset-password`, payload: { newPassword: 'qwertyuiop' } });
    expect(reset.json().error.code).toBe('auth.common_password');
    const created = await o.request({ method: 'POST', url: '/api/users', payload: { username: uniq('new'), displayName: '新用户', password: '1qaz2wsx3edc', grants: [{ role: 'leader' }] } });
    expect(created.json().error.code).toBe('auth.common_password');
    // The demo's password passes the policy (the seeds set it through createUser).
    const demo = await o.request({ method: 'POST', url: '/api/users', payload: { username: uniq('demo'), displayName: '演示', password: 'demo-password', grants: [{ role: 'leader' }] } });
    expect(demo.statusCode).toBe(201);
  });

  it('a password change ends every other session and revokes the user’s tokens; the session it is made from stays', async () => {
    const u = await makeUser(db(), committee.id, [{ role: 'staff', office: 'member_affairs' }]);
    const here = await loginAs(app, u.username);
    const elsewhere = await loginAs(app, u.username);
    const token = (await here.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: '旧令牌' } })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    const ok = await here.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'a-fresh-pass-2' } });
    expect(ok.statusCode).toBe(200);
    expect((await here.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await elsewhere.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await here.request({ method: 'GET', url: '/api/auth/tokens' })).json().items).toEqual([]);
    const { rows } = await db().execute<{ after: unknown }>(sql`
      select after from audit_log where entity_id = ${u.id} and action = 'user.password_changed'`);
    expect(rows[0].after).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
  });

  it('an admin (general office) resets a password; the user’s sessions end; audited', async () => {
    const admin = await makeUser(db(), committee.id, [{ role: 'staff', office: 'general' }]);
    const target = await makeUser(db(), committee.id, [{ role: 'member' }]);
    const a = await loginAs(app, admin.username);
    const t = await loginAs(app, target.username);
    const targetToken = (await t.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: '脚本' } })).json().token as string;
    const set = await a.request({ method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: { newPassword: 'reset-by-admin-1' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ password: null });
    expect((await t.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // The reset also revokes the tokens made with the old password.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${targetToken}` } })).statusCode).toBe(401);
    expect((await login(app, target.username, PASSWORD)).statusCode).toBe(401);
    expect((await login(app, target.username, 'reset-by-admin-1')).statusCode).toBe(200);

    // Without a password one is generated, and the user must change it.
    const gen = await a.request({ method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: {} });
    expect(gen.statusCode).toBe(200);
    const pw = gen.json().password as string;
    expect(pw.length).toBeGreaterThanOrEqual(8);
    const again = await loginAs(app, target.username, pw);
    const me = await again.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
    // Until it is changed, committee work is refused with a message that says what to do …
    const blocked = await again.request({ method: 'GET', url: '/api/members' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.must_change_password');
    // … and changing it opens the rest again.
    const changed = await again.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: pw, newPassword: 'changed-by-owner-1' } });
    expect(changed.statusCode).toBe(200);
    const after = await loginAs(app, target.username, 'changed-by-owner-1');
    expect((await after.request({ method: 'GET', url: '/api/members' })).statusCode).toBe(200);

    // Someone without users.manage may not.
    const other = await makeUser(db(), committee.id, [{ role: 'staff', office: 'member_affairs' }]);
    const o = await loginAs(app, other.username);
    expect((await o.request({ method: 'POST', url: `/api/users/${target.id}/reset-password`, payload: {} })).statusCode).toBe(403);
    const { rows } = await db().execute<{ action: string; actor_user_id: string }>(sql`
      select action, actor_user_id from audit_log where entity_id = ${target.id} and action = 'user.password_reset' order by seq`);
    expect(rows).toEqual([
      { action: 'user.password_reset', actor_user_id: admin.id },
      { action: 'user.password_reset', actor_user_id: admin.id },
    ]);
  });
});
