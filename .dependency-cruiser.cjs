/**
 * Import boundaries (docs/architecture.md, "Rules" 10): `npm run lint:boundaries`.
 * Paths are relative to the folder dependency-cruiser runs in (the repository root).
 */

/** Which modules a module may import (through that module's index.ts). Keep in step with docs/architecture.md. */
const MODULE_DEPS = {
  org: [],
  inbox: [],
  proposals: ['org'],
  performance: ['org'],
  'social-info': ['org'],
  consultation: ['org'],
  network: ['org'],
  demands: ['org', 'inbox', 'network'],
  jobs: [],
  workbench: ['org'],
};
const known = Object.keys(MODULE_DEPS).join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that need each other to load: move the shared type or value into a file both import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'A relative import that resolves to no file would hide its target from every rule here.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^\\.\\.?/' },
    },
    {
      name: 'config-imports-nothing-above',
      comment: 'src/config is the bottom layer.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(platform|modules|cli)/|^src/main\\.ts$' },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'The platform has no domain words: it imports no module, no CLI and not the composition root.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|cli)/|^src/main\\.ts$' },
    },
    {
      name: 'modules-import-no-cli',
      comment: 'The CLI calls modules, never the other way (what a module CLI needs is in platform/cli-kit.ts).',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/cli/|^src/main\\.ts$' },
    },
    {
      name: 'modules-through-index',
      comment: "Another module is imported through its index.ts only (a schema file may import another module's schema file, for foreign keys).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.schema\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'schema-through-schema',
      comment: "A module's schema file imports another module's schema file only (drizzle foreign keys).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.*\\.schema\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/[^/]+\\.schema\\.ts$'] },
    },
    ...Object.entries(MODULE_DEPS).map(([mod, deps]) => ({
      name: 'module-allowed-deps',
      comment: `${mod} may import ${deps.length ? deps.join(', ') : 'no other module'} (MODULE_DEPS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: `^src/modules/${mod}/` },
      to: { path: '^src/modules/[^/]+/', pathNot: `^src/modules/(${[mod, ...deps].join('|')})/` },
    })),
    {
      name: 'module-allowed-deps',
      comment: 'A module not listed in MODULE_DEPS imports no other module until it is listed there and in docs/architecture.md.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: `^src/modules/(${known})/` },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web|e2e|node_modules)/' },
    // Type-only imports count: a circle of types is still a circle to read.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    cache: false,
  },
};
