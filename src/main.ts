import type { FastifyInstance } from 'fastify';
import type { Config } from './config/index.js';
import type { Database } from './platform/db/database.js';
import { buildServer } from './platform/http/server.js';
import { JobEngine } from './platform/jobs.js';
import type { ModuleManifest } from './platform/modules.js';
import { orgModule } from './modules/org/index.js';
import { proposalsModule } from './modules/proposals/index.js';
import { performanceModule } from './modules/performance/index.js';
import { socialInfoModule } from './modules/social-info/index.js';
import { inboxModule } from './modules/inbox/index.js';
import { jobsModule } from './modules/jobs/index.js';
import { networkModule } from './modules/network/index.js';
import { consultationModule } from './modules/consultation/index.js';
import { demandsModule } from './modules/demands/index.js';
import { workbenchModule } from './modules/workbench/index.js';

/** The composition root: config → modules → HTTP server. Every module is listed here once. */
export function modulesFor(config: Config): ModuleManifest[] {
  const modules: ModuleManifest[] = [
    orgModule({
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      cookieSecure: config.COOKIE_SECURE,
      loginRateLimit: config.LOGIN_RATE_LIMIT,
    }),
    proposalsModule(),
    performanceModule(),
    socialInfoModule(),
    consultationModule(),
    networkModule(),
    demandsModule({ submit: config.DEMANDS_PUBLIC_RATE_LIMIT }),
    inboxModule({ maxUploadMb: config.ATTACHMENT_MAX_MB }),
    jobsModule(),
  ];
  // The workbench asks the others' workbench and search slots (and sees itself, which declares none).
  modules.push(workbenchModule(() => modules));
  return modules;
}

/** `extraModules`: modules registered after the application's own (the tests' skeleton module). */
export async function createApp(config: Config, database: Database, opts: { logger?: boolean; extraModules?: ModuleManifest[] } = {}) {
  const modules = [...modulesFor(config), ...(opts.extraModules ?? [])];
  for (const m of modules) m.init?.(database.db);
  const app = await buildServer({ config, db: database.db, modules, logger: opts.logger });
  return { app, modules };
}

/**
 * Starts the HTTP server and, unless JOBS_ENABLED=false, the job engine in this process
 * (scheduled jobs and event deliveries); returns a function that stops both.
 */
export async function startServer(config: Config, database: Database): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const { app, modules } = await createApp(config, database);
  const engine = new JobEngine(database, app.log);
  if (config.JOBS_ENABLED) await engine.start(modules.flatMap((m) => m.jobs ?? []));
  await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app,
    async stop() {
      await engine.stop();
      await app.close();
    },
  };
}
