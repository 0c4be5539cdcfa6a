import { definePermissions, has } from '../../platform/access.js';

/**
 * Route permissions of key proposals and supervision (coarse: who may call at all). Whether the
 * caller may act on one proposal is decided by the key transition table (key.workflow.ts).
 */
export const KeyPermissions = definePermissions({
  /** Approve or decline the shortlist, record supervision events: the office and leaders. */
  'proposals.supervise': has.any(has.staffOf('proposals'), has.role('leader')),
});
