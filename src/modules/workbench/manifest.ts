import { defineModule, type ModuleManifest } from '../../platform/modules.js';
import { workbenchRoutes } from './workbench.routes.js';

/**
 * 工作台 and the search across modules: asks the workbench and search slots of the modules it is
 * given (platform/workbench.ts, platform/search.ts) and names none of them.
 */
export function workbenchModule(modules: () => readonly ModuleManifest[]) {
  return defineModule({ name: 'workbench', routes: workbenchRoutes(modules) });
}
