import type { Db } from './db/database.js';
import type { Lang } from './errors.js';
import type { Caller } from './caller.js';

/**
 * The search slot a module declares in its manifest: given the caller and a query, the records of
 * this module the caller may read that match it. `GET /api/search` (src/modules/workbench) asks
 * every provider whose permission the caller holds and groups the answers by `kind` (the web's
 * label key `search.kind.<kind>`). A provider must filter with the same predicate as the module's
 * own list route and reuse its search columns and indexes, so the search across modules can never
 * show more than the lists do, nor anything of another committee.
 */

export type { SearchHit, SearchResult } from './workbench-contract.js';
import type { SearchResult } from './workbench-contract.js';

export interface SearchContext {
  caller: Caller;
  can(permission: string): boolean;
  lang: Lang;
  /** At most this many hits (the total counts all). */
  limit: number;
}

export interface SearchProvider {
  /** `<module>` or `<module>.<what>` (the web's label key). */
  kind: string;
  /** The permission of the module's own list route; without it the provider is not asked. */
  permission: string;
  /** Web path of the module's own list for the same query (`{q}` is replaced). */
  listLink?: string;
  search(db: Db, q: string, ctx: SearchContext): Promise<SearchResult>;
}

export function defineSearch(def: SearchProvider): SearchProvider {
  return def;
}
