import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { acquireDataDirLock, DataDirLockedError, lockPath, readLock, type LockInfo } from '../src/platform/db/data-dir-lock.js';
import { openDatabase } from '../src/platform/db/database.js';

describe('data folder lock', () => {
  let sleeper: ChildProcess;
  const dirs: string[] = [];
  const newDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-lock-test-'));
    dirs.push(d);
    return d;
  };
  /** Writes a lock file as another process would. */
  const holdAs = (dir: string, pid: number, extra: Partial<LockInfo> = {}) =>
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid, command: 'xieshang serve', startedAt: '2026-01-01T00:00:00.000Z', ...extra }));

  beforeAll(() => {
    // A live process that is not us: the holder of the lock.
    sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const d of dirs) fs.rmSync(lockPath(d), { force: true });
  });

  it('a folder held by a live process is refused with a clear message naming the holder', () => {
    const dir = newDir();
    holdAs(dir, sleeper.pid!);
    let err: unknown;
    try {
      acquireDataDirLock(dir, 'xieshang serve');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    const e = err as DataDirLockedError;
    expect(e.holder.pid).toBe(sleeper.pid);
    expect(e.dir).toBe(dir);
    expect(e.message).toContain(`数据目录 ${dir} 正被进程 ${sleeper.pid}`);
    expect(e.message).toContain('XIESHANG_DATA_DIR');
    expect(e.message).toContain(`The data folder ${dir} is in use by process ${sleeper.pid} (xieshang serve)`);
    // The holder's lock is left alone.
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(sleeper.pid);
    expect(readLock(dir)?.pid).toBe(sleeper.pid);
  });

  it('a stale lock (its process is gone) is taken over', () => {
    const dir = newDir();
    const gone = spawnSync('true').pid!;
    holdAs(dir, gone);
    expect(readLock(dir)).toBeUndefined();
    const lock = acquireDataDirLock(dir, 'test');
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    expect(info.pid).toBe(process.pid);
    expect(info.command).toBe('test');
    lock.update({ databaseUrl: 'postgres://x@127.0.0.1:1/db' });
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).databaseUrl).toBe('postgres://x@127.0.0.1:1/db');
    lock.release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
    lock.release(); // twice is harmless
  });

  it('a damaged lock file is treated as stale', () => {
    const dir = newDir();
    fs.writeFileSync(lockPath(dir), '{not json');
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('release leaves a lock that another process has since taken', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir, 'test');
    holdAs(dir, sleeper.pid!);
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(sleeper.pid);
  });

  it('openDatabase with attach uses the holder’s database; without attach it refuses', async () => {
    const dir = newDir();
    const url = inject('databaseUrl');
    holdAs(dir, sleeper.pid!, { databaseUrl: url });
    const database = await openDatabase({ XIESHANG_DATA_DIR: dir }, { command: 'xieshang user create', attach: true, poolSize: 1 });
    try {
      expect(database.origin).toBe('attached');
      expect(database.url).toBe(url);
      const { rows } = await database.db.execute<{ ok: number }>(sql`select 1 as ok`);
      expect(rows[0].ok).toBe(1);
    } finally {
      await database.close();
    }
    // Attaching neither takes nor removes the holder's lock.
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(sleeper.pid);
    await expect(openDatabase({ XIESHANG_DATA_DIR: dir }, { command: 'xieshang serve', attach: false })).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('attach without a database URL in the lock (holder still starting) refuses with the lock error', async () => {
    const dir = newDir();
    holdAs(dir, sleeper.pid!);
    await expect(openDatabase({ XIESHANG_DATA_DIR: dir }, { command: 'xieshang migrate', attach: true })).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
