/** The jobs module's public surface: the admin's failed-jobs route. The engine is src/platform/jobs.ts. */
export { jobsModule } from './manifest.js';
export { JobsPermissions } from './jobs.policy.js';
