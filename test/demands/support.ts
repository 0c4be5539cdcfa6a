import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createMember, createUnit } from '../../src/modules/org/index.js';
import { solveChallenge } from '../../src/modules/demands/index.js';
import type { Db } from '../../src/platform/db/database.js';
import { loginAs } from '../support/app.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee, makeUser } from '../support/factories.js';

const system = { userId: null, label: 'test' };

/** A committee with the triage office, other staff, a leader, two members, a unit and its clerk (and a second unit's clerk), logged in. */
export async function demandWorld(app: FastifyInstance) {
  const db: Db = testDatabase().db;
  const c = await makeCommittee(db, { level: 'city' });
  const m1 = await createMember(db, system, c.id, { name: '张明', gender: 'male' } as never);
  const m2 = await createMember(db, system, c.id, { name: '李华', gender: 'female' } as never);
  const unitId = await createUnit(db, system, c.id, { name: '市交通运输局', duties: '公路 农村道路 交通' });
  const unit2Id = await createUnit(db, system, c.id, { name: '市教育局', duties: '学校 教育' });
  const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(db, c.id, grants)).username);
  return {
    db, committee: c, committeeId: c.id, code: c.code, memberIds: [m1.id, m2.id], unitId, unit2Id,
    office: await login([{ role: 'staff', office: 'general' }]),
    infoStaff: await login([{ role: 'staff', office: 'info' }]),
    leader: await login([{ role: 'leader' }]),
    member: await login([{ role: 'member', memberId: m1.id }]),
    member2: await login([{ role: 'member', memberId: m2.id }]),
    clerk: await login([{ role: 'unit_clerk', unitId }]),
    clerk2: await login([{ role: 'unit_clerk', unitId: unit2Id }]),
  };
}
export type World = Awaited<ReturnType<typeof demandWorld>>;

export const DEMAND = {
  channel: 'reception', kind: '基础设施', matter: '凤翔镇中川村村道损坏需要硬化', details: '村道雨天泥泞，学生上学不便，希望硬化村道。',
  placeText: '安定区凤翔镇中川村', personName: '张建国', personPhone: '13812341234', personIdNo: '620102198001011234',
};

/** Fetches the form, solves its challenge and submits (the browser's steps). */
export async function submitPublic(app: FastifyInstance, code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const form = await app.inject({ method: 'GET', url: `/api/public/${code}/demand-form`, headers });
  if (form.statusCode !== 200) throw new Error(`form: ${form.statusCode} ${form.body}`);
  const { challenge, bits } = form.json();
  return app.inject({ method: 'POST', url: `/api/public/${code}/demands`, headers, payload: { challenge, solution: solveChallenge(challenge, bits), ...body } });
}

export async function auditOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; actor_label: string }>(
    sql`select action, before, after, actor_label from audit_log where committee_id = ${committeeId} and entity_id = ${entityId} order by seq`);
  return rows;
}

export async function eventsOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ type: string; payload: Record<string, unknown> }>(
    sql`select type, payload from domain_events where committee_id = ${committeeId} and entity_id = ${entityId} order by id`);
  return rows;
}

/** A tiny valid PNG (1×1). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = '----xsdemands' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
