import type { RouteDef } from '../../../platform/modules.js';

// Import/export routes: being written (template download, .xlsx import with progress, export).
export const memberImportRoutes: RouteDef[] = [];
