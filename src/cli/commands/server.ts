import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { openDatabase, runMigrations } from '../../platform/db/database.js';
import { startServer } from '../../main.js';
import { isDatabaseEmpty, DEMO_LOGINS, DEMO_PASSWORD } from '../../modules/org/seed/demo.js';
import type { Config } from '../../config/index.js';
import type { Db } from '../../platform/db/database.js';
import { modulesFor } from '../../main.js';
import { progressBar, withDatabase } from '../context.js';

/** Every module's demo data, in module order (org first), with live event subscriptions. */
async function seedAllDemos(db: Db, config: Config): Promise<string[]> {
  const modules = modulesFor(config);
  for (const m of modules) m.init?.(db);
  const out: string[] = [];
  for (const m of modules) {
    if (!m.demoSeed) continue;
    const bar = progressBar(`演示数据 ${m.name}`);
    out.push(await m.demoSeed(db, { progress: bar.update }));
    bar.stop();
  }
  return out;
}

async function run(command: 'serve' | 'demo') {
  const config = loadConfig();
  // A server owns its data folder: a second one gets a clear error instead of sharing it.
  const database = await openDatabase(config, { command: `xieshang ${command}`, attach: false });
  let stop: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await stop?.().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await runMigrations(database.db);
  if (command === 'demo' && (await isDatabaseEmpty(database.db))) {
    console.log('数据库为空，正在载入演示数据… / loading demo data…');
    for (const line of await seedAllDemos(database.db, config)) console.log(line);
  }
  const srv = await startServer(config, database);
  stop = srv.stop;
  const url = `http://localhost:${config.PORT}`;
  console.log(`\n协商 Xieshang 已启动: ${url}   (API 文档 ${url}/api/docs)`);
  console.log(`数据库: ${database.origin === 'external' ? 'DATABASE_URL' : `内置 PostgreSQL，数据目录 ${config.XIESHANG_DATA_DIR}`}`);
  if (command === 'demo') {
    console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）/ demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(18)} ${l.description}`);
  }
  console.log('\n按 Ctrl+C 停止 / Ctrl+C to stop');
}

export function register(program: Command) {
  program.command('serve').description('启动 Web 应用和 API / run the web app and API').action(() => run('serve'));
  program.command('demo').description('启动并在空库时载入演示数据 / run with demo data (loaded when the database is empty)').action(() => run('demo'));
  program.command('migrate').description('执行数据库迁移 / apply database migrations').action(() =>
    withDatabase('xieshang migrate', async () => {
      console.log('迁移完成 / migrations applied');
    }),
  );
  const seed = program.command('seed').description('载入数据 / load data');
  seed.command('demo').description('载入演示数据（数据库须为空）/ load the demo data into an empty database').action(() =>
    withDatabase('xieshang seed demo', async (db, config) => {
      if (!(await isDatabaseEmpty(db.db))) {
        console.error('数据库不为空，未载入演示数据 / the database is not empty; nothing loaded');
        process.exitCode = 1;
        return;
      }
      for (const line of await seedAllDemos(db.db, config)) console.log(line);
    }),
  );
}
