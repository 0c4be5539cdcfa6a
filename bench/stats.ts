/** Small timing and statistics helpers. */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean,
  };
}

export const now = () => performance.now();

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = now();
  const value = await fn();
  return { value, ms: now() - t };
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
export const secs = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} s` : '—');
export const int = (v: number) => Math.round(v).toLocaleString('en-US');

/** A deterministic PRNG (mulberry32) for sampling committees and search terms. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)],
  };
}

/** Logs a progress line on stderr (the figures go to stdout). */
export function log(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Runs `warmup` cases unmeasured, then times each case; `run` returns how many rows matched. */
export async function measureCases<C>(cases: C[], run: (c: C) => Promise<number>, warmup: number): Promise<{ summary: Summary; meanMatches: number }> {
  for (const c of cases.slice(0, warmup)) await run(c);
  const ms: number[] = [];
  let matches = 0;
  for (const c of cases) {
    const t = now();
    matches += await run(c);
    ms.push(now() - t);
  }
  return { summary: summarize(ms), meanMatches: matches / (cases.length || 1) };
}
