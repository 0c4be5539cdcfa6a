import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.js';
import { verifyAuditChain } from '../src/platform/audit-verify.js';
import { auditHash, GENESIS_HASH } from '../src/platform/db/unit-of-work.js';
import { createMember, updateMember } from '../src/modules/org/index.js';
import { scratchDatabase, testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const actor = { userId: null, label: 'test' };

/** Builds some history in a committee: members created and changed, a user. */
async function history(db: Db) {
  const c = await makeCommittee(db);
  const a = await createMember(db, actor, c.id, { name: '张三', gender: 'male', phone: '13900000001', sectorId: c.sectorIds[0] } as never);
  await createMember(db, actor, c.id, { name: '李四', gender: 'female', roles: ['member', 'standing'] } as never);
  await updateMember(db, actor, c.id, a.id, { title: '教授', employer: '兰州大学' });
  await updateMember(db, actor, c.id, a.id, { status: 'left', leftAt: '2024-03-01', leftReason: '退休' });
  await makeUser(db, c.id, [{ role: 'staff', office: 'general' }]);
  return c;
}

async function chainLength(db: Db, committeeId: string) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where committee_id = ${committeeId}`);
  return rows[0].n;
}

/** What the test superuser can do and the application cannot: change the log behind the trigger's back. */
async function behindTheTrigger(db: Db, change: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(change);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

describe('audit chain', () => {
  it('verifies after ordinary commands (shared database, this file’s committee)', async () => {
    const db = testDatabase().db;
    const c = await history(db);
    const n = await chainLength(db, c.id);
    expect(n).toBeGreaterThanOrEqual(8);
    const res = await verifyAuditChain(db, { committeeId: c.id });
    expect(res).toEqual({ committees: 1, rows: n, broken: [] });
    // The rows really form a chain: seq 1…n, each prev_hash the hash before it, the first one genesis.
    const { rows } = await db.execute<{ seq: number; prev_hash: string; hash: string }>(
      sql`select seq, prev_hash, hash from audit_log where committee_id = ${c.id} order by seq`);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it('the append-only trigger refuses UPDATE and DELETE through normal SQL', async () => {
    const db = testDatabase().db;
    const c = await makeCommittee(db);
    const n = await chainLength(db, c.id);
    await expect(db.execute(sql`update audit_log set action = 'x' where committee_id = ${c.id}`)).rejects.toThrow();
    const err = await db.execute(sql`update audit_log set after = '{}'::jsonb where committee_id = ${c.id} and seq = 1`).catch((e) => e);
    expect(String(err.cause?.message ?? err.message)).toMatch(/append-only/);
    await expect(db.execute(sql`delete from audit_log where committee_id = ${c.id}`)).rejects.toThrow();
    expect(await chainLength(db, c.id)).toBe(n);
    expect((await verifyAuditChain(db, { committeeId: c.id })).broken).toEqual([]);
  });

  describe('tampering (own scratch database)', () => {
    let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
    let db: Db;
    let a: { id: string };
    let b: { id: string };
    let total: number;

    beforeAll(async () => {
      scratch = await scratchDatabase();
      db = scratch.db;
      a = await history(db);
      b = await history(db);
      total = (await chainLength(db, a.id)) + (await chainLength(db, b.id));
    });
    afterAll(() => scratch?.drop());

    it('the append-only trigger refuses TRUNCATE', async () => {
      await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
      expect((await chainLength(db, a.id)) + (await chainLength(db, b.id))).toBe(total);
    });

    it('an intact database verifies, whole and per committee, in any batch size', async () => {
      expect(await verifyAuditChain(db)).toEqual({ committees: 2, rows: total, broken: [] });
      expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual({ committees: 2, rows: total, broken: [] });
      const progress: [number, number][] = [];
      await verifyAuditChain(db, { batchSize: 3, progress: (d, t) => progress.push([d, t]) });
      expect(progress.at(-1)).toEqual([total, total]);
    });

    it('a changed row is reported with its committee and seq', async () => {
      await behindTheTrigger(db, sql`update audit_log set after = jsonb_set(after, '{title}', '"伪造"') where committee_id = ${a.id} and seq = 7`);
      const res = await verifyAuditChain(db, { batchSize: 4 });
      expect(res.rows).toBe(total);
      expect(res.broken).toEqual([{ committeeId: a.id, seq: 7, reason: expect.stringMatching(/hash mismatch/) }]);
      expect((await verifyAuditChain(db, { committeeId: b.id })).broken).toEqual([]);
    });

    it('a changed row whose hash was recomputed breaks the link to the next row', async () => {
      const { rows } = await db.execute<Record<string, any>>(sql`
        select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_user_id, actor_label, action, entity,
               entity_id, before, after, prev_hash from audit_log where committee_id = ${b.id} and seq = 3`);
      const r = rows[0];
      const forged = { ...r.after, name: '王五' };
      const hash = auditHash({
        committeeId: b.id, seq: 3, at: r.at, actorUserId: r.actor_user_id, actorLabel: r.actor_label, action: r.action,
        entity: r.entity, entityId: r.entity_id, before: r.before, after: forged, prevHash: r.prev_hash,
      });
      await behindTheTrigger(db, sql`update audit_log set after = ${JSON.stringify(forged)}::jsonb, hash = ${hash} where committee_id = ${b.id} and seq = 3`);
      const res = await verifyAuditChain(db, { committeeId: b.id });
      expect(res.broken).toEqual([{ committeeId: b.id, seq: 4, reason: expect.stringMatching(/prev_hash/) }]);
    });

    it('a deleted row leaves a gap that is reported', async () => {
      await behindTheTrigger(db, sql`delete from audit_log where committee_id = ${a.id} and seq in (4, 5)`);
      const res = await verifyAuditChain(db, { batchSize: 2 });
      expect(res.rows).toBe(total - 2);
      expect(res.broken).toEqual(
        expect.arrayContaining([
          { committeeId: a.id, seq: 6, reason: expect.stringMatching(/gap: row\(s\) 4–5 missing/) },
          { committeeId: a.id, seq: 7, reason: expect.stringMatching(/hash mismatch/) },
          { committeeId: b.id, seq: 4, reason: expect.stringMatching(/prev_hash/) },
        ]),
      );
      expect(res.broken).toHaveLength(3);
    });

    it('a changed timestamp is caught too', async () => {
      await behindTheTrigger(db, sql`update audit_log set at = at + interval '1 millisecond' where committee_id = ${a.id} and seq = 1`);
      const res = await verifyAuditChain(db, { committeeId: a.id });
      expect(res.broken).toContainEqual({ committeeId: a.id, seq: 1, reason: expect.stringMatching(/hash mismatch/) });
    });
  });
});
