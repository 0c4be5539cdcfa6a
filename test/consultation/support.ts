import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createMember } from '../../src/modules/org/index.js';
import type { Db } from '../../src/platform/db/database.js';
import { loginAs, type Session } from '../support/app.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee, makeUser } from '../support/factories.js';

const system = { userId: null, label: 'test' };

/** A committee with the general office, a leader and two members, each logged in; all through the real commands. */
export async function consultWorld(app: FastifyInstance, opts: { parentCode?: string; level?: 'city' | 'county' } = {}) {
  const db: Db = testDatabase().db;
  const c = await makeCommittee(db, opts);
  const m1 = await createMember(db, system, c.id, { name: '张明', gender: 'male' } as never);
  const m2 = await createMember(db, system, c.id, { name: '李华', gender: 'female' } as never);
  const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(db, c.id, grants)).username);
  return {
    db, committee: c, committeeId: c.id, memberIds: [m1.id, m2.id],
    office: await login([{ role: 'staff', office: 'general' }]),
    infoStaff: await login([{ role: 'staff', office: 'info' }]),
    leader: await login([{ role: 'leader' }]),
    member: await login([{ role: 'member', memberId: m1.id }]),
    member2: await login([{ role: 'member', memberId: m2.id }]),
  };
}
export type World = Awaited<ReturnType<typeof consultWorld>>;

export const ITEMS = [
  { title: '促进民营经济高质量发展', form: '专题协商会', lead: '经济委员会', month: 5, leaders: ['王副主席'], units: ['市发展改革委', '市工商联'] },
  { title: '和美乡村建设', form: '常委会议专题议政', lead: '农业和农村委员会', month: 8, supervisory: true },
  { title: '金融服务保障强工业行动', form: '双月协商座谈会', lead: '经济委员会', month: 4 },
];

export async function draftPlan(s: Session, year = 2026, items = ITEMS): Promise<string> {
  const res = await s.request({ method: 'POST', url: '/api/consultation/plans', payload: { year } });
  if (res.statusCode !== 201) throw new Error(`create plan: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  for (const item of items) {
    const r = await s.request({ method: 'POST', url: `/api/consultation/plans/${id}/items`, payload: item });
    if (r.statusCode !== 201) throw new Error(`add item: ${r.statusCode} ${r.body}`);
  }
  return id;
}

export const move = (s: Session, id: string, path: string, payload: object = {}, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url: `/api/consultation/plans/${id}/${path}`, payload, headers });

/** Draft → review → decided → issued, through the routes. */
export async function issuedPlan(s: Session, year = 2026): Promise<string> {
  const id = await draftPlan(s, year);
  for (const [path, body] of [['submit-review', {}], ['decide', { decidedOn: '2026-01-20', docNo: '定市委办发〔2026〕3号' }], ['issue', { issuedOn: '2026-01-25' }]] as const) {
    const r = await move(s, id, path, body);
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
  }
  return id;
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
