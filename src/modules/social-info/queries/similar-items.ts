import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { cosine, distinct, idfFor, statsOf, vectorOf } from '../../../platform/text/index.js';
import { INFO_STATES, type InfoState } from '../domain/info-workflow.js';
import { parseInfoSettings } from '../domain/settings.js';
import { loadItem } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { readInfoSettings, toTextArray, tokensOverlap } from '../social-info.repository.js';

const CANDIDATES = 200;

/**
 * Merge candidates (合并候选): other open or published items sharing words with this one (GIN
 * overlap), re-ranked by TF-IDF cosine with the shared platform text functions; the IDF blends
 * the candidates' own counts with the general prior.
 */
export async function similarItems(db: Executor, caller: Caller, id: string, limit: number) {
  const { row } = await loadItem(db, caller, id);
  const settings = parseInfoSettings(await readInfoSettings(db, caller.committeeId));
  const words = distinct(row.tokens);
  if (!words.length) return { threshold: settings.similarThreshold, items: [] };
  const arr = toTextArray(words);
  const { rows } = await db.execute<{ id: string; title: string; state: InfoState; tokens: string[] }>(sql`
    select i.id, i.title, i.state, i.tokens from social_info_items i
     where i.committee_id = ${caller.committeeId} and i.id <> ${id} and ${tokensOverlap(words)} and i.state not in ('merged', 'archived')
     order by (select count(*) from unnest(i.tokens) t where t = any(${arr})) desc limit ${CANDIDATES}`);
  const idf = idfFor(statsOf([row.tokens, ...rows.map((r) => r.tokens)]));
  const q = vectorOf([{ bag: row.tokens, weight: 1 }], idf);
  const items = rows
    .map((r) => ({ id: r.id, title: r.title, state: r.state, stateLabel: INFO_STATES[r.state], score: Math.round(cosine(q, vectorOf([{ bag: r.tokens, weight: 1 }], idf)) * 1000) / 1000 }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => ({ ...r, likelySame: r.score >= settings.similarThreshold }));
  return { threshold: settings.similarThreshold, items };
}
