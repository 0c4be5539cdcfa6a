import { sql } from 'drizzle-orm';
import type { Grant } from '../../src/platform/access.js';
import type { Db } from '../../src/platform/db/database.js';
import { createMember } from '../../src/modules/org/index.js';
import {
  acceptItem, createIssue, createPeriodical, screenItem, sendToSignOff, signIssue, submitItem, releaseIssue,
  type Caller, type SubmitInput,
} from '../../src/modules/social-info/index.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee } from '../support/factories.js';

export const TITLE = '关于农村留守老人冬季取暖安全问题的反映';
export const BODY =
  '近期走访发现，部分农村留守老人仍使用土炉取暖，一氧化碳中毒隐患突出。\n' +
  '村里缺少定期入户排查，老人对煤气中毒的防范知识了解不多。\n' +
  '建议乡镇组织入户排查，推广清洁取暖设备，并为独居老人安装报警器。';

const system = { userId: null, label: 'test' };

export function callerFor(committeeId: string, grants: Grant[], label = 'tester'): Caller {
  return { committeeId, actor: { userId: null, label }, grants, admin: false };
}

/** A committee with four members, the info office, a signing leader and a periodical — all through the real commands. */
export async function infoWorld(opts: { parentCode?: string } = {}) {
  const db: Db = testDatabase().db;
  const c = await makeCommittee(db, opts.parentCode ? { parentCode: opts.parentCode, level: 'county' } : {});
  const members: string[] = [];
  for (const name of ['张明', '李华', '王芳', '赵强']) members.push((await createMember(db, system, c.id, { name, gender: 'male' } as never)).id);
  const member = (i: number) => callerFor(c.id, [{ role: 'member', memberId: members[i] }], `member${i}`);
  const editor = callerFor(c.id, [{ role: 'staff', office: 'info' }], 'editor');
  const leader = callerFor(c.id, [{ role: 'leader' }], 'leader');
  const general = callerFor(c.id, [{ role: 'staff', office: 'general' }], 'general');
  const periodicalId = await createPeriodical(db, editor, { name: '社情民意' });
  return { db, committeeId: c.id, code: c.code, members, member, editor, leader, general, periodicalId };
}
export type World = Awaited<ReturnType<typeof infoWorld>>;

export async function submitted(w: World, by = 0, input: Partial<SubmitInput> = {}) {
  return submitItem(w.db, w.member(by), { title: TITLE, body: BODY, ...input });
}

export async function editing(w: World, by = 0, input: Partial<SubmitInput> = {}) {
  const id = await submitted(w, by, input);
  await screenItem(w.db, w.editor, id);
  await acceptItem(w.db, w.editor, id);
  return id;
}

/** Items in editing, placed in a new draft issue. */
export async function issueWith(w: World, itemIds: string[], opts: { year?: number; periodicalId?: string } = {}) {
  const issueId = await createIssue(w.db, w.editor, { periodicalId: opts.periodicalId ?? w.periodicalId, year: opts.year ?? 2025 });
  for (const id of itemIds) await sendToSignOff(w.db, w.editor, id, { issueId });
  return issueId;
}

/** One item edited, placed in an issue, signed off and released; returns both ids. */
export async function published(w: World, by = 0) {
  const id = await editing(w, by);
  const issueId = await issueWith(w, [id]);
  await signIssue(w.db, w.leader, issueId);
  await releaseIssue(w.db, w.editor, issueId);
  return { id, issueId };
}

export async function stateOf(db: Db, id: string): Promise<string> {
  const { rows } = await db.execute<{ state: string }>(sql`select state from social_info_items where id = ${id}`);
  return rows[0].state;
}

export async function eventsOf(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ type: string; payload: Record<string, any> }>(
    sql`select type, payload from domain_events where committee_id = ${committeeId} and entity_id = ${entityId} order by id`);
  return rows;
}

export async function failsWith(p: Promise<unknown>, code: string) {
  try {
    await p;
  } catch (e) {
    if ((e as { code?: string }).code === code) return e;
    throw new Error(`expected ${code}, got ${(e as { code?: string }).code ?? e}`);
  }
  throw new Error(`expected ${code}, but it succeeded`);
}
