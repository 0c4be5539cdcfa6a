import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../src/platform/db/database.js';
import { backupDatabase, BackupError, readBackupHeader, restoreDatabase } from '../src/platform/backup.js';
import { verifyAuditChain } from '../src/platform/audit-verify.js';
import { storeAttachment } from '../src/platform/attachments.js';
import { createApiToken, createMember, createUnit, login, updateMember } from '../src/modules/org/index.js';
import { scratchDatabase } from './support/db.js';
import { makeCommittee, makeUser, PASSWORD } from './support/factories.js';

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;
const actor = { userId: null, label: 'test' };
const policy = { maxFailures: 5, lockoutMinutes: 15, sessionTtlHours: 12 };

async function applicationTables(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ t: string }>(sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
  return rows.map((r) => r.t);
}

/** Row count and a digest of every row's text form, per application table. */
async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of await applicationTables(db)) {
    const { rows } = await db.execute<{ n: number; h: string }>(sql`
      select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.identifier(t)} x`);
    out[t] = { rows: rows[0].n, md5: rows[0].h };
  }
  return out;
}

async function totalRows(db: Db) {
  return Object.values(await fingerprint(db)).reduce((s, t) => s + t.rows, 0);
}

describe('backup and restore', () => {
  let src: Scratch;
  let dst: Scratch;
  const scratch: Scratch[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-backup-test-'));
  const file = path.join(dir, 'backup.ndjson.gz');
  let sourcePrint: Record<string, { rows: number; md5: string }>;
  const progress: [number, number][] = [];
  // Every byte value and a PNG header: bytea must come back byte for byte through row_to_json.
  const fileBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('"\\\n调研照片', 'utf8')]);
  let attachmentId = '';

  beforeAll(async () => {
    src = await scratchDatabase();
    dst = await scratchDatabase();
    scratch.push(src, dst);
    const db = src.db;
    // A committee tree, built through the real commands.
    const province = await makeCommittee(db);
    const city = await makeCommittee(db, { parentCode: province.code });
    const county = await makeCommittee(db, { parentCode: city.code, level: 'county' });
    // Rewrite the parent rows, so that on disk they come after their children: the restore must not
    // depend on the order rows of a self-referencing table arrive in.
    await db.execute(sql`update committees set region = '甘肃省' where id in (${province.id}, ${city.id})`);
    const unitId = await createUnit(db, actor, city.id, { name: '市教育局', duties: '教育' });
    const members = [];
    for (const [i, name] of ['张三', '张山', '李四', '王五'].entries()) {
      members.push(
        await createMember(db, actor, city.id, {
          name, gender: i % 2 ? 'female' : 'male', sectorId: city.sectorIds[i % 3], specialCommitteeId: city.specialIds[0],
          roles: i === 0 ? ['member', 'standing'] : ['member'], phone: `1380000000${i}`, birthDate: `19${70 + i}-0${i + 1}-1${i}`,
          // Text that must survive JSON both ways: quotes, backslashes, newlines, tabs, astral characters.
          employer: `单位 "引号" \\ 反斜杠\n换行\t制表 😀 ${i}`,
        } as never),
      );
    }
    await createMember(db, actor, county.id, { name: '赵六', gender: 'male' } as never);
    await updateMember(db, actor, city.id, members[2].id, { title: '主任', status: 'left', leftAt: '2024-06-30', leftReason: '工作调动' });
    const staff = await makeUser(db, city.id, [{ role: 'staff', office: 'general' }]);
    const member = await makeUser(db, city.id, [{ role: 'member', memberId: members[0].id }]);
    await makeUser(db, city.id, [{ role: 'unit_clerk', unitId }]);
    await makeUser(db, province.id, [], { admin: true });
    await createApiToken(db, { ...actor, userId: member.id }, city.id, 'cli');
    await login(db, { username: staff.username, password: PASSWORD, ip: '127.0.0.1' }, policy);
    await login(db, { username: staff.username, password: 'wrong-password' }, policy).catch(() => {});
    await db.execute(sql`insert into import_jobs (committee_id, user_id, kind, status, total, errors)
                         values (${city.id}, ${staff.id}, 'members', 'succeeded', 3, ${JSON.stringify([{ row: 2, field: 'phone', message: '重复' }])}::jsonb)`);
    await db.execute(sql`insert into job_runs (job, status, detail, pid, finished_at) values ('backup-test-job', 'succeeded', 'done', ${process.pid}, now())`);
    attachmentId = (await storeAttachment(db, { committeeId: city.id, fileName: '调研照片.png', mime: 'image/png', content: fileBytes, uploadedBy: member.id })).id;
    sourcePrint = await fingerprint(db);
  });

  afterAll(async () => {
    for (const s of scratch) await s.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip NDJSON file with a header listing every application table', async () => {
    const header = await backupDatabase(src.db, file, { progress: (d, t) => progress.push([d, t]) });
    const tables = await applicationTables(src.db);
    expect(header.format).toBe('xieshang-backup');
    expect(header.version).toBe(1);
    expect(header.tables.map((t) => t.name).sort()).toEqual(tables);
    expect(header.tables.map((t) => t.name)).not.toContain('__drizzle_migrations');
    for (const t of header.tables) expect(t.rows).toBe(sourcePrint[t.name].rows);
    expect(header.migrations.count).toBeGreaterThan(0);
    expect(header.migrations.lastHash).toMatch(/^[0-9a-f]{64}$/);
    // Parents before children: committees first, user_roles after users, members and units.
    const order = header.tables.map((t) => t.name);
    expect(order[0]).toBe('committees');
    for (const p of ['users', 'members', 'handling_units']) expect(order.indexOf(p)).toBeLessThan(order.indexOf('user_roles'));
    expect(await readBackupHeader(file)).toEqual(header);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const rows = header.tables.reduce((s, t) => s + t.rows, 0);
    // Header, a section line per table, the rows, the job queue's section and its jobs, the end line.
    expect(header.jobs).toBeGreaterThanOrEqual(0);
    expect(lines.length).toBe(1 + header.tables.length + rows + 1 + header.jobs! + 1);
    expect(lines).toContain(JSON.stringify({ jobs: header.jobs }));
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, tables: header.tables.length, rows });
    expect(progress.at(-1)).toEqual([rows, rows]);
    expect(fs.existsSync(file + '.partial')).toBe(false);
  });

  it('a backup that cannot be written leaves no file and no open transaction', async () => {
    const target = path.join(dir, 'no-such-folder', 'backup.gz');
    await expect(backupDatabase(src.db, target)).rejects.toThrow(/ENOENT/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(target + '.partial')).toBe(false);
    const { rows } = await src.db.execute<{ ok: number }>(sql`select 1 as ok`);
    expect(rows[0].ok).toBe(1);
    expect(src.pool.totalCount - src.pool.idleCount).toBe(0);
  });

  it('restores into an empty database, equal row for row in every table', async () => {
    const seen: number[] = [];
    const counts = await restoreDatabase(dst.db, file, { progress: (d) => seen.push(d) });
    expect(Object.fromEntries(counts.map((c) => [c.name, c.rows]))).toEqual(
      Object.fromEntries(Object.entries(sourcePrint).map(([t, v]) => [t, v.rows])),
    );
    expect(seen.at(-1)).toBe(counts.reduce((s, c) => s + c.rows, 0));
    expect(await fingerprint(dst.db)).toEqual(sourcePrint);
  });

  it('restores an uploaded file byte for byte', async () => {
    const { rows } = await dst.pool.query(`select content, sha256, file_name from attachments where id = $1`, [attachmentId]);
    expect(rows[0].file_name).toBe('调研照片.png');
    expect(Buffer.compare(rows[0].content, fileBytes)).toBe(0);
    expect(rows[0].sha256).toBe(crypto.createHash('sha256').update(fileBytes).digest('hex'));
  });

  it('the restored copy verifies, and its sequences continue after the restored ids', async () => {
    const a = await verifyAuditChain(src.db);
    const b = await verifyAuditChain(dst.db);
    expect(a.broken).toEqual([]);
    expect(b).toEqual(a);
    expect(b.rows).toBe(sourcePrint.audit_log.rows);
    const { rows: max } = await dst.db.execute<{ m: number }>(sql`select max(id)::int as m from audit_log`);
    const { rows: c } = await dst.db.execute<{ id: string }>(sql`select id from committees order by code limit 1`);
    await createMember(dst.db, actor, c[0].id, { name: '恢复后新增', gender: 'female' } as never);
    const { rows: next } = await dst.db.execute<{ m: number }>(sql`select max(id)::int as m from audit_log`);
    expect(next[0].m).toBe(max[0].m + 1);
    expect((await verifyAuditChain(dst.db)).broken).toEqual([]);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    const before = await fingerprint(dst.db);
    const err = await restoreDatabase(dst.db, file).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.code).toBe('backup.not_empty');
    expect(err.message).toMatch(/目标数据库不是空的/);
    expect(err.message).toMatch(/not empty/);
    expect(await fingerprint(dst.db)).toEqual(before);

    // One committee is enough to refuse; the committee is all there is afterwards.
    const other = await scratchDatabase();
    scratch.push(other);
    await makeCommittee(other.db);
    const rowsBefore = await totalRows(other.db);
    await expect(restoreDatabase(other.db, file)).rejects.toMatchObject({ code: 'backup.not_empty' });
    expect(await totalRows(other.db)).toBe(rowsBefore);
  });

  it('refuses a database at another migration level', async () => {
    const bare = await scratchDatabase({ migrate: false });
    scratch.push(bare);
    const err = await restoreDatabase(bare.db, file).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.code).toBe('backup.migrations_mismatch');
    expect(err.message).toMatch(/迁移版本与备份不一致/);
    expect(err.message).toMatch(/migration level/);
  });

  it('refuses a damaged or cut-short file, leaving the target empty', async () => {
    const target = await scratchDatabase();
    scratch.push(target);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const cut = path.join(dir, 'cut.gz');
    fs.writeFileSync(cut, zlib.gzipSync(text.slice(0, Math.floor(text.length * 0.7))));
    await expect(restoreDatabase(target.db, cut)).rejects.toMatchObject({ code: 'backup.bad_file' });
    const raw = fs.readFileSync(file);
    const broken = path.join(dir, 'broken.gz');
    fs.writeFileSync(broken, raw.subarray(0, Math.floor(raw.length / 2)));
    await expect(restoreDatabase(target.db, broken)).rejects.toMatchObject({ code: 'backup.bad_file' });
    const notBackup = path.join(dir, 'other.gz');
    fs.writeFileSync(notBackup, zlib.gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target.db, notBackup)).rejects.toMatchObject({ code: 'backup.bad_file' });
    await expect(restoreDatabase(target.db, path.join(dir, 'missing.gz'))).rejects.toMatchObject({ code: 'backup.bad_file' });
    expect(await totalRows(target.db)).toBe(0);
  });

  it('is a consistent snapshot: rows committed while a backup runs are not in it', async () => {
    const snap = path.join(dir, 'snapshot.gz');
    const c = await makeCommittee(src.db);
    // Another session holds committees, so the backup (which has taken its snapshot by then)
    // waits on its first table; meanwhile that session adds 50 members and commits.
    const other = new pg.Client({ connectionString: src.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('lock table committees in access exclusive mode');
      const backup = backupDatabase(src.db, snap);
      for (let i = 0; ; i++) {
        const { rows } = await other.query(`select count(*)::int as n from pg_locks where not granted and relation = 'committees'::regclass`);
        if (rows[0].n > 0) break;
        if (i > 200) throw new Error('the backup never waited for the lock');
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query(`insert into members (committee_id, name, name_pinyin, name_initials, gender)
                         select $1, 'n' || g, 'n', 'n', 'male' from generate_series(1, 50) g`, [c.id]);
      await other.query('commit');
      const header = await backup;
      const { rows } = await src.db.execute<{ n: number }>(sql`select count(*)::int as n from members where committee_id = ${c.id}`);
      expect(rows[0].n).toBe(50);
      const membersInFile = header.tables.find((t) => t.name === 'members')!.rows;
      expect(membersInFile).toBe(sourcePrint.members.rows);
      const lines = zlib.gunzipSync(fs.readFileSync(snap)).toString('utf8').trimEnd().split('\n');
      const start = lines.indexOf(JSON.stringify({ table: 'members', rows: membersInFile }));
      expect(start).toBeGreaterThan(0);
      expect(lines.slice(start + 1, start + 1 + membersInFile).some((l) => l.includes(c.id))).toBe(false);
      // The committee itself was committed before the backup began, so it is in.
      expect(lines.some((l) => l.includes(`"code":"${c.code}"`))).toBe(true);
    } finally {
      await other.end();
    }
  });
});

describe('backup and restore: schemas beyond today’s (cycles, identity and generated columns, exact values)', () => {
  const scratch: Scratch[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-backup-test-'));
  afterAll(async () => {
    for (const s of scratch) await s.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Two tables that refer to each other, one that refers to itself, identity and generated columns.
  const ddl = `
    create table xs_a (id bigint generated always as identity primary key, b_id bigint, label text not null,
                       amount numeric(30, 10), big bigint, at timestamptz, day date, raw bytea, tags text[], doc jsonb,
                       label_upper text generated always as (upper(label)) stored);
    create table xs_b (id bigint primary key, a_id bigint references xs_a(id), parent_id bigint references xs_b(id));
    alter table xs_a add constraint xs_a_b_fk foreign key (b_id) references xs_b(id);`;

  it('restores tables in a foreign-key cycle, self-references, identity and generated columns, exactly', async () => {
    const src = await scratchDatabase();
    const dst = await scratchDatabase();
    scratch.push(src, dst);
    for (const d of [src, dst]) await d.pool.query(ddl);
    // Rows that only fit together: a → b → a, and b's tree.
    await src.pool.query(`
      begin;
      insert into xs_b (id, a_id, parent_id) values (10, null, null), (11, null, 10), (12, null, 11);
      insert into xs_a (b_id, label, amount, big, at, day, raw, tags, doc) values
        (12, 'first', 12345678901234567890.0123456789, 9223372036854775807, '2024-02-29 23:59:59.123456+08', '2024-02-29',
         '\\x00ff10', array['甲', 'b"c', null], '{"z": 1, "a": [1.50, null, "x"], "n": null}'),
        (10, 'second', -0.0000000001, -9223372036854775808, null, null, null, '{}', '"just a string"');
      update xs_b set a_id = (select min(id) from xs_a) where id = 10;
      commit;`);
    // The parent row of the tree is rewritten so that it now lies after its children on disk.
    await src.pool.query(`update xs_b set a_id = a_id where id = 10`);
    const file = path.join(dir, 'exotic.gz');
    const header = await backupDatabase(src.db, file);
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf('committees')).toBeLessThan(order.indexOf('users'));
    await restoreDatabase(dst.db, file);
    expect(await fingerprint(dst.db)).toEqual(await fingerprint(src.db));
    const { rows } = await dst.pool.query(`select amount::text, big::text, label_upper, encode(raw, 'hex') as raw, at = '2024-02-29 23:59:59.123456+08' as same_at
                                             from xs_a where label = 'first'`);
    expect(rows[0]).toEqual({ amount: '12345678901234567890.0123456789', big: '9223372036854775807', label_upper: 'FIRST', raw: '00ff10', same_at: true });
    // The identity continues after the restored ids.
    const next = await dst.pool.query(`insert into xs_a (label) values ('third') returning id`);
    const max = await src.pool.query(`select max(id) as m from xs_a`);
    expect(Number(next.rows[0].id)).toBe(Number(max.rows[0].m) + 1);
  });
});
