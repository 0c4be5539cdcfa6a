import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { backupDatabase, BackupError, restoreDatabase } from '../../platform/backup.js';
import { verifyAuditChain } from '../../platform/audit-verify.js';
import { committeeIdByCode } from '../../modules/org/index.js';
import { progressBar, withDatabase } from '../context.js';

const table = (rows: { name: string; rows: number }[]) => {
  const width = Math.max(0, ...rows.map((t) => t.name.length));
  return rows.map((t) => `  ${t.name.padEnd(width)} ${String(t.rows).padStart(10)}`).join('\n');
};

/** A refusal (not empty, other migration level, damaged file) is printed as is, without a stack trace. */
function refused(e: unknown): boolean {
  if (!(e instanceof BackupError)) return false;
  console.error(e.message);
  process.exitCode = 1;
  return true;
}

export function register(program: Command) {
  program
    .command('backup <file>')
    .description('备份整个数据库到一个文件（一致性快照，gzip 压缩）/ back up the whole database to a file (consistent snapshot, gzip)')
    .action((file: string) =>
      withDatabase('xieshang backup', async ({ db }) => {
        const target = path.resolve(file);
        const started = Date.now();
        const bar = progressBar('备份 / backup');
        const header = await backupDatabase(db, target, { progress: bar.update }).finally(bar.stop);
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        console.log(table(header.tables));
        console.log(
          `已备份 / backed up ${header.tables.length} 张表 tables, ${rows} 行 rows → ${target} ` +
            `(${(fs.statSync(target).size / 1024).toFixed(1)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }),
    );

  program
    .command('restore <file>')
    .description('从备份文件恢复；目标数据库须为空（新的数据目录）/ restore a backup into an empty database (a new data folder)')
    .action((file: string) =>
      withDatabase('xieshang restore', async ({ db }) => {
        const started = Date.now();
        const bar = progressBar('恢复 / restore');
        let counts;
        try {
          counts = await restoreDatabase(db, path.resolve(file), { progress: bar.update }).finally(bar.stop);
        } catch (e) {
          if (refused(e)) return;
          throw e;
        }
        console.log(table(counts));
        console.log(
          `已恢复 / restored ${counts.length} 张表 tables, ${counts.reduce((s, t) => s + t.rows, 0)} 行 rows ` +
            `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }),
    );

  const audit = program.command('audit').description('审计日志 / audit log');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / verify the audit log hash chains')
    .option('--committee <code>', '只校验一个政协组织 / only this committee')
    .action((o: { committee?: string }) =>
      withDatabase('xieshang audit verify', async ({ db }) => {
        const committeeId = o.committee ? await committeeIdByCode(db, o.committee) : undefined;
        const bar = progressBar('校验 / verify');
        const res = await verifyAuditChain(db, { committeeId, progress: bar.update }).finally(bar.stop);
        console.log(`已校验 / checked ${res.rows} 条记录 rows in ${res.committees} 个政协组织 committees`);
        if (!res.broken.length) {
          console.log('审计链完整 / audit chain intact');
          return;
        }
        const ids = [...new Set(res.broken.map((b) => b.committeeId))];
        const { rows } = await db.execute<{ id: string; code: string }>(sql`select id, code from committees where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
        const code = new Map(rows.map((r) => [r.id, r.code]));
        for (const b of res.broken) console.log(`  ${code.get(b.committeeId) ?? '?'} (${b.committeeId})  seq ${b.seq}: ${b.reason}`);
        console.log(`审计链已损坏：${res.broken.length} 处 / audit chain broken: ${res.broken.length} problem(s)`);
        process.exitCode = 1;
      }),
    );
}
