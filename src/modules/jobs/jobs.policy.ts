import { definePermissions } from '../../platform/access.js';

/**
 * | permission | who |
 * |---|---|
 * | jobs.admin | the platform admin only: the job queue is shared by every committee |
 */
export const JobsPermissions = definePermissions({
  // No grant of a committee holds it; the platform admin holds every permission.
  'jobs.admin': () => false,
});
