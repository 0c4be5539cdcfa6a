import { defineModule } from '../../platform/modules.js';
import { jobRoutes } from './jobs.routes.js';

/** The admin's view of the job queue (src/platform/jobs.ts): failed jobs and event deliveries. */
export function jobsModule() {
  return defineModule({ name: 'jobs', routes: jobRoutes });
}
