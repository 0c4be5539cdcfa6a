/** The workbench module's public surface: the home (工作台) and the search across modules over the manifests' slots. */
export { workbenchModule } from './manifest.js';
export { WorkbenchPermissions } from './workbench.policy.js';
