import os from 'node:os';
import path from 'node:path';
/**
 * Bench settings: full scale by default (the figures), smaller with env or flags.
 *
 *   npm run bench                                  600,000 members / 3,000 committees
 *   npm run bench -- --quick                       60,000 / 300, 10,000-row import, 3 s load runs
 *   BENCH_MEMBERS=60000 BENCH_COMMITTEES=300 npm run bench
 *   npm run bench -- --only=search,login           a subset of: search, login, import, throughput, performance, proposals, social-info, web
 *   npm run bench -- --only=web                    first load in Chromium on the demo data only (no generated data set); BENCH_WEB_RUNS=5
 *   BENCH_DATABASE_URL=postgres://…                use that (empty or bench-generated) database
 *   BENCH_QUIET_WAIT=30                            wait up to 30 s before each part for other load to stop
 *   BENCH_DATA_DIR=bench/.data/mine                 keep the embedded cluster in that folder
 *   BENCH_PERF_RECORDS=2000000                      duty records for the performance part (default 20M × members / 600,000)
 *   BENCH_PROPOSALS=1000000                        stored proposals for the proposals part (default 1M × members / 600,000)
 *   BENCH_NETWORK_PLACES=50000                     places for the network part (default 50k × committees / 3,000)
 *   BENCH_DEMANDS=2000000                          群众诉求 for the demands part (default 2M × committees / 3,000)
 *   npm run bench -- --only=search-all             the search across modules (GET /api/search) over proposals, items and members
 *   BENCH_INFO_ITEMS=500000                        社情民意 items for the social-info part (default 500k × members / 600,000)
 *   BENCH_CONSULT_MEETINGS=150000                  协商 meetings for the consultation part (default 150k × committees / 3,000)
 *   BENCH_PERF_CONCURRENCY=2                        committees assessed at a time in the national assessment
 *   BENCH_SHARED_BUFFERS=6GB                        shared_buffers of the embedded cluster (default: a quarter of the
 *                                                  machine's memory, as a server holding a province's data is set up;
 *                                                  the app's own default, 256MB, is a laptop's)
 */
export type Part = 'search' | 'login' | 'import' | 'throughput' | 'performance' | 'proposals' | 'social-info' | 'web' | 'network' | 'demands' | 'consultation' | 'search-all';
export const PARTS: Part[] = ['search', 'login', 'import', 'throughput', 'performance', 'proposals', 'social-info', 'web', 'network', 'demands', 'consultation', 'search-all'];

export interface BenchOptions {
  members: number;
  committees: number;
  importRows: number;
  searchRequests: number;
  logins: number;
  /** Seconds per autocannon run. */
  duration: number;
  connections: number;
  /** Seconds to wait, before each part, for other processes on the machine to go quiet. */
  quietWait: number;
  /** Duty records for the performance part (20,000,000 at full scale, proportional to the members otherwise). */
  perfRecords: number;
  /** Committees assessed at a time in the national assessment. */
  perfConcurrency: number;
  /** Members whose live standing is read (direct and over HTTP). */
  perfStandings: number;
  /** Stored proposals for the proposals part (1,000,000 at full scale, proportional to the members otherwise). */
  proposals: number;
  /** Requests per measured kind in the proposals part. */
  proposalRequests: number;
  /** Stored 社情民意 items for the social-info part (500,000 at full scale, proportional otherwise). */
  infoItems: number;
  /** Cold-load runs per page in the web part (after one warm-up). */
  webRuns: number;
  /** Places of the grassroots network for the network part (50,000 at full scale, proportional otherwise). */
  networkPlaces: number;
  /** 群众诉求 for the demands part (2,000,000 at 3,000 committees, proportional otherwise). */
  demands: number;
  /** 协商 meetings for the consultation part (150,000 at full scale, proportional to the committees otherwise). */
  consultMeetings: number;
  only: Set<Part>;
  databaseUrl?: string;
  /** Where the embedded cluster for this scale lives. */
  dataDir: string;
  /** shared_buffers of the embedded bench cluster. */
  sharedBuffers: string;
  /** Whether this run is at the scale. */
  fullScale: boolean;
  seed: number;
}

function flag(argv: string[], name: string): string | undefined {
  for (const a of argv) {
    if (a === `--${name}`) return 'true';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

function int(v: string | undefined, fallback: number, min = 1): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`bench: expected an integer ≥ ${min}, got "${v}"`);
  return n;
}

export function parseOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const quick = flag(argv, 'quick') === 'true' || env.BENCH_QUICK === '1';
  const get = (name: string, envName: string) => flag(argv, name) ?? env[envName];
  const members = int(get('members', 'BENCH_MEMBERS'), quick ? 60_000 : 600_000);
  const committees = int(get('committees', 'BENCH_COMMITTEES'), quick ? 300 : 3_000, 40);
  const onlyRaw = get('only', 'BENCH_ONLY');
  const only = new Set<Part>(onlyRaw ? (onlyRaw.split(',').map((s) => s.trim()) as Part[]) : PARTS);
  for (const p of only) if (!PARTS.includes(p)) throw new Error(`bench: unknown part "${p}" (one of ${PARTS.join(', ')})`);
  return {
    members,
    committees,
    importRows: int(get('import-rows', 'BENCH_IMPORT_ROWS'), quick ? 10_000 : 100_000),
    searchRequests: int(get('search-requests', 'BENCH_SEARCH_REQUESTS'), quick ? 200 : 500),
    logins: int(get('logins', 'BENCH_LOGINS'), quick ? 50 : 200),
    duration: int(get('duration', 'BENCH_DURATION'), quick ? 3 : 10),
    connections: int(get('connections', 'BENCH_CONNECTIONS'), 20),
    quietWait: int(get('quiet-wait', 'BENCH_QUIET_WAIT'), 30, 0),
    perfRecords: int(get('perf-records', 'BENCH_PERF_RECORDS'), Math.round((20_000_000 * members) / 600_000)),
    perfConcurrency: int(get('perf-concurrency', 'BENCH_PERF_CONCURRENCY'), 2),
    perfStandings: int(get('perf-standings', 'BENCH_PERF_STANDINGS'), 500),
    proposals: int(get('proposals', 'BENCH_PROPOSALS'), Math.round((1_000_000 * members) / 600_000)),
    proposalRequests: int(get('proposal-requests', 'BENCH_PROPOSAL_REQUESTS'), quick ? 100 : 300),
    infoItems: int(get('info-items', 'BENCH_INFO_ITEMS'), Math.round((500_000 * members) / 600_000)),
    webRuns: int(get('web-runs', 'BENCH_WEB_RUNS'), quick ? 3 : 5),
    networkPlaces: int(get('network-places', 'BENCH_NETWORK_PLACES'), Math.round((50_000 * committees) / 3_000)),
    demands: int(get('demands', 'BENCH_DEMANDS'), Math.round((2_000_000 * committees) / 3_000)),
    consultMeetings: int(get('consult-meetings', 'BENCH_CONSULT_MEETINGS'), Math.round((150_000 * committees) / 3_000)),
    only,
    databaseUrl: env.BENCH_DATABASE_URL || undefined,
    // BENCH_DATA_DIR lets parallel work keep separate clusters (one embedded server per folder).
    dataDir: env.BENCH_DATA_DIR ? path.resolve(env.BENCH_DATA_DIR) : new URL(`./.data/m${members}-c${committees}/`, import.meta.url).pathname,
    sharedBuffers: env.BENCH_SHARED_BUFFERS || `${Math.max(1, Math.floor(os.totalmem() / 4 / 1024 ** 3))}GB`,
    fullScale: members >= 600_000 && committees >= 3_000,
    seed: int(env.BENCH_SEED, 20240601),
  };
}
