import type { Db } from './db/database.js';
import type { Lang } from './errors.js';
import type { Caller } from './caller.js';

/**
 * The workbench slot (工作台) a module declares in its manifest: for one caller, what waits for
 * them in this module and what changed since their last visit. The workbench route
 * (src/modules/workbench) asks every module's providers and never names a module; the web labels
 * each group by its `kind` (locale key `workbench.kind.<kind>`).
 */

export type { WorkbenchChange, WorkbenchEntry, WorkbenchGroup, WorkbenchProgress, WorkbenchSection } from './workbench-contract.js';
import type { WorkbenchEntry, WorkbenchGroup, WorkbenchSection } from './workbench-contract.js';

export interface WorkbenchContext {
  caller: Caller;
  can(permission: string): boolean;
  /** Today in China time (YYYY-MM-DD). */
  today: string;
  /** The caller's previous visit (ISO instant). */
  since: string;
  lang: Lang;
}

export interface WorkbenchProvider {
  /** Unique within the module. */
  name: string;
  /** What waits for the caller; an empty section when nothing concerns them (never a 403). */
  load(db: Db, ctx: WorkbenchContext): Promise<WorkbenchSection>;
}

/** How many entries a group lists (the count says how many there are). */
export const WORKBENCH_ITEMS = 5;

export function defineWorkbench(def: WorkbenchProvider): WorkbenchProvider {
  return def;
}

/** A group from its rows (already ordered most urgent first) and their count. */
export function groupOf(kind: string, link: string, rows: WorkbenchEntry[], count: number, today: string): WorkbenchGroup {
  const deadlines = rows.map((r) => r.deadline).filter((d): d is string => !!d).sort();
  return {
    kind,
    count,
    overdue: rows.filter((r) => r.deadline && r.deadline < today).length,
    nextDeadline: deadlines[0] ?? null,
    link,
    items: rows.slice(0, WORKBENCH_ITEMS).map((r) => ({ ...r, overdue: !!r.deadline && r.deadline < today })),
  };
}
