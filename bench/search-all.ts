import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/index.js';
import { modulesFor } from '../src/main.js';
import { searchAll } from '../src/modules/workbench/workbench.queries.js';
import { can, type Grant } from '../src/platform/access.js';
import type { Database } from '../src/platform/db/database.js';
import type { RequestContext } from '../src/platform/modules.js';
import type { BenchUser } from './fixtures.js';
import { ensureProposals, type ProposalDataInfo } from './proposals-data.js';
import { ensureSocialInfo, type InfoDataInfo } from './social-info-data.js';
import { log, measureCases, prng, type Summary } from './stats.js';

/**
 * The search across modules at scale: what GET /api/search runs (searchAll over every module's
 * search provider: proposals, 社情民意 items, members, consultation topics and plan items; 5 hits
 * per module), called directly on the pool as the staff (all offices) of the sampled committees.
 * Queries are words people type: a content word of one of the committee's proposal or item titles
 * (70 %) or a member's name (30 %), so most find something.
 */
export interface SearchAllResult {
  proposals: ProposalDataInfo;
  items: InfoDataInfo;
  members: number;
  committees: { code: string; level: string }[];
  summary: Summary;
  /** Mean hits per search over all groups (at most 5 per group). */
  meanHits: number;
  emptyShare: number;
}

const WARMUP = 20;

function contextOf(u: BenchUser, database: Database): RequestContext {
  const grants: Grant[] = ['proposals', 'info', 'member_affairs', 'general'].map((office) => ({ role: 'staff', office }));
  const principal = { isPlatformAdmin: false };
  return {
    db: database.db, principal: null, committeeId: u.committee.id, grants, lang: 'zh', requestId: 'bench',
    can: (p) => can(principal, grants, p), actor: { userId: u.userId, label: u.username, requestId: 'bench' },
  };
}

export async function searchAllBench(database: Database, users: BenchUser[], o: { proposals: number; items: number; members: number; requests: number; seed: number }): Promise<SearchAllResult> {
  const db = database.db;
  const proposals = await ensureProposals(database, o.proposals);
  const items = await ensureSocialInfo(database, o.items);
  log(`search-all: ${proposals.proposals} proposals, ${items.items} items, ${o.members} members`);
  const modules = modulesFor(loadConfig({ NODE_ENV: 'test' }));
  const rand = prng(o.seed + 23);
  const words = new Map<string, { tokens: string[]; names: string[] }>();
  for (const u of users) {
    const { rows: t } = await db.execute<{ w: string }>(sql`select distinct w from (
        (select unnest(title_tokens) as w from proposals where committee_id = ${u.committee.id} limit 200)
        union all (select unnest(tokens[1:3]) from social_info_items where committee_id = ${u.committee.id} limit 200)) x
      where char_length(w) >= 2 limit 300`);
    const { rows: n } = await db.execute<{ name: string }>(sql`select name from members where committee_id = ${u.committee.id} limit 100`);
    words.set(u.committee.id, { tokens: t.map((r) => r.w), names: n.map((r) => r.name) });
  }
  const cases = Array.from({ length: o.requests }, () => {
    const u = rand.pick(users);
    const w = words.get(u.committee.id)!;
    const useName = rand.next() < 0.3 && w.names.length;
    const q = useName ? rand.pick(w.names) : w.tokens.length ? rand.pick(w.tokens) : '建设';
    return { ctx: contextOf(u, database), q };
  });
  let empty = 0;
  const { summary, meanMatches } = await measureCases(cases, async (c) => {
    const r = await searchAll(db, modules, c.ctx, c.q, 5);
    const hits = r.groups.reduce((n, g) => n + g.items.length, 0);
    if (!hits) empty++;
    return hits;
  }, WARMUP);
  return {
    proposals, items, members: o.members, committees: users.map((u) => ({ code: u.committee.code, level: u.committee.level })),
    summary, meanHits: meanMatches, emptyShare: empty / (cases.length + WARMUP),
  };
}
