import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createMember } from '../../src/modules/org/index.js';
import type { Db } from '../../src/platform/db/database.js';
import { loginAs, type Session } from '../support/app.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee, makeUser } from '../support/factories.js';

const system = { userId: null, label: 'test' };

/** A city committee with a county below it; the county has its office, a leader, info staff and two members, each logged in. */
export async function networkWorld(app: FastifyInstance) {
  const db: Db = testDatabase().db;
  const city = await makeCommittee(db, { level: 'city' });
  const c = await makeCommittee(db, { level: 'county', parentCode: city.code });
  const m1 = await createMember(db, system, c.id, { name: '张明', gender: 'male' } as never);
  const m2 = await createMember(db, system, c.id, { name: '李华', gender: 'female' } as never);
  const login = async (committeeId: string, grants: Parameters<typeof makeUser>[2]) => {
    const u = await makeUser(db, committeeId, grants);
    return Object.assign(await loginAs(app, u.username), { userId: u.id });
  };
  return {
    db, city, committeeId: c.id, memberIds: [m1.id, m2.id],
    office: await login(c.id, [{ role: 'staff', office: 'member_affairs' }]),
    infoStaff: await login(c.id, [{ role: 'staff', office: 'info' }]),
    leader: await login(c.id, [{ role: 'leader' }]),
    member: await login(c.id, [{ role: 'member', memberId: m1.id }]),
    member2: await login(c.id, [{ role: 'member', memberId: m2.id }]),
    cityOffice: await login(city.id, [{ role: 'staff', office: 'general' }]),
  };
}
export type World = Awaited<ReturnType<typeof networkWorld>>;

const code = (n: number) => String(n);
/** A county region with two towns of three and two villages, through the routes; returns ids. */
export async function regionTree(s: Session) {
  const base = 621100000000 + crypto.randomInt(0, 99) * 1000000;
  const post = async (body: object) => {
    const r = await s.request({ method: 'POST', url: '/api/network/regions', payload: body });
    if (r.statusCode !== 201) throw new Error(`region: ${r.statusCode} ${r.body}`);
    return r.json().id as string;
  };
  const county = await post({ level: 'county', code: '621102', name: '安定区' });
  const town1 = await post({ parentId: county, level: 'town', code: code(621102100), name: '鲁家沟镇' });
  const town2 = await post({ parentId: county, level: 'town', code: code(621102101), name: '内官营镇' });
  const villages = [
    await post({ parentId: town1, level: 'village', code: code(base + 1), name: '将台村' }),
    await post({ parentId: town1, level: 'village', code: code(base + 2), name: '小岔口村' }),
    await post({ parentId: town1, level: 'village', code: code(base + 3), name: '太平村' }),
    await post({ parentId: town2, level: 'village', code: code(base + 4), name: '锦花村' }),
    await post({ parentId: town2, level: 'village', code: code(base + 5), name: '景泉村' }),
  ];
  return { county, town1, town2, villages };
}

export async function auditOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    sql`select action, before, after from audit_log where committee_id = ${committeeId} and entity_id = ${entityId} order by seq`);
  return rows;
}

export async function eventsOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ type: string; payload: Record<string, unknown> }>(
    sql`select type, payload from domain_events where committee_id = ${committeeId} and entity_id = ${entityId} order by id`);
  return rows;
}

/** A multipart/form-data body with one file field. */
export function multipart(buffer: Buffer, fileName: string) {
  const boundary = '----xieshang' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(500)]);
