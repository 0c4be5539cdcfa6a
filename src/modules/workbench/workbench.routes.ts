import { z } from 'zod';
import { defineRoute, type ModuleManifest, type RouteDef } from '../../platform/modules.js';
import { WorkbenchPermissions as P } from './workbench.policy.js';
import { recordVisit } from './workbench.repository.js';
import { loadWorkbench, searchAll } from './workbench.queries.js';

const tags = ['workbench'];

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Hits per module (each group's total counts all). */
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

/** The routes see the module list through a function: the workbench is itself one of the modules. */
export function workbenchRoutes(modules: () => readonly ModuleManifest[]): RouteDef[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/workbench', tags,
      summary: '工作台: what waits for the caller in every module (counts, deadlines, links), what changed since the last visit, a member\'s quotas, a leader\'s figures',
      access: { permission: P['workbench.read'] },
      handler: (_req, ctx) => loadWorkbench(ctx.db, modules(), ctx),
    }),
    defineRoute({
      method: 'POST', url: '/api/workbench/visit', tags,
      summary: 'Marks the workbench seen now: "what changed" then counts from here (personal state, not audited)',
      access: { permission: P['workbench.read'] },
      handler: async (_req, ctx) => ({ seenAt: ctx.actor.userId ? await recordVisit(ctx.db, ctx.committeeId, ctx.actor.userId) : null }),
    }),
    defineRoute({
      method: 'GET', url: '/api/search', tags,
      summary: 'Search across modules: every module\'s search provider, filtered as its own list is, grouped by module, matched words marked',
      access: { permission: P['workbench.read'] }, querystring: searchQuery, example: { query: { q: '马铃薯' } },
      handler: (req, ctx) => searchAll(ctx.db, modules(), ctx, req.query.q, req.query.limit),
    }),
  ];
}
