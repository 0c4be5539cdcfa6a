import fs from 'node:fs';
import zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db } from './db/database.js';
import type { Tx } from './db/unit-of-work.js';

/**
 * Logical backup and restore without pg_dump (the embedded server ships none).
 *
 * A backup is one consistent snapshot (a REPEATABLE READ, READ ONLY transaction on one
 * connection) of every application table (schema public), written as gzip'd NDJSON:
 *
 *   {"format":"xieshang-backup","version":1,"createdAt":…,"migrations":{…},"tables":[{name,rows}]}
 *   {"table":"committees","rows":12}      ← a section line per table, then its rows
 *   {…row_to_json…}
 *   …
 *   {"jobs":3}                            ← the job queue's waiting deliveries, one line each
 *   {"task":"event:…","payload":{…},"runAt":…,"attempts":0,"maxAttempts":10,…}
 *   {"end":true,"tables":17,"rows":12345}
 *
 * The job queue (graphile-worker's schema) is part of the snapshot: an event's row is in
 * domain_events, but the engine deletes a delivery job once it has run, so nothing else records
 * which deliveries were still owed. Re-deriving them from the events is not possible; restoring
 * them is. In the same snapshot as the tables, a committed event comes with exactly the
 * deliveries it was still owed (a job running at that moment comes back waiting: subscribers are
 * idempotent, platform/events.ts). Restored through the engine's own add_job; attempts and a
 * given-up job's failure are kept. Cron jobs are not restored: the schedule queues them again.
 *
 * Rows are PostgreSQL's own row_to_json text, written and read back without going through
 * JavaScript values, so bigints, numerics, timestamps (µs) and jsonb come back exactly.
 *
 * A restore goes into a database migrated to the same level and empty: in one transaction, tables
 * in foreign-key order, rows through json_populate_recordset in batches; tables that refer to
 * themselves (committees.parent_id) or to each other in a cycle are staged in temporary tables and
 * inserted in one statement, so the order of their rows does not matter (a foreign key is checked
 * at the end of the statement). Serial and identity sequences are then set to the tables'
 * max(id). Needs no superuser rights (no session_replication_role, no disabled triggers).
 */
export const BACKUP_FORMAT = 'xieshang-backup';
export const BACKUP_VERSION = 1;

export type Progress = (done: number, total: number) => void;

export interface MigrationLevel {
  count: number;
  lastHash: string | null;
  lastCreatedAt: number | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: MigrationLevel;
  tables: { name: string; rows: number }[];
  /** Waiting or failed jobs of the queue (absent in backups made before the queue was included). */
  jobs?: number;
}

/** One queued job as a backup holds it. */
interface QueuedJob {
  task: string;
  queue: string | null;
  payload: unknown;
  priority: number;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  key: string | null;
  flags: string[] | null;
}

async function hasJobQueue(tx: Tx | Db): Promise<boolean> {
  const { rows } = await tx.execute(sql`select 1 from pg_tables where schemaname = 'graphile_worker' and tablename = '_private_jobs'`);
  return rows.length > 0;
}

/** Every job in the queue but the cron ones, oldest first, as JSON text (one per row). */
const QUEUED_JOBS = `
  select json_build_object('task', t.identifier, 'queue', q.queue_name, 'payload', j.payload, 'priority', j.priority,
           'runAt', j.run_at, 'attempts', j.attempts, 'maxAttempts', j.max_attempts, 'lastError', j.last_error,
           'key', j.key, 'flags', (select array_agg(f order by f) from jsonb_object_keys(j.flags) f))::text as j
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    left join graphile_worker._private_job_queues q on q.id = j.job_queue_id
   where not (coalesce(j.payload::jsonb, '{}'::jsonb) ? '_cron')
   order by j.id`;

export interface TableCount {
  name: string;
  rows: number;
}

/** A backup or restore that was refused or failed for a reason a person can act on. Message: Chinese, then English. */
export class BackupError extends Error {
  constructor(
    readonly code: 'backup.bad_file' | 'backup.migrations_mismatch' | 'backup.not_empty' | 'backup.tables_mismatch',
    zh: string,
    en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'BackupError';
  }
}

const BATCH_ROWS = 5000;
/** Restore batches are also cut by size, so a table of big rows does not make one huge parameter. */
const BATCH_BYTES = 8 * 1024 * 1024;

const ident = (name: string) => sql.identifier(name);
/** A table of schema public, whatever the search_path. */
const tbl = (name: string) => sql`${sql.identifier('public')}.${sql.identifier(name)}`;

/** Application tables: ordinary and partitioned tables in schema public (drizzle's own table lives in schema drizzle). */
async function applicationTables(tx: Tx | Db): Promise<string[]> {
  const { rows } = await tx.execute<{ name: string }>(sql`
    select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`);
  return rows.map((r) => r.name);
}

export async function migrationLevel(tx: Tx | Db): Promise<MigrationLevel> {
  const { rows: exists } = await tx.execute(sql`select 1 from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'`);
  if (!exists.length) return { count: 0, lastHash: null, lastCreatedAt: null };
  const { rows } = await tx.execute<{ count: number; hash: string | null; created_at: string | null }>(sql`
    select (select count(*)::int from drizzle.__drizzle_migrations) as count, m.hash, m.created_at::text as created_at
      from (select 1) one
      left join lateral (select hash, created_at from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) m on true`);
  const r = rows[0];
  return { count: r.count, lastHash: r.hash, lastCreatedAt: r.created_at === null ? null : Number(r.created_at) };
}

/**
 * Orders tables so that every table comes after the tables it refers to. Tables that refer to
 * themselves (committees.parent_id) or to each other in a cycle form a group: their rows are
 * inserted together in one statement on restore, because a foreign key is checked at the end of
 * the statement, whatever the order of rows within it.
 */
async function dependencyOrder(
  tx: Tx | Db,
  tables: string[],
): Promise<{ order: string[]; deps: Map<string, Set<string>>; groupOf: Map<string, string[]> }> {
  const { rows } = await tx.execute<{ child: string; parent: string }>(sql`
    select distinct c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
      join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
     where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'`);
  const set = new Set(tables);
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) if (set.has(child) && set.has(parent)) deps.get(child)!.add(parent);

  // Tarjan's strongly connected components; they come out parents first.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (t: string) => {
    index.set(t, index.size);
    low.set(t, index.get(t)!);
    stack.push(t);
    onStack.add(t);
    for (const p of [...deps.get(t)!].sort()) {
      if (!index.has(p)) {
        connect(p);
        low.set(t, Math.min(low.get(t)!, low.get(p)!));
      } else if (onStack.has(p)) {
        low.set(t, Math.min(low.get(t)!, index.get(p)!));
      }
    }
    if (low.get(t) === index.get(t)) {
      const component: string[] = [];
      let x: string;
      do {
        x = stack.pop()!;
        onStack.delete(x);
        component.push(x);
      } while (x !== t);
      components.push(component.sort());
    }
  };
  for (const t of [...tables].sort()) if (!index.has(t)) connect(t);

  const groupOf = new Map<string, string[]>();
  for (const c of components) if (c.length > 1 || deps.get(c[0])!.has(c[0])) for (const t of c) groupOf.set(t, c);
  return { order: components.flat(), deps, groupOf };
}

/** Writes a consistent snapshot of every application table to `file` (gzip'd NDJSON). Returns its header (row count per table). */
export async function backupDatabase(db: Db, file: string, opts: { progress?: Progress; batchSize?: number } = {}): Promise<BackupHeader> {
  const batchSize = opts.batchSize ?? BATCH_ROWS;
  const partial = `${file}.partial`;
  try {
    const header = await db.transaction(
      async (tx) => {
        const tables = await applicationTables(tx);
        const { order } = await dependencyOrder(tx, tables);
        const counts: TableCount[] = [];
        for (const name of order) {
          const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::bigint as n from ${tbl(name)}`);
          counts.push({ name, rows: Number(rows[0].n) });
        }
        const { rows: v } = await tx.execute<{ v: string }>(sql`select current_setting('server_version') as v`);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          serverVersion: v[0].v,
          migrations: await migrationLevel(tx),
          tables: counts,
        };
        const queue = await hasJobQueue(tx);
        if (queue) {
          const { rows: jc } = await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from (${QUEUED_JOBS}) q`));
          header.jobs = jc[0].n;
        }
        const total = counts.reduce((s, c) => s + c.rows, 0);
        let done = 0;
        opts.progress?.(0, total);
        async function* lines() {
          yield JSON.stringify(header) + '\n';
          for (const { name, rows: expected } of counts) {
            yield JSON.stringify({ table: name, rows: expected }) + '\n';
            // A cursor inside the snapshot: rows are fetched in batches, never all at once.
            await tx.execute(sql`declare xs_backup no scroll cursor for select row_to_json(t)::text as j from ${tbl(name)} t`);
            let written = 0;
            const fetch = () => tx.execute<{ j: string }>(sql.raw(`fetch forward ${batchSize} from xs_backup`));
            let next: ReturnType<typeof fetch> | undefined = fetch();
            try {
              while (next) {
                const rows: { j: string }[] = (await next).rows;
                // The next batch is read while this one is compressed and written.
                next = rows.length === batchSize ? fetch() : undefined;
                if (!rows.length) break;
                let chunk = '';
                for (const r of rows) chunk += r.j + '\n';
                written += rows.length;
                done += rows.length;
                yield chunk;
                opts.progress?.(done, total);
              }
            } finally {
              // Stopped early (the file could not be written): let the read in flight settle.
              await next?.catch(() => {});
            }
            await tx.execute(sql`close xs_backup`);
            if (written !== expected) throw new Error(`backup of ${name}: counted ${expected} rows but read ${written}`);
          }
          if (queue) {
            yield JSON.stringify({ jobs: header.jobs }) + '\n';
            await tx.execute(sql.raw(`declare xs_backup_jobs no scroll cursor for ${QUEUED_JOBS}`));
            let written = 0;
            for (;;) {
              const { rows } = await tx.execute<{ j: string }>(sql.raw(`fetch forward ${batchSize} from xs_backup_jobs`));
              if (!rows.length) break;
              written += rows.length;
              yield rows.map((r) => r.j + '\n').join('');
            }
            await tx.execute(sql`close xs_backup_jobs`);
            if (written !== header.jobs) throw new Error(`backup of the job queue: counted ${header.jobs} jobs but read ${written}`);
          }
          yield JSON.stringify({ end: true, tables: counts.length, rows: total }) + '\n';
        }
        await pipeline(lines, zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    fs.renameSync(partial, file);
    return header;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** The lines of a gzip'd text file, streamed. Errors of the file or of gunzip reject the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      let nl: number;
      let start = 0;
      while ((nl = rest.indexOf('\n', start)) !== -1) {
        yield rest.slice(start, nl);
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    // Every line of a complete file ends with a newline: text after the last one was cut off.
    if (rest) throw new Error('truncated');
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

const badFile = (why: string) =>
  new BackupError('backup.bad_file', `这不是一个完整的协商备份文件（${why}）`, `This is not a complete Xieshang backup file (${why})`);

/** Reads only the header line of a backup. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const it = readLines(file);
  try {
    const first = await it.next();
    return parseHeader(first.done ? undefined : first.value);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw badFile((e as Error).message);
  } finally {
    await it.return(undefined);
  }
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line ?? '') as BackupHeader;
  } catch {
    throw badFile('no header');
  }
  if (header?.format !== BACKUP_FORMAT) throw badFile('no header');
  if (header.version !== BACKUP_VERSION) throw badFile(`version ${header.version}`);
  return header;
}

interface Target {
  name: string;
  columns: string[];
}

/**
 * Restores a backup into this database, which must be migrated to the backup's level and hold no
 * rows at all. Everything happens in one transaction: a failure leaves the database as it was.
 */
export async function restoreDatabase(db: Db, file: string, opts: { progress?: Progress } = {}): Promise<TableCount[]> {
  if (!fs.existsSync(file)) throw new BackupError('backup.bad_file', `找不到备份文件 ${file}`, `Backup file not found: ${file}`);
  const lines = readLines(file);
  /** The next line; a damaged file (bad gzip, cut short) is a BackupError, not a stack trace. */
  const nextLine = async (): Promise<string> => {
    let r: IteratorResult<string>;
    try {
      r = await lines.next();
    } catch (e) {
      throw badFile((e as Error).message);
    }
    if (r.done) throw badFile('truncated');
    return r.value;
  };
  try {
    return await db.transaction(async (tx) => {
      const header = parseHeader(await nextLine().catch(() => undefined));

      const level = await migrationLevel(tx);
      if (level.count !== header.migrations.count || level.lastHash !== header.migrations.lastHash) {
        const short = (h: string | null) => (h ? h.slice(0, 12) : '-');
        const what = `${level.count} / ${short(level.lastHash)} ≠ ${header.migrations.count} / ${short(header.migrations.lastHash)}`;
        throw new BackupError(
          'backup.migrations_mismatch',
          `目标数据库的迁移版本与备份不一致（迁移数/最后一个迁移：${what}）；请用与备份时相同版本的协商程序恢复`,
          `The target database's migration level differs from the backup's (migrations / last migration: ${what}); restore with the Xieshang version the backup was made with`,
        );
      }
      const tables = await applicationTables(tx);
      const missing = header.tables.map((t) => t.name).filter((n) => !tables.includes(n));
      if (missing.length) {
        throw new BackupError('backup.tables_mismatch', `目标数据库缺少数据表：${missing.join(', ')}`, `The target database lacks tables: ${missing.join(', ')}`);
      }
      // Nobody writes while we check and fill (reads may go on).
      if (tables.length) await tx.execute(sql`lock table ${sql.join(tables.map(tbl), sql`, `)} in exclusive mode`);
      const nonEmpty: string[] = [];
      for (const t of tables) {
        const { rows } = await tx.execute(sql`select 1 from ${tbl(t)} limit 1`);
        if (rows.length) nonEmpty.push(t);
      }
      if (nonEmpty.length) {
        throw new BackupError(
          'backup.not_empty',
          `目标数据库不是空的（有数据的表：${nonEmpty.join(', ')}），未恢复任何数据；请恢复到一个新的空数据库（新的数据目录）`,
          `The target database is not empty (tables with rows: ${nonEmpty.join(', ')}); nothing was restored. Restore into a new, empty database (a new data folder)`,
        );
      }

      const { deps, groupOf } = await dependencyOrder(tx, tables);
      const targets = new Map<string, Target>();
      for (const t of header.tables) {
        const { rows } = await tx.execute<{ name: string }>(sql`
          select a.attname as name from pg_attribute a
           where a.attrelid = ${`public.${quoteIdent(t.name)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
           order by a.attnum`);
        targets.set(t.name, { name: t.name, columns: rows.map((r) => r.name) });
      }
      const inBackup = new Set(header.tables.map((t) => t.name));
      const total = header.tables.reduce((s, t) => s + t.rows, 0);
      let done = 0;
      opts.progress?.(0, total);
      const restored = new Set<string>();
      const staged = new Map<string, string>();
      const counts: TableCount[] = [];
      const columnList = (t: Target) => sql.join(t.columns.map(ident), sql`, `);

      let jobsRestored = false;
      for (;;) {
        let section: { table?: string; rows?: number; end?: boolean; jobs?: number };
        try {
          section = JSON.parse(await nextLine());
        } catch (e) {
          throw e instanceof BackupError ? e : badFile('bad section line');
        }
        if (section.end) break;
        if (section.jobs !== undefined) {
          if (typeof section.jobs !== 'number' || jobsRestored || section.jobs !== (header.jobs ?? 0)) throw badFile('bad section line');
          await restoreJobs(tx, section.jobs, nextLine);
          jobsRestored = true;
          continue;
        }
        const target = section.table ? targets.get(section.table) : undefined;
        if (!target || typeof section.rows !== 'number' || restored.has(target.name) || staged.has(target.name)) throw badFile('bad section line');
        const group = groupOf.get(target.name);
        // Tables come in foreign-key order: every table this one refers to is already in (or, in
        // its group, staged).
        const early = [...deps.get(target.name)!].filter((p) => inBackup.has(p) && !restored.has(p) && !group?.includes(p));
        if (early.length) throw badFile(`${target.name} before ${early.join(', ')}`);
        const cols = columnList(target);
        // Rows of a group (a self-referencing table, tables in a cycle) are staged first.
        const stage = group ? `xs_restore_${staged.size}` : null;
        if (stage) {
          await tx.execute(sql`create temp table ${ident(stage)} on commit drop as select * from ${tbl(target.name)} with no data`);
          staged.set(target.name, stage);
        }
        const into = stage ? ident(stage) : tbl(target.name);
        let batch: string[] = [];
        let bytes = 0;
        let count = 0;
        const flush = async () => {
          if (!batch.length) return;
          const json = '[' + batch.join(',') + ']';
          await tx.execute(sql`
            insert into ${into} (${cols}) overriding system value
            select ${cols} from json_populate_recordset(null::${tbl(target.name)}, ${json}::json)`);
          done += batch.length;
          opts.progress?.(done, total);
          batch = [];
          bytes = 0;
        };
        for (let i = 0; i < section.rows; i++) {
          const row = await nextLine();
          if (row[0] !== '{' || row[row.length - 1] !== '}') throw badFile(`bad row in ${target.name}`);
          batch.push(row);
          bytes += row.length;
          count++;
          if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
        }
        await flush();
        counts.push({ name: target.name, rows: count });
        if (!group) {
          restored.add(target.name);
        } else if (group.every((t) => staged.has(t) || !inBackup.has(t))) {
          // The whole group in one statement (data-modifying CTEs): its foreign keys are checked at the end.
          const members = group.filter((t) => staged.has(t));
          const inserts = members.map((t, i) => {
            const c = columnList(targets.get(t)!);
            return sql`${ident(`i${i}`)} as (insert into ${tbl(t)} (${c}) overriding system value select ${c} from ${ident(staged.get(t)!)} returning 1)`;
          });
          await tx.execute(sql`with ${sql.join(inserts, sql`, `)} select ${sql.join(members.map((_, i) => sql`(select count(*) from ${ident(`i${i}`)})`), sql` + `)} as n`);
          for (const t of members) {
            await tx.execute(sql`drop table ${ident(staged.get(t)!)}`);
            restored.add(t);
          }
        }
      }
      for (const t of header.tables) {
        if (!restored.has(t.name)) throw badFile(`table ${t.name} missing`);
      }
      if (header.jobs !== undefined && !jobsRestored) throw badFile('job queue missing');

      // Serial and identity columns continue after the restored rows.
      const { rows: seqs } = await tx.execute<{ table_name: string; column_name: string; seq: string }>(sql`
        select c.relname as table_name, a.attname as column_name,
               pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as seq
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           and pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null`);
      for (const s of seqs) {
        await tx.execute(sql`
          select setval(${s.seq}::regclass, coalesce(m, 1), m is not null)
            from (select max(${ident(s.column_name)}) as m from ${tbl(s.table_name)}) x`);
      }
      return counts;
    });
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Puts a backup's queued jobs back through the engine's add_job, in batches; then the ones that
 * had been tried get their attempts back, and the given-up ones their failure (so they stay in
 * the failed-jobs view instead of running again).
 */
async function restoreJobs(tx: Tx, count: number, nextLine: () => Promise<string>) {
  if (count === 0) return;
  if (!(await hasJobQueue(tx))) {
    throw new BackupError('backup.tables_mismatch', '目标数据库没有任务队列（graphile_worker）；请先运行 xieshang migrate', 'The target database has no job queue (graphile_worker); run xieshang migrate first');
  }
  const { rows: queued } = await tx.execute(sql`select 1 from graphile_worker._private_jobs limit 1`);
  if (queued.length) {
    throw new BackupError('backup.not_empty', '目标数据库的任务队列不是空的，未恢复任何数据；请恢复到一个新的空数据库', 'The target database\'s job queue is not empty; nothing was restored. Restore into a new, empty database');
  }
  let batch: QueuedJob[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const { rows } = await tx.execute<{ id: string; attempts: number; max_attempts: number; last_error: string | null; run_at: string }>(sql`
      select (graphile_worker.add_job(j.task, j.payload, j.queue, j."runAt", j."maxAttempts", j.key, j.priority, j.flags)).id::text as id,
             j.attempts, j."maxAttempts" as max_attempts, j."lastError" as last_error, j."runAt"::text as run_at
        from json_to_recordset(${JSON.stringify(batch)}::json)
          as j(task text, queue text, payload json, priority int, "runAt" timestamptz, attempts int, "maxAttempts" int, "lastError" text, key text, flags text[])`);
    for (const r of rows) {
      if (r.attempts >= r.max_attempts) {
        await tx.execute(sql`select 1 from graphile_worker.permanently_fail_jobs(array[${r.id}::bigint], ${r.last_error ?? 'restored as failed'})`);
      } else if (r.attempts > 0) {
        await tx.execute(sql`select 1 from graphile_worker.reschedule_jobs(array[${r.id}::bigint], run_at => ${r.run_at}::timestamptz, attempts => ${r.attempts})`);
      }
    }
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    let job: QueuedJob;
    try {
      job = JSON.parse(await nextLine()) as QueuedJob;
    } catch (e) {
      throw e instanceof BackupError ? e : badFile('bad job line');
    }
    if (typeof job?.task !== 'string' || typeof job.maxAttempts !== 'number') throw badFile('bad job line');
    batch.push(job);
    if (batch.length >= 1000) await flush();
  }
  await flush();
}

function quoteIdent(name: string) {
  return '"' + name.replace(/"/g, '""') + '"';
}
