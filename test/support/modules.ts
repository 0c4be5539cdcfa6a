import { loadConfig } from '../../src/config/index.js';
import { modulesFor } from '../../src/main.js';
import type { ModuleManifest } from '../../src/platform/modules.js';
import { skeletonModule } from './skeleton/index.js';

/** Modules that exist only in the tests, registered like real ones: one line each. */
export const testOnlyModules = (): ModuleManifest[] => [
  skeletonModule(),
];

/** The application's modules plus the test-only ones, as the access probe and the table tests walk them. */
export const testModules = (): ModuleManifest[] => [...modulesFor(loadConfig({ NODE_ENV: 'test' })), ...testOnlyModules()];
