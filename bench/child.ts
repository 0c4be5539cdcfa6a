import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts bench/server.ts in a child process and talks to it over IPC. */
export interface ServerChild {
  appPort: number;
  barePort: number;
  pid: number;
  setBarePayload(body: unknown): Promise<void>;
  stop(): Promise<void>;
}

export async function startServerChild(databaseUrl: string): Promise<ServerChild> {
  const entry = fileURLToPath(new URL('./server.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    // BENCH_SERVER_PROF=<dir>: write a V8 CPU profile of the server process there (on exit).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [])],
    env: { ...process.env, BENCH_SERVER_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string, timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench server: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (m: Record<string, unknown>) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`bench server exited (${code}) before "${type}"`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  // The server first waits (up to 2 minutes) for deliveries an earlier run left queued (server.ts).
  const ready = await next('ready', 180_000);
  return {
    appPort: ready.appPort as number,
    barePort: ready.barePort as number,
    pid: child.pid!,
    async setBarePayload(body) {
      const ack = next('payload-set');
      child.send({ type: 'payload', body });
      await ack;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
