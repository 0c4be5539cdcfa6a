import { z } from 'zod';
import type { Db } from './db/database.js';
import type { Lang } from './errors.js';
import type { CommitteeScope } from './scope.js';
import type { FigureHeadline } from './workbench-contract.js';

/**
 * A figure (统计) a module declares in its manifest: read only, over a committee scope — the
 * committee addressed, or it and every committee below it (platform/scope.ts). The platform turns
 * each into a GET route with the figure's own permission (figureRoute in modules.ts) (so the access probe covers it), and the
 * stats pages and the annual report can list every figure of every module without naming one.
 */
export interface FigureDef<Q extends z.ZodType<{ scope: 'self' | 'tree' }> = z.ZodType<{ scope: 'self' | 'tree' }>, R = unknown> {
  /** Unique within the module. */
  name: string;
  title: { zh: string; en: string };
  /** Permission in the committee addressed (checked before any scope is read). */
  permission: string;
  /** The query; must include `scope: scopeParam`. */
  query: Q;
  /** Default `/api/figures/<module>/<name>`. */
  url?: string;
  summary?: string;
  example?: Record<string, string>;
  compute(db: Db, scope: CommitteeScope, query: z.output<Q>, ctx: { lang: Lang }): Promise<R>;
  /**
   * The few numbers a leader's workbench shows of this figure, computed with the query's
   * defaults over the committee itself (scope self). Without it the figure is not on the home.
   */
  headline?(result: R, lang: Lang): FigureHeadline[];
}

export type { FigureHeadline } from './workbench-contract.js';

export { scopeParam } from './figures-contract.js';

export function defineFigure<Q extends z.ZodType<{ scope: 'self' | 'tree' }>, R>(def: FigureDef<Q, R>): FigureDef<Q, R> {
  return def;
}
