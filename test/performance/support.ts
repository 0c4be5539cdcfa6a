import { sql } from 'drizzle-orm';
import type { Grant } from '../../src/platform/access.js';
import type { Db } from '../../src/platform/db/database.js';
import { createMember } from '../../src/modules/org/index.js';
import { submitDutyRecord, verifyDutyRecord, type Caller, type RecordInput } from '../../src/modules/performance/index.js';
import { testDatabase } from '../support/db.js';
import { makeCommittee } from '../support/factories.js';
import { WAIT_MS } from '../support/wait.js';

const system = { userId: null, label: 'test' };

export function callerFor(committeeId: string, grants: Grant[], label = 'tester'): Caller {
  return { committeeId, actor: { userId: null, label }, grants, admin: false };
}

/**
 * A committee with six members in two sectors — 张明, 李华, 赵强, 陈静 (委员), 王芳 (常委), 刘洋
 * (副主席) — and callers for each role, all made through the real commands.
 */
export async function perfWorld() {
  const db: Db = testDatabase().db;
  const c = await makeCommittee(db);
  const [edu, econ] = c.sectorIds;
  const people: [string, string, string[]][] = [
    ['张明', edu, ['member']], ['李华', econ, ['member']], ['王芳', edu, ['member', 'standing']],
    ['赵强', econ, ['member']], ['刘洋', edu, ['vice_chair']], ['陈静', econ, ['member']],
  ];
  const members: string[] = [];
  for (const [name, sectorId, roles] of people) {
    members.push((await createMember(db, system, c.id, { name, gender: 'male', sectorId, roles } as never)).id);
  }
  const member = (i: number) => callerFor(c.id, [{ role: 'member', memberId: members[i] }], `member${i}`);
  const staff = callerFor(c.id, [{ role: 'staff', office: 'member_affairs' }], 'staff');
  const general = callerFor(c.id, [{ role: 'staff', office: 'general' }], 'general');
  const leader = callerFor(c.id, [{ role: 'leader' }], 'leader');
  /** Member affairs staff who is also member 0 (张明). */
  const staffMember = callerFor(c.id, [{ role: 'staff', office: 'member_affairs' }, { role: 'member', memberId: members[0] }], 'staff+member0');
  return { db, committee: c, committeeId: c.id, sectors: { edu, econ }, members, member, staff, general, leader, staffMember };
}
export type PerfWorld = Awaited<ReturnType<typeof perfWorld>>;

/** A self-reported record of member `i`, verified by staff. */
export async function verified(w: PerfWorld, i: number, input: Partial<RecordInput> & { occurredOn: string }) {
  const id = await submitDutyRecord(w.db, w.member(i), { kind: 'research', title: '赴县区开展专题调研', ...input });
  await verifyDutyRecord(w.db, w.staff, id);
  return id;
}

export async function recordsOf(db: Db, committeeId: string, where: { sourceType?: string; kind?: string } = {}) {
  const { rows } = await db.execute<{ id: string; kind: string; status: string; sourceType: string | null; sourceRef: string | null; units: number; memberCount: number; members: { memberId: string; role: string | null }[]; occurredOn: string }>(sql`
    select r.id, r.kind, r.status, r.source_type as "sourceType", r.source_ref as "sourceRef", r.units, r.member_count as "memberCount",
      r.occurred_on as "occurredOn",
      (select jsonb_agg(jsonb_build_object('memberId', rm.member_id, 'role', rm.role) order by rm.role, rm.member_id) from perf_record_members rm
        where rm.committee_id = r.committee_id and rm.record_id = r.id) as members
    from perf_duty_records r where r.committee_id = ${committeeId}
      ${where.sourceType ? sql`and r.source_type = ${where.sourceType}` : sql``} ${where.kind ? sql`and r.kind = ${where.kind}` : sql``}
    order by r.created_at, r.id`);
  return rows;
}

export async function auditActions(db: Db, committeeId: string, entityId: string) {
  const { rows } = await db.execute<{ action: string; before: any; after: any }>(sql`
    select action, before, after from audit_log where committee_id = ${committeeId} and entity_id = ${entityId} order by seq`);
  return rows;
}

/** Polls until `fn` returns a truthy value (after-commit subscribers run asynchronously). */
export async function eventually<T>(fn: () => Promise<T>, ms = WAIT_MS): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
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
