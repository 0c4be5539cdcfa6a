import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { MemberView } from '../src/modules/org/index.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const db = () => testDatabase().db;

describe('members API', () => {
  let app: FastifyInstance;
  let c: Awaited<ReturnType<typeof makeCommittee>>;
  let staff: Session;
  let member: Session;
  let leader: Session;
  const ids: Record<string, string> = {};

  const list = async (s: Session, query: string) => {
    const res = await s.request({ method: 'GET', url: `/api/members?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: MemberView[]; total: number };
  };
  const names = async (query: string) => (await list(staff, query)).items.map((m) => m.name);
  const auditCount = async (memberId: string) => {
    const { rows } = await db().execute<{ n: number }>(sql`select count(*)::int as n from audit_log where committee_id = ${c.id} and entity_id = ${memberId}`);
    return rows[0].n;
  };

  beforeAll(async () => {
    app = await testApp();
    c = await makeCommittee(db());
    staff = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    leader = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'leader' }])).username);
    const people = [
      { name: '张三', gender: 'male', sectorId: c.sectorIds[0], roles: ['member', 'standing'], phone: '13900000001', birthDate: '1968-03-02' },
      { name: '张山', gender: 'female', sectorId: c.sectorIds[1], phone: '13900000002', birthDate: '1975-11-20' },
      { name: '李四', gender: 'male', sectorId: c.sectorIds[0], phone: '13900000003', status: 'left', leftAt: '2024-01-31', leftReason: '工作调动' },
      { name: '王五', gender: 'female', sectorId: c.sectorIds[2], roles: ['member', 'vice_chair'], birthDate: '1980-07-07' },
      { name: '欧阳修', gender: 'male', specialCommitteeId: c.specialIds[1] },
    ];
    for (const p of people) {
      const res = await staff.request({ method: 'POST', url: '/api/members', payload: p });
      expect(res.statusCode, res.body).toBe(201);
      ids[p.name] = res.json().id;
    }
    member = await loginAs(app, (await makeUser(db(), c.id, [{ role: 'member', memberId: ids['张三'] }])).username);
  });
  afterAll(() => app?.close());

  it('creates a member and returns it with sector names', async () => {
    const res = await staff.request({ method: 'GET', url: `/api/members/${ids['张三']}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张三', gender: 'male', ethnicity: '汉族', sectorName: '教育界', roles: ['member', 'standing'],
      phone: '13900000001', birthDate: '1968-03-02', status: 'active', abilities: { edit: true },
    });
    const { rows } = await db().execute<{ action: string }>(sql`select action from audit_log where entity_id = ${ids['张三']}`);
    expect(rows.map((r) => r.action)).toEqual(['member.created']);
  });

  it('lists the committee’s members sorted by pinyin, with the total', async () => {
    const res = await list(staff, '');
    expect(res.total).toBe(5);
    expect(res.items.map((m) => m.name)).toEqual(['李四', '欧阳修', '王五', '张三', '张山']);
  });

  it('searches by a Chinese substring, by pinyin initials and by full pinyin', async () => {
    expect(await names('q=张')).toEqual(['张三', '张山']);
    expect(await names('q=三')).toEqual(['张三']);
    expect(await names(`q=${encodeURIComponent('阳修')}`)).toEqual(['欧阳修']);
    expect(await names('q=zs')).toEqual(['张三', '张山']);
    expect(await names('q=ZS')).toEqual(['张三', '张山']);
    expect(await names('q=ls')).toEqual(['李四']);
    expect(await names('q=oyx')).toEqual(['欧阳修']);
    expect(await names('q=zhangsan')).toEqual(['张三']);
    expect(await names('q=zhangs')).toEqual(['张三', '张山']);
    expect(await names('q=xyz')).toEqual([]);
    // LIKE wildcards in the query are taken literally.
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('filters by sector, role and status, and combines filters with search', async () => {
    expect(await names(`sectorId=${c.sectorIds[0]}`)).toEqual(['李四', '张三']);
    expect(await names('role=standing')).toEqual(['张三']);
    expect(await names('role=vice_chair')).toEqual(['王五']);
    expect(await names('status=left')).toEqual(['李四']);
    expect(await names('status=active')).toEqual(['欧阳修', '王五', '张三', '张山']);
    expect(await names(`q=zs&sectorId=${c.sectorIds[1]}`)).toEqual(['张山']);
    expect(await names(`specialCommitteeId=${c.specialIds[1]}`)).toEqual(['欧阳修']);
  });

  it('sorts by birth date either way, members without one last', async () => {
    expect(await names('sort=birthDate')).toEqual(['张三', '张山', '王五', '李四', '欧阳修']);
    expect(await names('sort=birthDate&order=desc')).toEqual(['王五', '张山', '张三', '李四', '欧阳修']);
    expect(await names('sort=name&order=desc')).toEqual(['张山', '张三', '王五', '欧阳修', '李四']);
  });

  it('pages, with the total of all matches on every page', async () => {
    const p1 = await list(staff, 'pageSize=2&page=1');
    const p2 = await list(staff, 'pageSize=2&page=2');
    const p3 = await list(staff, 'pageSize=2&page=3');
    const p4 = await list(staff, 'pageSize=2&page=4');
    expect([p1.total, p2.total, p3.total, p4.total]).toEqual([5, 5, 5, 5]);
    expect([...p1.items, ...p2.items, ...p3.items].map((m) => m.name)).toEqual(['李四', '欧阳修', '王五', '张三', '张山']);
    expect(p3.items).toHaveLength(1);
    expect(p4.items).toEqual([]);
    expect((await list(staff, 'q=zs&pageSize=1')).total).toBe(2);
  });

  it('PATCH changes a member and writes one audit row with before and after', async () => {
    const id = ids['张山'];
    const n = await auditCount(id);
    const res = await staff.request({ method: 'PATCH', url: `/api/members/${id}`, payload: { title: '主任', employer: '定西市第一中学' }, headers: { 'x-request-id': 'patch-req-0001' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '张山', title: '主任', employer: '定西市第一中学', phone: '13900000002' });
    expect(await auditCount(id)).toBe(n + 1);
    const { rows } = await db().execute<{ action: string; before: any; after: any; request_id: string; actor_label: string }>(sql`
      select action, before, after, request_id, actor_label from audit_log where committee_id = ${c.id} and entity_id = ${id} order by seq desc limit 1`);
    expect(rows[0]).toMatchObject({ action: 'member.updated', request_id: 'patch-req-0001' });
    expect(rows[0].before).toMatchObject({ title: null, employer: null, name: '张山' });
    expect(rows[0].after).toMatchObject({ title: '主任', employer: '定西市第一中学', name: '张山' });
    // Renaming re-indexes the pinyin.
    await staff.request({ method: 'PATCH', url: `/api/members/${ids['王五']}`, payload: { name: '王武' } });
    expect(await names('q=ww')).toEqual(['王武']);
    await staff.request({ method: 'PATCH', url: `/api/members/${ids['王五']}`, payload: { name: '王五' } });
  });

  it('a PATCH that breaks an invariant changes nothing and writes no audit row', async () => {
    const id = ids['张三'];
    const before = (await staff.request({ method: 'GET', url: `/api/members/${id}` })).json();
    const n = await auditCount(id);
    const left = await staff.request({ method: 'PATCH', url: `/api/members/${id}`, payload: { status: 'left', title: '不应保存' } });
    expect(left.statusCode).toBe(400);
    expect(left.json().error.code).toBe('member.left_needs_date');
    expect(left.json().error.message).toBe('离任委员须填写离任日期和原因');
    const taken = await staff.request({ method: 'PATCH', url: `/api/members/${id}`, payload: { phone: '13900000002', title: '不应保存' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'member.phone_taken', message: '手机号 13900000002 已被委员“张山”使用' });
    const foreignSector = (await makeCommittee(db())).sectorIds[0];
    const sector = await staff.request({ method: 'PATCH', url: `/api/members/${id}`, payload: { sectorId: foreignSector } });
    expect(sector.statusCode).toBe(400);
    expect(sector.json().error.code).toBe('member.sector_unknown');
    expect(await auditCount(id)).toBe(n);
    expect((await staff.request({ method: 'GET', url: `/api/members/${id}` })).json()).toEqual(before);
  });

  it('the member role sees the roster without phone numbers or full birth dates; leaders see them', async () => {
    const asMember = await list(member, '');
    expect(asMember.total).toBe(5);
    expect(asMember.items.every((m) => m.phone === null)).toBe(true);
    expect(asMember.items.find((m) => m.name === '张三')!.birthDate).toBe('1968');
    const one = await member.request({ method: 'GET', url: `/api/members/${ids['张三']}` });
    expect(one.json().phone).toBeNull();
    expect(one.json().abilities).toEqual({ edit: false });
    expect(JSON.stringify(asMember)).not.toContain('1390000000');
    const asLeader = await list(leader, '');
    expect(asLeader.items.find((m) => m.name === '张三')!.phone).toBe('13900000001');
    // Members and leaders may not write.
    expect((await member.request({ method: 'POST', url: '/api/members', payload: { name: '不行', gender: 'male' } })).statusCode).toBe(403);
    expect((await leader.request({ method: 'PATCH', url: `/api/members/${ids['张三']}`, payload: { title: 'x' } })).statusCode).toBe(403);
  });

  it('409 on a duplicate phone number in the same committee; another committee may use it', async () => {
    const res = await staff.request({ method: 'POST', url: '/api/members', payload: { name: '赵六', gender: 'male', phone: '13900000001' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('member.phone_taken');
    expect((await list(staff, '')).total).toBe(5);
    const other = await makeCommittee(db());
    const otherStaff = await loginAs(app, (await makeUser(db(), other.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    expect((await otherStaff.request({ method: 'POST', url: '/api/members', payload: { name: '赵六', gender: 'male', phone: '13900000001' } })).statusCode).toBe(201);
    // …and neither committee sees the other's members.
    expect((await list(otherStaff, '')).items.map((m) => m.name)).toEqual(['赵六']);
    expect((await otherStaff.request({ method: 'GET', url: `/api/members/${ids['张三']}` })).statusCode).toBe(404);
  });

  it('validation errors name each field, with the phone rule in words', async () => {
    const res = await staff.request({
      method: 'POST', url: '/api/members',
      payload: { name: '', gender: 'x', phone: '12345', birthDate: '1990/01/01', roles: ['king'] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('request.invalid');
    const byField = Object.fromEntries((body.error.details as { field: string; message: string }[]).map((d) => [d.field, d.message]));
    expect(Object.keys(byField).sort()).toEqual(['body.birthDate', 'body.gender', 'body.name', 'body.phone', 'body.roles.0']);
    for (const m of Object.values(byField)) expect(m).toMatch(/[\u4e00-\u9fff]|YYYY-MM-DD/);
    // The schema's own wording is used where it has one.
    expect(byField['body.phone']).toBe('手机号应为 11 位数字');
    expect(byField['body.birthDate']).toBe('日期格式应为 YYYY-MM-DD');
    expect(byField['body.gender']).toMatch(/male/);
    const en = await staff.request({ method: 'POST', url: '/api/members', payload: { name: '', gender: 'x', phone: '12345' }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/^The request is invalid/);
    expect(en.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.gender', 'body.name', 'body.phone']);
    for (const d of en.json().error.details) expect(d.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await list(staff, '')).total).toBe(5);
  });
});
