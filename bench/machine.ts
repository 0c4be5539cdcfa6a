import fs from 'node:fs';
import path from 'node:path';

/**
 * CPU accounting on Linux (/proc): how busy the bench's own processes were (the parent, the
 * server child, the bench's PostgreSQL) and how much the rest of the machine took — other work
 * on a shared 2-core machine skews every figure, so each part reports it.
 */

const TICK = 100; // USER_HZ

/** A process's CPU seconds; `reaped` is that of its children that have exited (cutime + cstime). */
function readStat(pid: number): { ppid: number; cpu: number; reaped: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK, reaped: (Number(f[13]) + Number(f[14])) / TICK };
  } catch {
    return undefined;
  }
}

/** Busy CPU seconds of the whole machine since boot (all cores). */
function machineBusy(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] ?? 0)) / TICK;
  } catch {
    return 0;
  }
}

/** The embedded postmaster's pid (first line of postmaster.pid), when the bench runs one. */
function postmasterPid(dataDir: string | undefined): number | undefined {
  if (!dataDir) return undefined;
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

export interface CpuShares {
  /** Cores busy on average (1.0 = one core fully busy). */
  server: number;
  client: number;
  postgres: number;
  /** Everything else on the machine: other people's work. */
  others: number;
  seconds: number;
}

export class CpuMeter {
  private serverPid: number | undefined;
  constructor(private dataDir: string | undefined) {}

  setServer(pid: number | undefined) {
    this.serverPid = pid;
  }

  private snapshot() {
    const pm = postmasterPid(this.dataDir);
    const pg = new Map<number, number>();
    if (pm) {
      for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        const pid = Number(d);
        const s = readStat(pid);
        // The postmaster's own time plus that of backends that have exited, then each live backend.
        if (s && pid === pm) pg.set(pid, s.cpu + s.reaped);
        else if (s && s.ppid === pm) pg.set(pid, s.cpu);
      }
    }
    const c = process.cpuUsage();
    return {
      at: performance.now(),
      machine: machineBusy(),
      server: this.serverPid ? readStat(this.serverPid)?.cpu ?? 0 : 0,
      client: (c.user + c.system) / 1e6,
      postgres: pg,
    };
  }

  /** Measures while `fn` runs. */
  async measure<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: CpuShares }> {
    const a = this.snapshot();
    const value = await fn();
    const b = this.snapshot();
    const wall = (b.at - a.at) / 1000;
    const r = (v: number) => Math.round((v / wall) * 100) / 100;
    const server = b.server - a.server;
    const client = b.client - a.client;
    // Totals, not per-pid deltas: a backend that exits moves its time into the postmaster's reaped time.
    const sum = (m: Map<number, number>) => [...m.values()].reduce((x, y) => x + y, 0);
    const postgres = Math.max(0, sum(b.postgres) - sum(a.postgres));
    const others = Math.max(0, b.machine - a.machine - server - client - postgres);
    return { value, cpu: { server: r(server), client: r(client), postgres: r(postgres), others: r(others), seconds: Math.round(wall * 1000) / 1000 } };
  }

  /** Cores used by other processes over `ms`. */
  async othersOver(ms: number): Promise<number> {
    return (await this.measure(() => new Promise((r) => setTimeout(r, ms)))).cpu.others;
  }

  /**
   * Waits (at most `maxMs`) until other processes use less than `threshold` cores over 2 s.
   * Returns their use at the last check.
   */
  async waitForQuiet(maxMs: number, threshold = 0.25, onWait?: (others: number) => void): Promise<number> {
    const until = Date.now() + maxMs;
    for (;;) {
      const others = await this.othersOver(2000);
      if (others < threshold || Date.now() >= until) return others;
      onWait?.(others);
    }
  }
}
