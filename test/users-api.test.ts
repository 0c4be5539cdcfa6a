import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createUnit } from '../src/modules/org/index.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser, uniq } from './support/factories.js';

const actor = { userId: null, label: 'test' };

describe('accounts created by the office', () => {
  const db = testDatabase().db;
  let app: FastifyInstance;
  let office: Session;
  let c: Awaited<ReturnType<typeof makeCommittee>>;
  let unitId: string;
  let foreignUnitId: string;

  beforeAll(async () => {
    app = await testApp();
    c = await makeCommittee(db);
    const other = await makeCommittee(db);
    unitId = await createUnit(db, actor, c.id, { name: '市教育局', duties: '负责全市教育工作' });
    foreignUnitId = await createUnit(db, actor, other.id, { name: '市卫健委', duties: '负责卫生健康工作' });
    office = await loginAs(app, (await makeUser(db, c.id, [{ role: 'staff', office: 'general' }])).username);
  });
  afterAll(() => app?.close());

  const create = (s: Session, grants: unknown[], username = uniq('clerk')) =>
    s.request({ method: 'POST', url: '/api/users', payload: { username, displayName: '王丽', password: 'initial-pass-1', grants } });

  it('a new account must replace the password the office chose before any committee work', async () => {
    const username = uniq('clerk');
    const res = await create(office, [{ role: 'unit_clerk', unitId }], username);
    expect(res.statusCode).toBe(201);
    const clerk = await loginAs(app, username, 'initial-pass-1');
    expect((await clerk.request({ method: 'GET', url: '/api/auth/me' })).json().user.mustChangePassword).toBe(true);
    expect((await clerk.request({ method: 'GET', url: '/api/proposals' })).json().error.code).toBe('auth.must_change_password');
  });

  it('refuses incomplete roles and roles naming another committee’s unit, saying which role is wrong', async () => {
    const foreign = await create(office, [{ role: 'unit_clerk', unitId: foreignUnitId }]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'user.grant_invalid' });
    expect(foreign.json().error.message).toContain('不属于本政协');
    const noOffice = await create(office, [{ role: 'staff' }]);
    expect(noOffice.statusCode).toBe(400);
    expect(noOffice.json().error.message).toContain('第 1 个角色');
    const noMember = await create(office, [{ role: 'leader' }, { role: 'member' }]);
    expect(noMember.json().error.message).toContain('第 2 个角色');
    // The same role twice was a 500 (unique index of user_roles), found by the route fuzzer.
    const twice = await create(office, [{ role: 'leader' }, { role: 'leader' }]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('第 2 个角色');
    expect((await create(office, [{ role: 'staff', office: 'info' }, { role: 'staff', office: 'general' }])).statusCode).toBe(201);
  });

  it('only an office with org.users.manage may create accounts', async () => {
    const member = await loginAs(app, (await makeUser(db, c.id, [{ role: 'member' }])).username);
    expect((await create(member, [{ role: 'leader' }])).statusCode).toBe(403);
  });
});
