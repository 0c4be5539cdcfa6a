import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

/** Roles and offices are open: a module declares its own (the skeleton module declares one of each). */
describe('declared roles and offices', () => {
  let app: FastifyInstance;
  let admin: Session;
  let member: Session;
  let committeeId: string;
  beforeAll(async () => {
    const db = testDatabase().db;
    app = await testApp();
    committeeId = (await makeCommittee(db)).id;
    admin = await loginAs(app, (await makeUser(db, committeeId, [{ role: 'staff', office: 'general' }])).username);
    member = await loginAs(app, (await makeUser(db, committeeId, [{ role: 'leader' }])).username);
  });
  afterAll(() => app?.close());

  const create = (role: string, office?: string) => admin.request({
    method: 'POST', url: '/api/users',
    payload: { username: `r${Math.random().toString(36).slice(2, 10)}`, displayName: '测试', password: 'Zx-9vq-Lm3-Tr7', grants: [{ role, office }] },
  });

  it('lists the platform’s and the modules’ roles and offices with both labels', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users/role-catalogue' });
    expect(res.statusCode).toBe(200);
    const { roles, offices } = res.json();
    expect(roles.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['staff', 'member', 'unit_clerk', 'leader', 'skeleton_reviewer']));
    expect(offices).toContainEqual({ key: 'skeleton_office', zh: '骨架办', en: 'Skeleton office' });
    expect((await member.request({ method: 'GET', url: '/api/users/role-catalogue' })).statusCode).toBe(403);
  });

  it('gives an account a declared role, and refuses one nobody declared with a 400 naming the field', async () => {
    expect((await create('skeleton_reviewer')).statusCode).toBe(201);
    expect((await create('staff', 'skeleton_office')).statusCode).toBe(201);
    const bad = await create('wizard');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('grants.0.role');
    expect((await create('staff', 'treasury')).statusCode).toBe(400);
  });
});
