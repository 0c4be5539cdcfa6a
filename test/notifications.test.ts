import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { notify } from '../src/platform/notifications.js';
import { transact } from '../src/platform/db/unit-of-work.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const db = () => testDatabase().db;
const system = { userId: null, label: 'test' };

interface Item { id: string; kind: string; title: string; body: string | null; link: string | null; readAt: string | null; createdAt: string }
interface Page { items: Item[]; total: number; unread: number }

describe('notifications', () => {
  let app: FastifyInstance;
  let home: { id: string };
  let other: { id: string };
  let alice: { id: string; s: Session };
  let bob: { id: string; s: Session };

  beforeAll(async () => {
    app = await testApp();
    home = await makeCommittee(db());
    other = await makeCommittee(db());
    const a = await makeUser(db(), home.id, [{ role: 'member' }]);
    const b = await makeUser(db(), home.id, [{ role: 'unit_clerk' }]);
    alice = { id: a.id, s: await loginAs(app, a.username) };
    bob = { id: b.id, s: await loginAs(app, b.username) };
  });
  afterAll(() => app?.close());

  const list = async (s: Session, query = '') => {
    const res = await s.request({ method: 'GET', url: `/api/notifications${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Page;
  };

  it('a dedupe key makes a repeated reminder harmless: one row per user and key', async () => {
    const key = `reminder:${crypto.randomUUID()}:2026-11-25`;
    const n = { committeeId: home.id, userIds: [alice.id, bob.id, alice.id], kind: 'proposal.due', title: '提案办理即将到期', dedupeKey: key };
    expect(await notify(db(), n)).toBe(2);
    expect(await notify(db(), n)).toBe(0);
    // A new user on a later run still gets theirs.
    const c = await makeUser(db(), home.id, [{ role: 'member' }]);
    expect(await notify(db(), { ...n, userIds: [alice.id, c.id] })).toBe(1);
    // Without a key every call notifies.
    const plain = { committeeId: home.id, userIds: [c.id], kind: 'x', title: '无键通知' };
    expect(await notify(db(), plain)).toBe(1);
    expect(await notify(db(), plain)).toBe(1);
    expect(await notify(db(), { ...plain, userIds: [] })).toBe(0);
  });

  it('is written in the transaction of the change: a rolled-back change notifies nobody', async () => {
    const title = `回滚 ${crypto.randomUUID()}`;
    await expect(
      transact(db(), system, async (uow) => {
        await notify(uow.tx, { committeeId: home.id, userIds: [alice.id], kind: 'x', title });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const { rows } = await db().execute<{ n: number }>(sql`select count(*)::int as n from notifications where title = ${title}`);
    expect(rows[0].n).toBe(0);
  });

  it('lists mine in the current committee, newest first, paged, with the unread count', async () => {
    const u = await makeUser(db(), home.id, [{ role: 'member' }]);
    const s = await loginAs(app, u.username);
    for (const [i, title] of ['您的提案已立案', '您的提案已交办', '承办单位已答复'].entries()) {
      await notify(db(), { committeeId: home.id, userIds: [u.id], kind: 'proposal.moved', title, body: `第 ${i + 1} 条`, link: `/proposals/${i}`, entity: 'proposal', entityId: String(i) });
    }
    // Someone else's, and mine in another committee: neither shows here.
    await notify(db(), { committeeId: home.id, userIds: [bob.id], kind: 'x', title: '别人的通知' });
    await notify(db(), { committeeId: other.id, userIds: [u.id], kind: 'x', title: '他会的通知' });
    const page = await list(s);
    expect(page.total).toBe(3);
    expect(page.unread).toBe(3);
    expect(page.items.map((n) => n.title)).toEqual(['承办单位已答复', '您的提案已交办', '您的提案已立案']);
    expect(page.items[0]).toMatchObject({ kind: 'proposal.moved', body: '第 3 条', link: '/proposals/2', readAt: null });
    const second = await list(s, '?page=2&pageSize=2');
    expect(second.items.map((n) => n.title)).toEqual(['您的提案已立案']);
    expect(second.total).toBe(3);
    expect((await s.request({ method: 'GET', url: '/api/notifications?pageSize=1000' })).statusCode).toBe(400);
  });

  it('marks one read (idempotently) and then all; another user\'s notification is a 404', async () => {
    const u = await makeUser(db(), home.id, [{ role: 'leader' }]);
    const s = await loginAs(app, u.username);
    await notify(db(), { committeeId: home.id, userIds: [u.id], kind: 'x', title: '一' });
    await notify(db(), { committeeId: home.id, userIds: [u.id], kind: 'x', title: '二' });
    await notify(db(), { committeeId: home.id, userIds: [u.id], kind: 'x', title: '三' });
    await notify(db(), { committeeId: home.id, userIds: [bob.id], kind: 'x', title: '鲍勃的' });
    const [third, secondN] = (await list(s)).items;
    const first = await s.request({ method: 'POST', url: `/api/notifications/${third!.id}/read` });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: third!.id, title: '三' });
    const readAt = first.json().readAt as string;
    expect(readAt).toBeTruthy();
    const again = await s.request({ method: 'POST', url: `/api/notifications/${third!.id}/read` });
    expect(again.json().readAt).toBe(readAt);
    let page = await list(s);
    expect(page.unread).toBe(2);
    expect((await list(s, '?unread=true')).items.map((n) => n.title)).toEqual(['二', '一']);
    expect((await list(s, '?unread=true')).total).toBe(2);

    // Bob cannot mark (or learn about) someone else's notification.
    const bobs = await bob.s.request({ method: 'POST', url: `/api/notifications/${secondN!.id}/read` });
    expect(bobs.statusCode).toBe(404);
    expect(bobs.json().error.code).toBe('notifications.not_found');
    expect(bobs.json().error.message).toBe('找不到该通知');
    expect((await list(s)).unread).toBe(2);
    expect((await s.request({ method: 'POST', url: '/api/notifications/abc/read' })).statusCode).toBe(400);
    expect((await s.request({ method: 'POST', url: '/api/notifications/999999999999/read' })).statusCode).toBe(404);

    const bobBefore = (await list(bob.s)).unread;
    const all = await s.request({ method: 'POST', url: '/api/notifications/read-all' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 2 });
    page = await list(s);
    expect(page.unread).toBe(0);
    expect(page.items.every((n) => n.readAt)).toBe(true);
    // Reading all does not touch the first one's time, nor anyone else's.
    expect(page.items.find((n) => n.id === third!.id)!.readAt).toBe(readAt);
    expect((await list(bob.s)).unread).toBe(bobBefore);
    expect((await s.request({ method: 'POST', url: '/api/notifications/read-all' })).json()).toEqual({ updated: 0 });
  });

  it('a notification of another committee is 404 from here, and the other committee is 404 to a non-member', async () => {
    await notify(db(), { committeeId: other.id, userIds: [alice.id], kind: 'x', title: '他会' });
    const { rows } = await db().execute<{ id: string }>(sql`select id::text from notifications where committee_id = ${other.id} and user_id = ${alice.id}`);
    const res = await alice.s.request({ method: 'POST', url: `/api/notifications/${rows[0]!.id}/read` });
    expect(res.statusCode).toBe(404);
    expect((await alice.s.request({ method: 'GET', url: '/api/notifications', committeeId: other.id })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
