import type { Db } from '../../../platform/db/database.js';
import type { Lang } from '../../../platform/errors.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { cosine, idfFor, statsOf, vectorOf } from '../../../platform/text/index.js';
import { visibilityOf } from '../commands/access.js';
import { demandsSharingTokens } from '../demands.repository.js';
import { visibleDemand } from './get-demand.js';
import { presentDemand } from './present.js';

/**
 * Duplicate demands (the same matter from many people): the committee's demands sharing a word
 * with this one (GIN on tokens), scored by the platform's TF-IDF cosine over jieba tokens
 * (platform/text, as proposals and 社情民意 do), most similar first. 0.35 keeps "村道硬化" from
 * two villages together and a road next to a school apart; it is a first setting, not an
 * evaluated one (the proposals module's labelled set is about proposals, not demands).
 */
export const DUPLICATE_THRESHOLD = 0.35;

export async function similarDemands(db: Db, caller: Caller, id: string, lang: Lang, threshold = DUPLICATE_THRESHOLD) {
  const d = await visibleDemand(db, caller, id);
  const others = await demandsSharingTokens(db, caller.committeeId, visibilityOf(caller), id, d.tokens);
  const idf = idfFor(statsOf([d.tokens, ...others.map((o) => o.tokens)]));
  const v = vectorOf([{ bag: d.tokens, weight: 1 }], idf);
  return others
    .map((o) => ({ similarity: Math.round(cosine(v, vectorOf([{ bag: o.tokens, weight: 1 }], idf)) * 1000) / 1000, demand: presentDemand(caller, o, lang) }))
    .filter((x) => x.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 20);
}
