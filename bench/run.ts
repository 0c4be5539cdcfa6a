import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createApiToken } from '../src/modules/org/index.js';
import { revokeApiToken } from '../src/modules/org/auth/auth.commands.js';
import { startServerChild, type ServerChild } from './child.js';
import { ensureDataset } from './dataset.js';
import { BENCH_PASSWORD, ensureStaffUsers, sampleCommittees, searchCases, type BenchUser } from './fixtures.js';
import { closeClient, login, request } from './http.js';
import { importBench } from './import.js';
import { CpuMeter } from './machine.js';
import { parseOptions, type Part } from './options.js';
import { performanceBench } from './performance.js';
import { proposalsBench } from './proposals.js';
import { socialInfoBench } from './social-info.js';
import { networkBench } from './network.js';
import { demandsBench } from './demands.js';
import { consultationBench } from './consultation.js';
import { searchAllBench } from './search-all.js';
import { figures, print, writeJson, type Results } from './report.js';
import { loginLatency, searchDirect, searchOverHttp } from './search.js';
import { log } from './stats.js';
import { load } from './throughput.js';
import { webBench, webFigures, webNotes } from './web.js';

/**
 * npm run bench — member search, login, member import and list-route throughput on a generated
 * database (600,000 members in 3,000 committees by default). See bench/options.ts for a smaller
 * run. Figures go to stdout and bench/results.json; progress to stderr.
 */
const o = parseOptions();
const startedAt = new Date().toISOString();
log(`scale: ${o.members} members, ${o.committees} committees; parts: ${[...o.only].join(', ')}`);

// The web part runs in Chromium on its own demo database (bench/web.ts), before and apart from the generated data set.
const web = o.only.has('web') ? await webBench(o.webRuns) : undefined;
if (web && o.only.size === 1) {
  process.stdout.write([...webFigures(web).map((f) => `${f.figure}: ${f.value} (goal ${f.goal}) ${f.status}`), ...webNotes(web)].join('\n') + '\n');
  process.exit(0);
}

const { database, info } = await ensureDataset(o);
const db = database.db;
const meter = new CpuMeter(database.origin === 'embedded' ? o.dataDir : undefined);
let child: ServerChild | undefined;
const results: Results = {
  startedAt,
  scale: {
    members: o.members, committees: o.committees, importRows: o.importRows, fullScale: o.fullScale && o.importRows >= 100_000,
    searchRequests: o.searchRequests, logins: o.logins, loadSeconds: o.duration, connections: o.connections,
  },
  environment: {
    node: process.version,
    cpus: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    database: database.origin === 'embedded' ? `embedded PostgreSQL in ${o.dataDir} (shared_buffers ${o.sharedBuffers})` : 'BENCH_DATABASE_URL',
    server: 'not started',
  },
  dataset: info,
  cpu: {},
  figures: [],
};

/** Waits for the machine to be quiet (bounded), then runs a part and records the CPU shares. */
async function part<T>(name: Part, fn: () => Promise<T>): Promise<T> {
  const others = await meter.waitForQuiet(o.quietWait * 1000, 0.25, (c) => log(`${name}: waiting — other processes use ${c} cores`));
  if (others >= 0.25) log(`${name}: other processes still use ${others} cores; measuring anyway`);
  const { value, cpu } = await meter.measure(fn);
  results.cpu[name] = { ...cpu, othersBefore: others };
  return value;
}

async function throughput(port: number, user: BenchUser, cookie: string) {
  const actor = { userId: user.userId, label: user.username };
  const token = await createApiToken(db, actor, user.committee.id, 'bench');
  try {
    const path = '/api/members?page=1&pageSize=20';
    const bearer = { authorization: `Bearer ${token.token}` };
    const sample = await request(port, 'GET', path, { headers: bearer });
    if (sample.status !== 200) throw new Error(`bench: ${path} with the API token → ${sample.status} ${sample.body.slice(0, 200)}`);
    // The baseline answers with the very body the list route gives (same size, same JSON work).
    await child!.setBarePayload(JSON.parse(sample.body));
    const common = { duration: o.duration, connections: o.connections, meter };
    const bareUrl = `http://127.0.0.1:${child!.barePort}/bare`;
    const appUrl = `http://127.0.0.1:${port}${path}`;
    log(`throughput: 6 × ${o.duration} s (baseline, token, cookie, 2 reference routes, baseline; plus warm-ups), ${o.connections} connections …`);
    const bare1 = await load('bare Fastify /bare (1)', bareUrl, common);
    const tokenRun = await load('members, API token', appUrl, { ...common, headers: bearer });
    const cookieRun = await load('members, session cookie', appUrl, { ...common, headers: { cookie } });
    // References that split the gap: the app's auth + framework work without a query, and one trivial query without auth.
    const me = await load('/api/auth/me, cookie', `http://127.0.0.1:${port}/api/auth/me`, { ...common, headers: { cookie } });
    const health = await load('/api/health (select 1)', `http://127.0.0.1:${port}/api/health`, common);
    const bare2 = await load('bare Fastify /bare (2)', bareUrl, common);
    const baseline = {
      ...bare1, name: 'bare Fastify (mean)', reqPerSec: Math.round((bare1.reqPerSec + bare2.reqPerSec) / 2),
      cpuMsPerRequest: (bare1.cpuMsPerRequest + bare2.cpuMsPerRequest) / 2,
    };
    return {
      baseline, baselineRuns: [bare1, bare2], token: tokenRun, cookie: cookieRun, references: [me, health], committee: user.committee.code,
      committeeMembers: user.committee.members,
      ratioToken: tokenRun.reqPerSec / baseline.reqPerSec,
      ratioCookie: cookieRun.reqPerSec / baseline.reqPerSec,
    };
  } finally {
    await revokeApiToken(db, actor, token.id);
  }
}

try {
  const committees = await sampleCommittees(db, o.seed);
  const users = await ensureStaffUsers(db, committees);
  results.searchCommittees = committees.map((c) => ({ code: c.code, level: c.level, members: c.members }));

  if (o.only.has('search') || o.only.has('login') || o.only.has('throughput')) {
    child = await startServerChild(database.url);
    meter.setServer(child.pid);
    results.environment.server =
      `app + bare Fastify baseline in one child process (node --import tsx bench/server.ts); ` +
      `autocannon and the latency client in the parent process; PostgreSQL in its own processes — all sharing the ${os.cpus().length} cores`;
    const port = child.appPort;
    const cookies = new Map<string, string>();
    for (const u of users) cookies.set(u.username, (await login(port, u.username, BENCH_PASSWORD)).cookie);

    if (o.only.has('search')) {
      const cases = await searchCases(db, users, o.searchRequests, o.seed);
      results.search = await part('search', async () => {
        log(`search: ${o.searchRequests} sequential requests over HTTP, then the same through listMembers() …`);
        const http = await searchOverHttp(port, cases, cookies);
        const direct = await searchDirect(db, cases);
        return { http, direct };
      });
    }
    if (o.only.has('login')) {
      results.login = await part('login', () => {
        log(`login: ${o.logins} sequential logins …`);
        return loginLatency(port, users.map((u) => u.username), BENCH_PASSWORD, o.logins);
      });
    }
    if (o.only.has('throughput')) {
      // A city committee's staff: a typical roster of a few hundred members.
      const user = users.find((u) => u.committee.level === 'city') ?? users[0];
      results.throughput = await part('throughput', () => throughput(port, user, cookies.get(user.username)!));
    }
    await child.stop();
    child = undefined;
    meter.setServer(undefined);
  }

  if (o.only.has('import')) {
    results.import = await part('import', () => {
      log(`import: ${o.importRows} rows …`);
      return importBench(db, o.importRows, o.seed, meter);
    });
  }

  if (o.only.has('performance')) results.performance = await part('performance', () => performanceBench(database, o));

  if (o.only.has('proposals')) {
    results.proposals = await part('proposals', () => proposalsBench(database, users, { proposals: o.proposals, requests: o.proposalRequests, seed: o.seed }));
  }

  if (o.only.has('social-info')) {
    results.socialInfo = await part('social-info', () => socialInfoBench(database, users, { items: o.infoItems, requests: o.proposalRequests, seed: o.seed }));
  }

  results.web = web;
  if (o.only.has('network')) results.network = await part('network', () => networkBench(database, { places: o.networkPlaces, requests: o.proposalRequests, seed: o.seed }));
  if (o.only.has('demands')) {
    results.demands = await part('demands', () => demandsBench(database, { demands: o.demands, duration: o.duration, connections: o.connections, meter }));
  }
  if (o.only.has('consultation')) {
    results.consultation = await part('consultation', () => consultationBench(database, { meetings: o.consultMeetings, runs: o.proposalRequests >= 300 ? 50 : 20 }));
  }
  if (o.only.has('search-all')) {
    results.searchAll = await part('search-all', () => searchAllBench(database, users, { proposals: o.proposals, items: o.infoItems, members: o.members, requests: o.proposalRequests, seed: o.seed }));
  }

  results.finishedAt = new Date().toISOString();
  results.figures = figures(results);
  print(results);
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  writeJson(out, results);
  log(`wrote ${out}`);
} finally {
  closeClient();
  await child?.stop();
  await database.close();
}
