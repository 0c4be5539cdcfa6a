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
    // closed in afterAll; event subscribers are registered by name (registering again replaces),
    // so a later file sees the same subscribers an earlier one registered: each delivery is a
    // queued job that only a running engine (started by the tests that need one) consumes, and
    // the duty-record subscriber is idempotent per source (apply-duty-event.ts).
    // Measured, same machine, same minutes (user+sys CPU is steadier than wall under load):
    // six files — isolated forks 33.6 s wall, 15.9+6.0 s CPU; threads 42.1 s, 16.9+5.7 s; forks
    // without isolation 27.9 s, 13.3+5.0 s. Twelve files, twice each — isolated 47.8/50.3 s wall,
    // 34.3/36.1 s CPU (vitest "import" 35.6/39.2 s); not isolated 32.7/27.6 s wall, 19.7/19.2 s
    // CPU (import 14.6/13.2 s). The gain grows with the files per worker.
    pool: 'forks',
    isolate: false,
  },
});
