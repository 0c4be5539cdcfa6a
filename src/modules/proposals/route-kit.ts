import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { moveRoute as platformMove, type Caller } from '../../platform/http/route-kit.js';
import type { RouteDef } from '../../platform/modules.js';
import { getProposal } from './queries/get-proposal.js';

/**
 * POST /api/proposals/:id/<path>: validate, run one command, answer with the proposal as the
 * caller now sees it (with abilities). The platform's move route with the proposal fixed.
 */
export function moveRoute<B extends z.ZodType = z.ZodUndefined>(def: {
  path: string;
  summary: string;
  permission: string;
  body?: B;
  example?: unknown;
  method?: 'POST' | 'PUT';
  run(db: Db, caller: Caller, id: string, body: z.output<B>): Promise<unknown>;
}): RouteDef {
  return platformMove<B>({ ...def, base: '/api/proposals', tags: ['proposals'], resource: 'proposal', answer: getProposal });
}
