import type { Db } from '../../platform/db/database.js';
import type { RequestContext, ModuleManifest } from '../../platform/modules.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { selfScope } from '../../platform/scope.js';
import { chinaDate } from '../../platform/time.js';
import type { SearchAnswer, WorkbenchFigure, WorkbenchView } from './contracts.js';
import { lastVisit } from './workbench.repository.js';

/** Without a stored visit, "what changed" looks this far back. */
const FIRST_VISIT_DAYS = 7;

const isLeader = (ctx: RequestContext) => !!ctx.principal?.isPlatformAdmin || ctx.grants.some((g) => g.role === 'leader');

/** Asks every module's workbench providers (and, for a leader, every figure with a headline) for the caller. */
export async function loadWorkbench(db: Db, modules: readonly ModuleManifest[], ctx: RequestContext): Promise<WorkbenchView> {
  const caller = callerOf(ctx);
  const today = chinaDate();
  const stored = caller.actor.userId ? await lastVisit(db, caller.committeeId, caller.actor.userId) : null;
  const since = stored ?? new Date(Date.now() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
  const pctx = { caller, can: ctx.can, today, since, lang: ctx.lang };
  const sections = await Promise.all(
    modules.flatMap((m) => (m.workbench ?? []).map(async (p) => ({ module: m.name, section: await p.load(db, pctx) }))),
  );
  const figures = isLeader(ctx)
    ? await Promise.all(modules.flatMap((m) => (m.figures ?? []).filter((f) => f.headline && ctx.can(f.permission)).map(async (f) => {
        const q = f.query.safeParse({ scope: 'self' });
        if (!q.success) return null;
        const result = await f.compute(db, selfScope(caller.committeeId), q.data, { lang: ctx.lang });
        return { module: m.name, name: f.name, title: f.title[ctx.lang], headline: f.headline!(result, ctx.lang) };
      })))
    : [];
  return {
    today,
    since,
    firstVisit: !stored,
    pending: sections.flatMap((s) => s.section.pending.filter((g) => g.count > 0).map((g) => ({ module: s.module, ...g }))),
    changes: sections.flatMap((s) => s.section.changes.filter((c) => c.count > 0).map((c) => ({ module: s.module, ...c }))),
    progress: sections.flatMap((s) => (s.section.progress ?? []).map((p) => ({ module: s.module, ...p }))),
    figures: figures.filter((f): f is WorkbenchFigure => !!f),
  };
}

/** Asks every search provider whose permission the caller holds; groups keep the module order. */
export async function searchAll(db: Db, modules: readonly ModuleManifest[], ctx: RequestContext, q: string, limit: number): Promise<SearchAnswer> {
  const caller = callerOf(ctx);
  const sctx = { caller, can: ctx.can, lang: ctx.lang, limit };
  const groups = await Promise.all(
    modules.flatMap((m) => (m.search ?? []).filter((p) => ctx.can(p.permission)).map(async (p) => {
      const r = await p.search(db, q, sctx);
      return { module: m.name, kind: p.kind, total: r.total, items: r.items, listLink: p.listLink ? p.listLink.replace('{q}', encodeURIComponent(q)) : null };
    })),
  );
  return { q, groups };
}
