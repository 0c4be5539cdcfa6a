import { z } from 'zod';
import type { RequestContext } from '../../platform/modules.js';
import { chinaDate, yearOf } from '../../platform/time.js';
import type { Caller } from './performance.policy.js';
import { yearParam } from './contracts.js';

/** Route helpers of the performance module. */
export const tags = ['performance'];
export const idParams = z.object({ id: z.uuid() });
export const yearQuery = z.object({ year: yearParam.optional() });

export function callerOf(ctx: RequestContext): Caller {
  return { committeeId: ctx.committeeId, actor: ctx.actor, grants: ctx.grants, admin: !!ctx.principal?.isPlatformAdmin };
}

export const idOf = (req: { params: unknown }) => (req.params as { id: string }).id;
/** The year asked for, or this year (China time). */
export const yearOr = (req: { query: unknown }) => (req.query as { year?: number }).year ?? yearOf(chinaDate());
