import autocannon from 'autocannon';
import type { CpuMeter, CpuShares } from './machine.js';

/** Throughput with autocannon (in this process) against the server child, with CPU shares. */

export interface LoadResult {
  name: string;
  url: string;
  reqPerSec: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
  /** Cores busy during the run (1.0 = one core fully): server child, autocannon, postgres, other processes. */
  cores: CpuShares;
  /** CPU milliseconds per response of the bench's processes (server + autocannon + postgres): unaffected by other load. */
  cpuMsPerRequest: number;
}

export async function load(
  name: string,
  url: string,
  opts: { headers?: Record<string, string>; duration: number; connections: number; meter: CpuMeter },
): Promise<LoadResult> {
  const base = { url, connections: opts.connections, headers: opts.headers ?? {} };
  // Warm-up (JIT, pools, caches): not counted.
  await autocannon({ ...base, duration: Math.min(2, opts.duration) });
  const { value: r, cpu } = await opts.meter.measure(() => autocannon({ ...base, duration: opts.duration }));
  return {
    name,
    url,
    reqPerSec: Math.round(r.requests.average),
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    cores: cpu,
    cpuMsPerRequest: r.requests.average ? Math.round(((cpu.server + cpu.client + cpu.postgres) / r.requests.average) * 1e6) / 1000 : NaN,
  };
}
