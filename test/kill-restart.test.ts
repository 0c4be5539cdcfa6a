import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../src/platform/db/database.js';
import { createCommittee, createUser } from '../src/modules/org/index.js';

/**
 * The kill test: a real server (`xieshang serve`, embedded PostgreSQL in its own data folder)
 * takes a stream of writes; node and PostgreSQL are both killed with SIGKILL in the middle; the
 * server is started again on the same folder with no manual step, and every write it had
 * acknowledged (201) is there.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(port));
  });
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 150_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('kill -9 during writes, restart on the same folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-kill-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function serve(port: number) {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/xieshang.mjs'), 'serve'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XIESHANG_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', JOBS_ENABLED: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/nonexistent', LOGIN_RATE_LIMIT: '100000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    const health = () => waitFor('the server to answer /api/health', async () => ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok ? true : undefined));
    return { child, health };
  }

  it('every acknowledged write survives SIGKILL of node and PostgreSQL', async () => {
    const port = await freePort();
    const first = serve(port);
    await first.health();
    // An account, made through the commands on the server's own database (its URL is in the lock file).
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'xieshang.lock'), 'utf8')) as { databaseUrl: string };
    const { pool, db } = connect(lock.databaseUrl, 2);
    const actor = { userId: null, label: 'kill-test' };
    const committeeId = await createCommittee(db, actor, { code: 'kill', name: '测试政协', shortName: '测试', level: 'city' });
    await createUser(db, actor, { committeeId, username: 'kill-office', displayName: '机关', password: 'kill-test-pass-1', grants: [{ role: 'staff', office: 'member_affairs' }] });
    await pool.end();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kill-office', password: 'kill-test-pass-1' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    // Four writers in a loop; each 201 is an acknowledged write.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/members`, {
            method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ name: `委员${w}-${i}`, gender: i % 2 ? 'male' : 'female' }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await waitFor('40 acknowledged writes', async () => (acknowledged.length >= 40 ? true : undefined));
    const postmaster = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGKILL');
    process.kill(postmaster, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
    await waitFor('PostgreSQL to be gone', async () => {
      try {
        process.kill(postmaster, 0);
        return undefined;
      } catch {
        return true;
      }
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // Same folder, no manual step: the stale lock file and postmaster.pid are taken over.
    const second = serve(port);
    await second.health();
    const lock2 = JSON.parse(fs.readFileSync(path.join(dir, 'xieshang.lock'), 'utf8')) as { databaseUrl: string };
    const again = connect(lock2.databaseUrl, 2);
    const { rows } = await again.db.execute<{ id: string }>(
      `select id::text from members where committee_id = '${committeeId}'` as never,
    ) as { rows: { id: string }[] };
    await again.pool.end();
    const present = new Set(rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    console.log(`kill test: ${acknowledged.length} acknowledged writes before SIGKILL, ${present.size} rows after the restart, none missing`);
  }, 300_000);
});
