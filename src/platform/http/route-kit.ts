import { z } from 'zod';
import type { Db } from '../db/database.js';
import { defineRoute, type RequestContext, type RouteDef } from '../modules.js';

/**
 * What every module's routes share: who is calling, the `:id` parameter, and one shape for a
 * workflow move (validate → one command → answer the record as the caller now sees it).
 */

// Its own file, so the slot types of platform/modules.ts can name it without a circle through this one.
export type { Caller } from '../caller.js';
import type { Caller } from '../caller.js';

export function callerOf(ctx: RequestContext): Caller {
  return { committeeId: ctx.committeeId, actor: ctx.actor, grants: ctx.grants, admin: !!ctx.principal?.isPlatformAdmin };
}

/** `:id` of a record (a uuid; anything else is a 400 before the handler runs). */
export const idParams = z.object({ id: z.uuid() });

/**
 * `<method> <base>/:id/<path>`: validate the body, run one command, answer with `answer(id)` (the
 * record with the caller's abilities). Without a `body` schema the command gets `undefined`.
 *
 * @example
 * moveRoute({ base: '/api/proposals', resource: 'proposal', tags, path: 'withdraw', summary: '撤案',
 *   permission: P['proposals.propose'], body: reasonInput,
 *   run: (db, caller, id, body) => withdrawProposal(db, caller, id, body), answer: getProposal })
 */
export function moveRoute<B extends z.ZodType = z.ZodUndefined>(def: {
  base: string;
  path: string;
  summary: string;
  tags: string[];
  permission: string;
  /** The kind of record behind `:id` (the access probe aims at another committee's one). */
  resource: string;
  body?: B;
  example?: unknown;
  method?: 'POST' | 'PUT';
  /** The status of the answer (default 200). */
  status?: number;
  run(db: Db, caller: Caller, id: string, body: z.output<B>): Promise<unknown>;
  answer(db: Db, caller: Caller, id: string): Promise<unknown>;
}): RouteDef {
  return defineRoute<typeof idParams, z.ZodType, B>({
    method: def.method ?? 'POST',
    url: `${def.base}/:id/${def.path}`,
    summary: def.summary,
    tags: def.tags,
    access: { permission: def.permission },
    resource: def.resource,
    params: idParams,
    ...(def.body ? { body: def.body } : {}),
    ...(def.example ? { example: { body: def.example } } : {}),
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      await def.run(ctx.db, caller, id, req.body);
      if (def.status) reply.status(def.status);
      return def.answer(ctx.db, caller, id);
    },
  });
}
