import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file makes its own committees, so files run in parallel on one database.
    fileParallelism: true,
    maxWorkers: 2,
    // Most of a file's cost is importing the app (src/main.ts pulls in every module, drizzle,
    // fastify …). Without isolation each of the two workers imports it once and runs its files
    // one after another in the same module graph. Safe here: the registries that refuse a second
    // declaration (definePermissions, defineErrors) are filled when a module is first evaluated,
    // which now happens once per worker; test files make their own committees and unique names;
    // no test mocks modules; the one fake clock (list-cache) is restored in a finally; apps are
    // closed in afterAll; the performance module subscribes to the event bus once per database.
    // Measured on six files (time, config, errors, auth, users-api, attachments), same machine,
    // same minutes: isolated forks 33.6 s wall, 15.9+6.0 s user+sys; threads 42.1 s, 16.9+5.7 s;
    // forks without isolation 27.9 s, 13.3+5.0 s. The gain grows with the files per worker.
    pool: 'forks',
    isolate: false,
  },
});
