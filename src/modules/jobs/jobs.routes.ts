import { z } from 'zod';
import { listFailedJobs } from '../../platform/jobs.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { JobsPermissions as P } from './jobs.policy.js';

const tags = ['jobs'];

const failedQuery = z.object({
  /** Only the jobs that used up their attempts (not those still waiting for a retry). */
  givenUp: z.enum(['true', 'false']).optional(),
});

const failedJobView = z.object({
  id: z.string(),
  task: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  failed: z.boolean(),
  runAt: z.string(),
  createdAt: z.string(),
  payload: z.unknown(),
});

export const jobRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/jobs/failed', tags,
    summary: 'Jobs and event deliveries that failed: given up first, then those waiting for a retry (platform admin; retry with `xieshang jobs retry ID`)',
    access: { permission: P['jobs.admin'] }, querystring: failedQuery, example: { query: { givenUp: 'false' } },
    response: { 200: z.object({ items: z.array(failedJobView) }) },
    handler: async (req, ctx) => ({
      items: await listFailedJobs(ctx.db, { onlyGivenUp: req.query.givenUp === 'true' }),
    }),
  }),
];
