import { sql } from 'drizzle-orm';
import type { Db } from './db/database.js';
import { auditHash, GENESIS_HASH } from './db/unit-of-work.js';

/**
 * Checks the audit log's hash chains (one per committee): every row's hash is recomputed from
 * its stored fields, every prev_hash must equal the stored hash of the row before it, and seq
 * must run 1, 2, 3, … without a hole (a deleted row leaves a gap). Rows are read per committee
 * in keyset batches, so a log of millions of rows is never loaded at once.
 *
 * What a chain cannot show: rows cut off at the end of a chain (the newest ones) leave no trace
 * in the rows that remain.
 */
export interface AuditBreak {
  committeeId: string;
  seq: number;
  reason: string;
}

export interface AuditVerifyResult {
  /** Committees whose chain was checked. */
  committees: number;
  /** Rows checked. */
  rows: number;
  broken: AuditBreak[];
}

type StoredRow = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
};

export async function verifyAuditChain(
  db: Db,
  opts: { committeeId?: string; batchSize?: number; progress?: (done: number, total: number) => void } = {},
): Promise<AuditVerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  const { rows: chains } = await db.execute<{ committee_id: string; n: number }>(sql`
    select committee_id, count(*)::int as n from audit_log
    ${opts.committeeId ? sql`where committee_id = ${opts.committeeId}` : sql``}
    group by committee_id order by committee_id`);
  const total = chains.reduce((s, c) => s + c.n, 0);
  const broken: AuditBreak[] = [];
  let done = 0;
  opts.progress?.(0, total);

  // `at` is re-read exactly as the writer hashed it: new Date().toISOString() (ms, UTC, 'Z').
  const batch = (committeeId: string, afterSeq: number) =>
    db.execute<StoredRow>(sql`
      select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
             actor_user_id, actor_label, action, entity, entity_id, before, after, prev_hash, hash
        from audit_log
       where committee_id = ${committeeId} and seq > ${afterSeq}
       order by seq
       limit ${batchSize}`);

  for (const { committee_id: committeeId } of chains) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let next: ReturnType<typeof batch> | undefined = batch(committeeId, 0);
    try {
      while (next) {
        const rows: StoredRow[] = (await next).rows;
        // The next batch is read while this one is hashed.
        next = rows.length === batchSize ? batch(committeeId, Number(rows[rows.length - 1].seq)) : undefined;
        for (const r of rows) {
          const seq = Number(r.seq);
          if (seq !== expectedSeq) {
            const missing = seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${seq - 1}`;
            broken.push({ committeeId, seq, reason: `gap: row(s) ${missing} missing (deleted) / 序号缺失，记录已被删除` });
          } else if (r.prev_hash !== prevHash) {
            broken.push({ committeeId, seq, reason: 'prev_hash does not match the previous row / 与前一条记录的哈希不衔接' });
          }
          const recomputed = auditHash({
            committeeId, seq, at: r.at, actorUserId: r.actor_user_id, actorLabel: r.actor_label, action: r.action,
            entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash,
          });
          if (recomputed !== r.hash) {
            broken.push({ committeeId, seq, reason: 'hash mismatch: the row was altered / 哈希不符，记录内容已被篡改' });
          }
          expectedSeq = seq + 1;
          prevHash = r.hash;
        }
        done += rows.length;
        opts.progress?.(done, total);
      }
    } finally {
      await next?.catch(() => {});
    }
  }
  return { committees: chains.length, rows: done, broken };
}
