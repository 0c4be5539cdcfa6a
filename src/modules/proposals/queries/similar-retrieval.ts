import { sql, type SQL } from 'drizzle-orm';
import { pgArrayLiteral } from '../../../platform/db/pg-array.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { CandidateRow } from '../search.repository.js';

/**
 * SQL of the similar-proposal check (queries/similar-proposals.ts ranks what this returns): the
 * committee's document frequencies, kept in memory per committee and checked on every use, and
 * the candidates, fetched with the stamp that checks them in one statement.
 *
 * Measured on the bench data (1,000,000 proposals, `npm run bench`, part proposals; p95 75 ms
 * before, 19 ms after): the two document-frequency reads (the query's words, then the ~450 words
 * of the candidates, one index probe each), the 28 `tokens @> {a,b}` arms of the pair pass and the
 * one-word pass through the (committee_id, tokens) index were most of the time. The candidates now
 * come through the per-committee token keys of migration 0013 (one posting list per committee and
 * word, instead of the whole table's list of that word intersected with the committee's), and the
 * frequencies from memory (read afresh for every request instead: p95 ~24 ms, same drafts).
 */


export interface CommitteeStats {
  /** Documents counted (submitted proposals). */
  n: number;
  df: Map<string, number>;
  /** Identifies the version of the committee's '' row (see STAMP). */
  stamp: string;
}

/**
 * Every change to a committee's document frequencies goes through applyDocumentFrequencies
 * (search.repository.ts), which updates the committee's '' row (the document count) first, in
 * the same transaction: a new row version, with a new xmin (another transaction) or a new ctid
 * (the same one; a version its own transaction wrote is not pruned before it ends). So the
 * version of that row read with the candidates tells whether the frequencies in memory are the
 * ones of the statement's snapshot. 'none': the committee has no statistics yet.
 */
const stampOf = (committeeId: string) => sql`coalesce((select d.xmin::text || ':' || d.ctid::text || ':' || d.df
  from proposal_token_df d where d.committee_id = ${committeeId} and d.token = ''), 'none')`;

/** Committees kept, least recently used dropped first; and a bound on the words held over all of them. */
const MAX_COMMITTEES = 256;
const MAX_WORDS = 2_000_000;
const cache = new Map<string, CommitteeStats>();
let wordsHeld = 0;

function remember(committeeId: string, stats: CommitteeStats) {
  const old = cache.get(committeeId);
  if (old) {
    cache.delete(committeeId);
    wordsHeld -= old.df.size;
  }
  cache.set(committeeId, stats);
  wordsHeld += stats.df.size;
  for (const [id, s] of cache) {
    if (cache.size <= MAX_COMMITTEES && wordsHeld <= MAX_WORDS) break;
    if (id === committeeId) continue;
    cache.delete(id);
    wordsHeld -= s.df.size;
  }
}

/** The statistics in memory (possibly out of date: check the stamp), most recently used kept longest. */
export function cachedStats(committeeId: string): CommitteeStats | undefined {
  const s = cache.get(committeeId);
  if (s) {
    cache.delete(committeeId);
    cache.set(committeeId, s);
  }
  return s;
}

/** Reads a committee's document frequencies (one index range: a few thousand rows) and keeps them. */
export async function loadStats(db: Executor, committeeId: string): Promise<CommitteeStats> {
  const { rows } = await db.execute<{ token: string; df: number; stamp: string | null }>(sql`
    select d.token, d.df, case when d.token = '' then d.xmin::text || ':' || d.ctid::text || ':' || d.df end as stamp
      from proposal_token_df d where d.committee_id = ${committeeId} and (d.df > 0 or d.token = '')`);
  const df = new Map<string, number>();
  let n = 0;
  let stamp = 'none';
  for (const r of rows) {
    if (r.token === '') {
      n = Number(r.df);
      stamp = r.stamp ?? 'none';
    } else df.set(r.token, Number(r.df));
  }
  const stats = { n, df, stamp };
  remember(committeeId, stats);
  return stats;
}

/** The committee's document frequencies, from memory when they are current (one small query checks). */
export async function committeeStats(db: Executor, committeeId: string): Promise<CommitteeStats> {
  const held = cachedStats(committeeId);
  if (held) {
    const { rows } = await db.execute<{ stamp: string }>(sql`select ${stampOf(committeeId)} as stamp`);
    if (rows[0]?.stamp === held.stamp) return held;
  }
  return loadStats(db, committeeId);
}

/** Drops what is kept (tests). */
export function forgetStats(): void {
  cache.clear();
  wordsHeld = 0;
}

export interface Retrieval {
  /** Words a candidate shares (any one, in the second pass); their overlap orders the candidates. */
  anyOf: readonly string[];
  /** First pass: a candidate holds two of these. Empty: straight to the second pass. */
  pairsOf: readonly string[];
  /** Fewer first-pass candidates than this: the second pass. */
  enough: number;
}

/**
 * Proposals of the committee past the draft sharing two of `pairsOf` (or, when that finds fewer
 * than `enough`, one of `anyOf`), most words of `anyOf` first, with the stamp of the committee's
 * statistics read in the same snapshot. Both passes in one statement: the second runs only when
 * the first found too few. With it the names of the committee's sessions (a handful of rows), for
 * presenting them. The per-committee token keys (migration 0013) find the rows; the
 * committee, state and word conditions are checked on them again.
 */
export async function fetchCandidates(
  db: Executor, committeeId: string, r: Retrieval, opts: { visible: SQL; excludeId?: string; limit: number },
): Promise<{ stamp: string; candidates: CandidateRow[]; sessionNames: Map<string, string> }> {
  const any = pgArrayLiteral(r.anyOf);
  const pairs = pgArrayLiteral(r.pairsOf);
  const common = sql`p.committee_id = ${committeeId} and p.state not in ('draft', 'withdrawn')
    ${opts.excludeId ? sql`and p.id <> ${opts.excludeId}` : sql``} and ${opts.visible}`;
  const cols = sql`p.id, p.title, p.state, p.session_id as "sessionId", p.number_label as "numberLabel", p.tokens, p.title_tokens as "titleTokens",
    (select count(*) from unnest(p.tokens) t where t = any(${any}::text[])) as overlap`;
  const { rows } = await db.execute<{ stamp: string; candidates: CandidateRow[] | null; sessions: Record<string, string> | null }>(sql`
    with pairs as materialized (
      select ${cols} from proposals p
       where proposal_token_keys(p.committee_id, p.tokens) && proposal_token_keys(${committeeId}::uuid, ${pairs}::text[])
         and (select count(distinct t) from unnest(p.tokens) t where t = any(${pairs}::text[])) >= 2 and ${common}
       order by overlap desc, p.id limit ${opts.limit}),
    singles as materialized (
      select ${cols} from proposals p
       where (select count(*) from pairs) < ${r.enough}
         and proposal_token_keys(p.committee_id, p.tokens) && proposal_token_keys(${committeeId}::uuid, ${any}::text[]) and ${common}
       order by overlap desc, p.id limit ${opts.limit}),
    chosen as (
      select * from pairs where (select count(*) from pairs) >= ${r.enough}
      union all select * from singles)
    select ${stampOf(committeeId)} as stamp,
           (select json_agg(c order by c.overlap desc, c.id) from chosen c) as candidates,
           (select json_object_agg(s.id, s.name) from plenary_sessions s where s.committee_id = ${committeeId}) as sessions`);
  const row = rows[0];
  return {
    stamp: row.stamp,
    candidates: (row.candidates ?? []).map(({ id, title, state, sessionId, numberLabel, tokens, titleTokens }) => ({
      id, title, state, sessionId, numberLabel, tokens, titleTokens,
    })),
    sessionNames: new Map(Object.entries(row.sessions ?? {})),
  };
}
