import { sql } from 'drizzle-orm';
import type { Grant } from '../../src/platform/access.js';
import type { Db } from '../../src/platform/db/database.js';
import { addPlenarySession, createMember, createUnit } from '../../src/modules/org/index.js';
import {
  acceptAssignment, assignProposal, createDraft, fileProposal, releaseReply, saveReply, submitProposal, submitReply,
  type Caller, type DraftInput,
} from '../../src/modules/proposals/index.js';
import { EVAL_UNITS } from '../../src/modules/proposals/eval/units.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee } from '../support/factories.js';

export const BODY =
  '一、基本情况\n我市农村供水工程覆盖率较高，但冬季入户管道冻裂频发，群众只能拉水吃。\n' +
  '二、原因分析\n管网埋深不足，管护经费没有来源，管水员报酬低。\n' +
  '三、具体建议\n对埋深不足的管网进行改造，落实管护经费，建立冬季抢修队伍。';

export const TITLE = '关于解决农村供水管道冬季冻裂问题的建议';

const system = { userId: null, label: 'test' };

export function callerFor(committeeId: string, grants: Grant[], label = 'tester'): Caller {
  return { committeeId, actor: { userId: null, label }, grants, admin: false };
}

/**
 * A committee with a plenary session, six members, the eval set's units (with duties) and
 * callers for each role — all made through the real commands.
 */
export async function proposalWorld(opts: { units?: number; parentCode?: string } = {}) {
  const db: Db = testDatabase().db;
  const c = await makeCommittee(db, opts.parentCode ? { parentCode: opts.parentCode, level: 'county' } : {});
  const sessionId = await addPlenarySession(db, system, c.id, c.termId, { number: 3, name: '第五届委员会第三次会议', startDate: '2025-01-10' });
  const members: string[] = [];
  for (const name of ['张明', '李华', '王芳', '赵强', '刘洋', '陈静']) {
    members.push((await createMember(db, system, c.id, { name, gender: 'male' } as never)).id);
  }
  const units = new Map<string, string>();
  for (const u of EVAL_UNITS.slice(0, opts.units ?? EVAL_UNITS.length)) units.set(u.name, await createUnit(db, system, c.id, { name: u.name, duties: u.duties }));
  const member = (i: number) => callerFor(c.id, [{ role: 'member', memberId: members[i] }], `member${i}`);
  const clerk = (unitName: string) => callerFor(c.id, [{ role: 'unit_clerk', unitId: units.get(unitName)! }], `clerk:${unitName}`);
  const office = callerFor(c.id, [{ role: 'staff', office: 'proposals' }], 'office');
  return { db, committee: c, committeeId: c.id, sessionId, members, units, member, clerk, office, unit: (n: string) => units.get(n)! };
}
export type World = Awaited<ReturnType<typeof proposalWorld>>;

export async function draft(w: World, by = 0, input: Partial<DraftInput> = {}) {
  return createDraft(w.db, w.member(by), { title: TITLE, body: BODY, category: '农业农村', ...input });
}

export async function submitted(w: World, by = 0, input: Partial<DraftInput> = {}) {
  const id = await draft(w, by, input);
  await submitProposal(w.db, w.member(by), id);
  return id;
}

export async function filed(w: World, by = 0, input: Partial<DraftInput> = {}) {
  const id = await submitted(w, by, input);
  await fileProposal(w.db, w.office, id);
  return id;
}

export const WATER = '市水务局';
export const HEALTH = '市卫生健康委员会';
export const HOUSING = '市住房和城乡建设局';

/** Filed and assigned to 市水务局 (lead), optionally with co-handling units. */
export async function assigned(w: World, opts: { co?: string[]; assignedOn?: string; by?: number } = {}) {
  const id = await filed(w, opts.by ?? 0);
  await assignProposal(w.db, w.office, id, { leadUnitId: w.unit(WATER), coUnitIds: (opts.co ?? []).map(w.unit), assignedOn: opts.assignedOn });
  return id;
}

export const REPLY = {
  replyClass: 'A', isPublic: true, signer: '王局长', contactPerson: '李科长', contactPhone: '0932-8212345',
  body: '关于市政协第五届三次会议第1号提案的答复：我局已安排专项资金改造冻裂管网……', contactedOn: '2025-04-01',
};

/** Assigned, accepted, replied and released (no co-handling units). */
export async function released(w: World, opts: { by?: number } = {}) {
  const id = await assigned(w, { by: opts.by });
  const clerk = w.clerk(WATER);
  await acceptAssignment(w.db, clerk, id);
  await saveReply(w.db, clerk, id, REPLY);
  await submitReply(w.db, clerk, id);
  await releaseReply(w.db, w.office, id);
  return id;
}

export async function stateOf(db: Db, id: string): Promise<string> {
  const { rows } = await db.execute<{ state: string }>(sql`select state from proposals where id = ${id}`);
  return rows[0].state;
}

export async function eventsOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ type: string; payload: Record<string, any> }>(
    sql`select type, payload from domain_events where committee_id = ${committeeId} and entity_id = ${entityId} order by id`);
  return rows;
}

export async function auditOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ action: string; before: any; after: any }>(
    sql`select action, before, after from audit_log where committee_id = ${committeeId} and entity_id = ${entityId} order by seq`);
  return rows;
}

/** Expects a promise to fail with an AppError of `code`. */
export async function failsWith(p: Promise<unknown>, code: string) {
  try {
    await p;
  } catch (e) {
    if ((e as { code?: string }).code === code) return e;
    throw new Error(`expected ${code}, got ${(e as { code?: string }).code ?? e}`);
  }
  throw new Error(`expected ${code}, but it succeeded`);
}
