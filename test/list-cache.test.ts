import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { updateMember } from '../src/modules/org/index.js';
import { memberListCache, memberListJson } from '../src/modules/org/members/member-list.js';
import type { MemberListQuery } from '../src/modules/org/contracts.js';
import { CACHE_CHANNEL, CacheHub } from '../src/platform/cache.js';
import { connect } from '../src/platform/db/database.js';
import { PrincipalResolver, SESSION_COOKIE, sha256 } from '../src/platform/http/auth-context.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';
import { waitFor } from './support/wait.js';

const db = () => testDatabase().db;
const actor = { userId: null, label: 'test' };
const q: MemberListQuery = { sort: 'name', order: 'asc', page: 1, pageSize: 20 };
const tokenOf = (s: Session) => decodeURIComponent(/(?:^|; )xs_session=([^;]+)/.exec(s.cookie)![1]);

/** Renames a member behind the application's back: no uow.touch, no NOTIFY. */
const rawRename = (id: string, name: string) => db().execute(sql`update members set name = ${name} where id = ${id}`);

describe('member list cache and principal cache', () => {
  let app: FastifyInstance;
  let c: Awaited<ReturnType<typeof makeCommittee>>;
  let other: Awaited<ReturnType<typeof makeCommittee>>;
  let staff: Session;
  const memberIds: string[] = [];
  // A second "instance": its own pool and its own hub, which hears writes only through NOTIFY.
  const second = connect(testDatabase().url, 3);
  const hub2 = new CacheHub(second.db, { local: false, retryMs: 50 });

  const names = async (s: Session, committeeId?: string) => {
    const res = await s.request({ method: 'GET', url: '/api/members?page=1&pageSize=20', committeeId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return (res.json() as { items: { name: string; phone: string | null }[] }).items;
  };
  const names2 = async () => (JSON.parse(await memberListJson(second.db, c.id, q, true, hub2)) as { items: { name: string }[] }).items.map((m) => m.name);

  beforeAll(async () => {
    app = await testApp();
    await hub2.start();
    c = await makeCommittee(db());
    other = await makeCommittee(db());
    staff = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    for (const [name, phone] of [['安然', '13911110001'], ['白露', '13911110002'], ['陈晨', '13911110003']]) {
      const res = await staff.request({ method: 'POST', url: '/api/members', payload: { name, gender: 'female', phone } });
      expect(res.statusCode, res.body).toBe(201);
      memberIds.push(res.json().id);
    }
  });
  afterAll(async () => {
    await hub2.stop();
    await second.pool.end();
    await app?.close();
  });

  it('serves the list from cache and shows an edit made in this process at once', async () => {
    expect((await names(staff)).map((m) => m.name)).toEqual(['安然', '白露', '陈晨']);
    // Proof that the second read is the cached page: a write that bypasses the commands is not seen…
    await rawRename(memberIds[0], '安然X');
    expect((await names(staff)).map((m) => m.name)).toEqual(['安然', '白露', '陈晨']);
    // …while an edit through the command is, on the very next request.
    const res = await staff.request({ method: 'PATCH', url: `/api/members/${memberIds[1]}`, payload: { name: '白露霜' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await names(staff)).map((m) => m.name)).toEqual(['安然X', '白露霜', '陈晨']);
  });

  it('keeps the private fields apart: a member without access never gets the staff page', async () => {
    const memberUser = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'member', memberId: memberIds[0] }])).username);
    expect((await names(staff)).every((m) => m.phone)).toBe(true);
    expect((await names(memberUser)).every((m) => m.phone === null)).toBe(true);
    expect((await names(staff)).every((m) => m.phone)).toBe(true);
  });

  it('keeps committees apart (tenancy unchanged)', async () => {
    const otherStaff = await loginAs(app, (await makeUser(db(), other.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    expect(await names(otherStaff)).toEqual([]);
    // Asking for the first committee from the other one is refused as before, cache or not.
    const res = await otherStaff.request({ method: 'GET', url: '/api/members?page=1&pageSize=20', committeeId: c.id });
    expect(res.statusCode).toBe(404);
  });

  it('shows an edit made through another pool and NOTIFY to another instance', async () => {
    await waitFor(() => expect(hub2.live).toBe(true));
    const before = await names2();
    await rawRename(memberIds[2], '陈晨X');
    expect(await names2()).toEqual(before); // cached on the second instance
    // The write happens in "this" instance (the app's pool); hub2 is not told in-process.
    await updateMember(db(), actor, c.id, memberIds[2], { name: '陈晨晨' });
    await waitFor(async () => expect(await names2()).toContain('陈晨晨'));
  });

  it('the app drops its pages on a NOTIFY sent by another process in its writing transaction', async () => {
    await names(staff); // cached
    const client = new pg.Client({ connectionString: testDatabase().url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('update members set name = $1 where id = $2', ['安然安', memberIds[0]]);
      await client.query('select pg_notify($1, $2)', [CACHE_CHANNEL, `${c.id}|members`]);
      // Not committed yet: nothing is delivered, the cached page stays.
      await new Promise((r) => setTimeout(r, 100));
      expect((await names(staff)).map((m) => m.name)).not.toContain('安然安');
      await client.query('commit');
    } finally {
      await client.end();
    }
    await waitFor(async () => expect((await names(staff)).map((m) => m.name)).toContain('安然安'));
  });

  it('drops everything when the listening connection drops, and caches again once it is back', async () => {
    await waitFor(() => expect(hub2.live).toBe(true));
    const table = memberListCache(hub2);
    await names2();
    await rawRename(memberIds[1], '白露A');
    expect(await names2()).not.toContain('白露A'); // stale on purpose: proves it is cached
    expect(table.entries).toBeGreaterThan(0);
    hub2.simulateConnectionLoss();
    await waitFor(() => expect(hub2.live).toBe(false), { interval: 5 });
    expect(table.entries).toBe(0);
    // While down (or once back: the reconnect drops everything too), reads see the database.
    expect(await names2()).toContain('白露A');
    await waitFor(() => expect(hub2.live).toBe(true));
    await rawRename(memberIds[1], '白露B');
    expect(await names2()).toContain('白露B');
    expect(table.entries).toBeGreaterThan(0);
  });

  it('refuses a logged-out session at once, here and on another instance', async () => {
    const s = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    const token = tokenOf(s);
    const resolver2 = new PrincipalResolver(second.db, 60_000, hub2); // a long TTL: only NOTIFY can clear it
    await waitFor(() => expect(hub2.live).toBe(true));
    expect(await resolver2.fromSession(token)).not.toBeNull();
    expect((await s.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/members', headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` } });
    expect(after.statusCode).toBe(401);
    await waitFor(async () => expect(await resolver2.fromSession(token)).toBeNull());
  });

  it('refuses a revoked API token at once', async () => {
    const s = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    const created = await s.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: '缓存' } });
    const { token, id } = created.json() as { token: string; id: string };
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/members', headers: bearer })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: bearer })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/members', headers: bearer })).statusCode).toBe(401);
  });

  it('honours session expiry exactly, whatever the cache TTL', async () => {
    const s = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    const token = tokenOf(s);
    const resolver2 = new PrincipalResolver(second.db, 3_600_000, hub2); // cached for an hour
    await db().execute(sql`update auth_sessions set expires_at = now() + interval '10 minutes' where id = ${sha256(token)}`);
    await waitFor(() => expect(hub2.live).toBe(true)); // else the resolver does not cache at all
    expect(await resolver2.fromSession(token)).not.toBeNull();
    // The resolver's clock moves past the expiry while the entry is well inside its TTL. Only Date
    // is faked (pg's timers run); a real sleep past a short expiry failed on a loaded machine,
    // where the first lookup itself could come after the expiry.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      expect(await resolver2.fromSession(token)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
