import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.js';
import { auditHash, GENESIS_HASH, type AuditRowForHash } from '../src/platform/db/unit-of-work.js';
import { OFFICE_NAMES } from '../src/modules/org/index.js';
import { SECTORS_CITY, SECTORS_COUNTY, SPECIAL_COMMITTEES } from '../src/modules/org/seed/demo-data.js';
import type { PlannedCommittee } from './regions.js';

/**
 * Bulk SQL for the bench data set: the same rows the commands write (committee + its four
 * offices, a current term, sectors, special committees, and the committee's audit chain with
 * correct hashes), many committees per statement instead of one transaction each.
 */

export const BENCH_ACTOR = { userId: null, label: 'bench:generate' };

export const sectorsFor = (level: PlannedCommittee['level']) => (level === 'county' ? SECTORS_COUNTY : SECTORS_CITY);
export const specialsFor = (level: PlannedCommittee['level']) => (level === 'county' ? SPECIAL_COMMITTEES.slice(0, 4) : SPECIAL_COMMITTEES);

type Col = [name: string, type: string];

/** insert into <table> (cols) select cols from json_to_recordset(…): one statement per 2,000 rows. */
export async function insertJson(db: Db, table: string, cols: Col[], rows: Record<string, unknown>[], chunk = 2000) {
  const names = cols.map(([n]) => `"${n}"`).join(', ');
  const defs = cols.map(([n, t]) => `"${n}" ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await db.execute(sql`insert into ${sql.identifier(table)} (${sql.raw(names)})
                         select ${sql.raw(names)} from json_to_recordset(${json}::json) as r(${sql.raw(defs)})`);
  }
}

/** Audit rows of one committee's chain, hashed as UnitOfWork.audit hashes them. */
export class AuditChains {
  private last = new Map<string, { seq: number; hash: string }>();
  readonly rows: Record<string, unknown>[] = [];

  /** Starts from what the database holds (for committees made by the commands). */
  async load(db: Db, committeeIds: string[]) {
    if (!committeeIds.length) return;
    const { rows } = await db.execute<{ committee_id: string; seq: number; hash: string }>(sql`
      select distinct on (committee_id) committee_id, seq, hash from audit_log
       where committee_id = any(${'{' + committeeIds.join(',') + '}'}::uuid[]) order by committee_id, seq desc`);
    for (const r of rows) this.last.set(r.committee_id, { seq: Number(r.seq), hash: r.hash });
  }

  add(committeeId: string, action: string, entity: string, entityId: string | null, after: unknown) {
    const prev = this.last.get(committeeId);
    const row: AuditRowForHash = {
      committeeId, seq: (prev?.seq ?? 0) + 1, at: new Date().toISOString(), actorUserId: BENCH_ACTOR.userId,
      actorLabel: BENCH_ACTOR.label, action, entity, entityId, before: null, after: JSON.parse(JSON.stringify(after)),
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const hash = auditHash(row);
    this.last.set(committeeId, { seq: row.seq, hash });
    this.rows.push({
      committee_id: row.committeeId, seq: row.seq, at: row.at, actor_user_id: null, actor_label: row.actorLabel, action,
      entity, entity_id: entityId, before: null, after: row.after, request_id: null, prev_hash: row.prevHash, hash,
    });
  }

  async flush(db: Db) {
    await insertJson(db, 'audit_log', [
      ['committee_id', 'uuid'], ['seq', 'bigint'], ['at', 'timestamptz'], ['actor_user_id', 'uuid'], ['actor_label', 'text'],
      ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['before', 'jsonb'], ['after', 'jsonb'],
      ['request_id', 'text'], ['prev_hash', 'text'], ['hash', 'text'],
    ], this.rows.splice(0));
  }
}

/** Creates committees (parents before children) with offices, term, sectors and special committees. */
export async function bulkCreateCommittees(db: Db, list: PlannedCommittee[], ids: Map<string, string>, audit: AuditChains) {
  const committees: Record<string, unknown>[] = [];
  const offices: Record<string, unknown>[] = [];
  const terms: Record<string, unknown>[] = [];
  const sectors: Record<string, unknown>[] = [];
  const specials: Record<string, unknown>[] = [];
  for (const c of list) {
    const id = crypto.randomUUID();
    const parentId = c.parentCode ? ids.get(c.parentCode) ?? null : null;
    if (c.parentCode && !parentId) throw new Error(`bench: parent ${c.parentCode} of ${c.code} not created yet`);
    ids.set(c.code, id);
    committees.push({ id, parent_id: parentId, code: c.code, name: c.name, short_name: c.shortName, level: c.level, region: c.region });
    for (const [kind, name] of Object.entries(OFFICE_NAMES)) offices.push({ committee_id: id, kind, name });
    audit.add(id, 'committee.created', 'committee', id, {
      code: c.code, name: c.name, shortName: c.shortName, level: c.level, parentCode: c.parentCode, region: c.region, parentId,
    });
    const termId = crypto.randomUUID();
    terms.push({ id: termId, committee_id: id, number: c.term.number, name: c.term.name, start_date: c.term.startDate, is_current: true });
    audit.add(id, 'term.opened', 'term', termId, c.term);
    const sectorList = sectorsFor(c.level);
    sectorList.forEach((s, i) => sectors.push({ committee_id: id, name: s.name, kind: s.kind, sort: i + 1 }));
    audit.add(id, 'sectors.added', 'sector', null, sectorList);
    const specialList = specialsFor(c.level);
    specialList.forEach((name, i) => specials.push({ committee_id: id, name, sort: i + 1 }));
    audit.add(id, 'special_committees.added', 'special_committee', null, specialList);
  }
  await insertJson(db, 'committees', [
    ['id', 'uuid'], ['parent_id', 'uuid'], ['code', 'text'], ['name', 'text'], ['short_name', 'text'], ['level', 'text'], ['region', 'text'],
  ], committees, 1000);
  await insertJson(db, 'offices', [['committee_id', 'uuid'], ['kind', 'text'], ['name', 'text']], offices);
  await insertJson(db, 'terms', [
    ['id', 'uuid'], ['committee_id', 'uuid'], ['number', 'int'], ['name', 'text'], ['start_date', 'date'], ['is_current', 'boolean'],
  ], terms);
  await insertJson(db, 'sectors', [['committee_id', 'uuid'], ['name', 'text'], ['kind', 'text'], ['sort', 'int']], sectors);
  await insertJson(db, 'special_committees', [['committee_id', 'uuid'], ['name', 'text'], ['sort', 'int']], specials);
  await audit.flush(db);
}

/** The import command's audit row and event for a committee whose members were bulk-inserted. */
export async function recordBulkImports(db: Db, audit: AuditChains, counts: { committeeId: string; count: number }[]) {
  for (const { committeeId, count } of counts) {
    audit.add(committeeId, 'members.imported', 'member', null, { count, fileName: 'bench-generated' });
  }
  await audit.flush(db);
  await insertJson(db, 'domain_events', [['committee_id', 'uuid'], ['type', 'text'], ['payload', 'jsonb']],
    counts.map((c) => ({ committee_id: c.committeeId, type: 'org.members_imported', payload: { count: c.count } })));
}
