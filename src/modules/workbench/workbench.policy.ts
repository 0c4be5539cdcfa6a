import { definePermissions } from '../../platform/access.js';

/**
 * | permission | who |
 * |---|---|
 * | workbench.read | anyone with a role in the committee: the home and the search across modules answer what concerns the caller, and each module's provider decides what that is |
 */
export const WorkbenchPermissions = definePermissions({
  'workbench.read': (g) => g.length > 0,
});
