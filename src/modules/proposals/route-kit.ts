import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { defineRoute, type RequestContext, type RouteDef } from '../../platform/modules.js';
import { getProposal } from './queries/get-proposal.js';
import type { Caller } from './proposals.policy.js';

/** Route helpers of the proposals module: the caller from the request, and one shape for every workflow move. */
export const idParams = z.object({ id: z.uuid() });

export function callerOf(ctx: RequestContext): Caller {
  return { committeeId: ctx.committeeId, actor: ctx.actor, grants: ctx.grants, admin: !!ctx.principal?.isPlatformAdmin };
}

/**
 * POST /api/proposals/:id/<path>: validate, run one command, answer with the proposal as the
 * caller now sees it (with abilities).
 */
export function moveRoute<B extends z.ZodType | undefined>(def: {
  path: string;
  summary: string;
  permission: string;
  body?: B;
  example?: unknown;
  method?: 'POST' | 'PUT';
  run(db: Db, caller: Caller, id: string, body: B extends z.ZodType ? z.infer<B> : undefined): Promise<unknown>;
}): RouteDef {
  return defineRoute({
    method: def.method ?? 'POST',
    url: `/api/proposals/:id/${def.path}`,
    summary: def.summary,
    tags: ['proposals'],
    access: { permission: def.permission },
    resource: 'proposal',
    params: idParams,
    ...(def.body ? { body: def.body } : {}),
    ...(def.example ? { example: { body: def.example } } : {}),
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = req.params as { id: string };
      await def.run(ctx.db, caller, id, req.body as never);
      return getProposal(ctx.db, caller, id);
    },
  });
}
