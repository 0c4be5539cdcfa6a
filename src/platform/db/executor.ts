import type { Db } from './database.js';

/**
 * What a query runs on: the pool or an open transaction. Its own file so that the cache (which
 * notifies inside a transaction) and the unit of work (which invalidates the cache) need not
 * import each other for it.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
