import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createApp, modulesFor } from '../src/main.js';
import { loadConfig } from '../src/config/index.js';
import { backupDatabase, restoreDatabase } from '../src/platform/backup.js';
import { verifyAuditChain } from '../src/platform/audit-verify.js';
import { listFailedJobs, pendingJobCount } from '../src/platform/jobs.js';
import type { Db } from '../src/platform/db/database.js';
import { transact } from '../src/platform/db/unit-of-work.js';
import { createMember } from '../src/modules/org/index.js';
import { loginAs, type Session } from './support/app.js';
import { scratchDatabase, testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';
import { deliveriesDone, startEngine } from './support/jobs.js';

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

/** Event deliveries in the queue, as (task, event id) pairs. */
async function deliveries(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ d: string }>(sql`
    select t.identifier || ' ' || (p.payload->>'eventId') as d
      from graphile_worker._private_jobs p join graphile_worker._private_tasks t on t.id = p.task_id
     where t.identifier like 'event:%' order by 1`);
  return rows.map((r) => r.d);
}

/**
 * `xieshang backup` (backupDatabase) while the server takes writes: the file is one snapshot —
 * every write acknowledged before the backup began is in it, every change in it is whole (its
 * rows, audit row, event and the event's deliveries), the audit chain verifies after a restore,
 * and the deliveries still owed at the snapshot are restored and run.
 */
describe('backup while the server takes writes', () => {
  let src: Scratch;
  let dst: Scratch;
  let app: FastifyInstance;
  let staff: Session;
  let committeeId: string;
  let memberId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-backup-load-'));

  beforeAll(async () => {
    src = await scratchDatabase();
    dst = await scratchDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '100000', WEB_DIST_DIR: '/nonexistent' });
    ({ app } = await createApp(config, src, { logger: false }));
    await app.ready();
    const c = await makeCommittee(src.db);
    committeeId = c.id;
    const u = await makeUser(src.db, c.id, [{ role: 'staff', office: 'info' }, { role: 'staff', office: 'member_affairs' }]);
    staff = await loginAs(app, u.username);
    memberId = (await createMember(src.db, { userId: null, label: 'test' }, c.id, { name: '调研委员', gender: 'male' } as never)).id;
  });

  afterAll(async () => {
    // The apps here subscribed the modules on the scratch databases; test files share a worker
    // (vitest isolate: false), so the subscribers go back to the shared database before they are dropped.
    for (const m of modulesFor(loadConfig({ NODE_ENV: 'test' }))) m.init?.(testDatabase().db);
    await app?.close();
    await src?.drop();
    await dst?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one consistent snapshot that restores, verifies and delivers what was owed', async () => {
    // A delivery that had given up before the backup: it must come back failed, not run again.
    await src.db.execute(sql`select graphile_worker.permanently_fail_jobs(array[(graphile_worker.add_job('event:backup-test', json_build_object('eventId', 0), max_attempts => 3)).id], 'subscriber threw')`);

    type Phase = 'before' | 'during' | 'after';
    // In an object: the writers read it when their answer arrives, after it has moved on.
    const clock: { phase: Phase } = { phase: 'before' };
    let stop = false;
    const acked: { id: string; kind: 'item' | 'member'; phase: Phase }[] = [];
    // Beside the HTTP writes, another module's events with a subscriber (performance credits a
    // duty.recorded): each commit queues a delivery, which no engine makes on the source.
    const credits = async () => {
      for (let i = 0; !stop; i++) {
        await transact(src.db, { userId: null, label: 'test' }, (uow) => uow.emit({
          type: 'duty.recorded', committeeId, entityId: `backup-${i}`,
          payload: { kind: 'research', sourceRef: `backup-${i}`, title: `备份期间的调研 ${i}`, members: [{ memberId, role: null }] },
        }));
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const item = (w + i) % 2 === 0;
        const res = item
          ? await staff.request({ method: 'POST', url: '/api/social-info/items', payload: { title: `写入中的备份 ${w}-${i}`, body: '备份进行时仍在报送的社情民意信息正文。', sourceKind: 'organisation', sourceName: '民盟' } })
          : await staff.request({ method: 'POST', url: '/api/members', payload: { name: `备份委员${w}${i}`, gender: 'female' } });
        if (res.statusCode !== 201) throw new Error(`write ${w}-${i}: ${res.statusCode} ${res.body}`);
        // The phase when the answer arrived: a write answered before the backup began is committed before its snapshot.
        acked.push({ id: res.json().id, kind: item ? 'item' : 'member', phase: clock.phase });
      }
    };
    const writers = [...[0, 1, 2, 3].map(writer), credits()];
    const waitFor = async (ok: () => boolean, okAsync?: () => Promise<boolean>) => {
      while (!ok() && !(await okAsync?.())) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(() => acked.length >= 12);
    const file = path.join(dir, 'under-load.ndjson.gz');
    // Another session holds a table no writer here touches (perf_duty_records: no engine runs on
    // the source), so the backup, its snapshot taken, waits on it while the writers go on.
    const holder = new pg.Client({ connectionString: src.url });
    await holder.connect();
    let header: Awaited<ReturnType<typeof backupDatabase>>;
    try {
      await holder.query('begin');
      await holder.query('lock table perf_duty_records in access exclusive mode');
      clock.phase = 'during';
      const backup = backupDatabase(src.db, file);
      await waitFor(() => false, async () => {
        const { rows } = await holder.query(`select count(*)::int as n from pg_locks where not granted and relation = 'perf_duty_records'::regclass`);
        return rows[0].n > 0;
      });
      const during = acked.length;
      await waitFor(() => acked.length >= during + 6);
      await holder.query('commit');
      header = await backup;
    } finally {
      await holder.end();
    }
    clock.phase = 'after';
    const afterCount = acked.length;
    await waitFor(() => acked.length >= afterCount + 4);
    stop = true;
    await Promise.all(writers);
    expect(acked.filter((a) => a.phase === 'during').length, 'writes went on while the backup ran').toBeGreaterThanOrEqual(6);

    const restored = await restoreDatabase(dst.db, file);
    const inFile = (name: string) => restored.find((t) => t.name === name)?.rows ?? 0;
    const ids = async (table: 'social_info_items' | 'members') =>
      new Set((await dst.db.execute<{ id: string }>(sql`select id from ${sql.identifier(table)} where committee_id = ${committeeId}`)).rows.map((r) => r.id));
    const items = await ids('social_info_items');
    const members = await ids('members');
    // Every write acknowledged before the backup began is in it.
    for (const a of acked.filter((x) => x.phase === 'before')) expect((a.kind === 'item' ? items : members).has(a.id), `${a.kind} ${a.id}`).toBe(true);
    // Nothing in it but acknowledged writes (every write was answered 201 in the end).
    const answered = new Set([memberId, ...acked.map((a) => a.id)]);
    for (const id of [...items, ...members]) expect(answered.has(id), id).toBe(true);
    expect(inFile('social_info_items')).toBe(header.tables.find((t) => t.name === 'social_info_items')!.rows);

    // Each change is whole: an item has its original version, its audit row and its event; a member its audit row.
    const { rows: torn } = await dst.db.execute<{ id: string; why: string }>(sql`
      select i.id, 'no version' as why from social_info_items i where i.committee_id = ${committeeId}
         and not exists (select 1 from social_info_versions v where v.item_id = i.id and v.kind = 'original')
      union all
      select i.id, 'no audit' from social_info_items i where i.committee_id = ${committeeId}
         and not exists (select 1 from audit_log a where a.committee_id = i.committee_id and a.entity_id = i.id::text and a.action = 'social_info.submit')
      union all
      select i.id, 'no event' from social_info_items i where i.committee_id = ${committeeId}
         and not exists (select 1 from domain_events e where e.committee_id = i.committee_id and e.entity_id = i.id::text)
      union all
      select m.id, 'no audit' from members m where m.committee_id = ${committeeId}
         and not exists (select 1 from audit_log a where a.committee_id = m.committee_id and a.entity_id = m.id::text)`);
    expect(torn).toEqual([]);
    const chain = await verifyAuditChain(dst.db, { committeeId });
    expect(chain.broken, JSON.stringify(chain)).toEqual([]);
    expect(chain.rows).toBeGreaterThan(acked.filter((a) => a.phase === 'before').length);

    // The queue: exactly the deliveries the source owed for the events in the snapshot (no engine
    // ran on the source, so none had been made), and the given-up one.
    expect(header.jobs).toBe((await deliveries(dst.db)).length);
    const { rows: events } = await dst.db.execute<{ id: string }>(sql`select id::text as id from domain_events`);
    const inSnapshot = new Set(events.map((e) => e.id));
    const owed = (await deliveries(src.db)).filter((d) => inSnapshot.has(d.split(' ')[1]!));
    expect(await deliveries(dst.db)).toEqual([...owed, 'event:backup-test 0'].sort());
    expect(owed.length).toBeGreaterThan(0);

    // A server on the restored copy (its modules subscribe on it) makes those deliveries; the
    // given-up one stays failed.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
    const { app: restoredApp } = await createApp(config, dst, { logger: false });
    const engine = await startEngine({ database: dst });
    try {
      await deliveriesDone(dst.db, committeeId);
    } finally {
      await engine.stop();
      await restoredApp.close();
    }
    expect(await pendingJobCount(dst.db)).toBe(0);
    // Each restored duty.recorded was delivered: one automatic duty record per event.
    const { rows: [made] } = await dst.db.execute<{ events: number; records: number }>(sql`
      select (select count(*)::int from domain_events where committee_id = ${committeeId} and type = 'duty.recorded') as events,
             (select count(distinct source_ref)::int from perf_duty_records where committee_id = ${committeeId} and source_type = 'duty.recorded') as records`);
    expect(made.records).toBe(made.events);
    expect(made.events).toBeGreaterThan(0);
    const failed = await listFailedJobs(dst.db);
    expect(failed.map((f) => ({ task: f.task, failed: f.failed, lastError: f.lastError }))).toEqual([{ task: 'event:backup-test', failed: true, lastError: 'subscriber threw' }]);
  }, 240_000);
});
