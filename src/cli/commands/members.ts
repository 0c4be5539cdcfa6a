import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { committeeIdByCode, MEMBER_STATUSES } from '../../modules/org/index.js';
import { exportMembersWorkbook, importMemberWorkbook, memberTemplateFor, type RowError } from '../../modules/org/members/member-import.js';
import { AppError } from '../../platform/errors.js';
import { progressBar, systemActor, withDatabase } from '../context.js';

/** Display width on a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Every row error as a table: 第N行 | 列 | 原因. */
export function formatRowErrors(errors: RowError[]): string {
  const rows = errors.map((e) => [`第${e.row}行`, e.column, e.reason]);
  const head = ['行', '列', '原因'];
  const w0 = Math.max(width(head[0]), ...rows.map((r) => width(r[0])));
  const w1 = Math.max(width(head[1]), ...rows.map((r) => width(r[1])));
  const line = (r: string[]) => `${pad(r[0], w0)}  ${pad(r[1], w1)}  ${r[2]}`;
  return [line(head), line(['-'.repeat(w0), '-'.repeat(w1), '-'.repeat(4)]), ...rows.map(line)].join('\n');
}

export function register(program: Command) {
  const members = program.command('members').description('委员名单导入导出 / import and export the member roster (.xlsx)');
  members
    .command('import <file>')
    .description('从 Excel 模板导入委员（整表导入：有任何错误则不导入）/ import members from an .xlsx file, all or nothing')
    .requiredOption('--committee <code>', '政协代码 / committee code')
    .action((file: string, o: { committee: string }) => {
      if (!fs.existsSync(file)) {
        console.error(`找不到文件 / no such file: ${file}`);
        process.exitCode = 1;
        return;
      }
      const buffer = fs.readFileSync(file);
      return withDatabase('xieshang members import', async ({ db }) => {
        const committeeId = await committeeIdByCode(db, o.committee);
        const bar = progressBar('导入委员');
        const started = Date.now();
        console.error(`正在读取 ${file} … / reading`);
        try {
          const { imported } = await importMemberWorkbook(db, systemActor('members import'), committeeId, buffer, {
            fileName: path.basename(file),
            onRead: (n) => console.error(`共 ${n} 行，正在校验并写入 … / ${n} rows, validating and writing`),
            progress: bar.update,
          });
          bar.stop();
          console.log(`已导入 ${imported} 位委员（${((Date.now() - started) / 1000).toFixed(1)} 秒）/ imported ${imported} members`);
        } catch (err) {
          bar.stop();
          const details = err instanceof AppError ? (err.details as { errors?: RowError[] } | undefined) : undefined;
          if (err instanceof AppError && err.code === 'import.has_errors' && details?.errors) {
            console.error(err.messageIn('zh'));
            console.error(formatRowErrors(details.errors));
            process.exitCode = 1;
            return;
          }
          if (err instanceof AppError && err.code === 'import.bad_file') {
            console.error(err.messageIn('zh'));
            process.exitCode = 1;
            return;
          }
          throw err;
        }
      });
    });
  members
    .command('template')
    .description('下载导入模板（含本政协的界别和专委会下拉列表）/ write the import template for a committee')
    .requiredOption('--committee <code>', '政协代码 / committee code')
    .option('--out <file>', '输出文件 / output file', '委员导入模板.xlsx')
    .action((o: { committee: string; out: string }) =>
      withDatabase('xieshang members template', async ({ db }) => {
        fs.writeFileSync(o.out, await memberTemplateFor(db, await committeeIdByCode(db, o.committee)));
        console.log(`已写入 / written: ${o.out}`);
      }),
    );
  members
    .command('export')
    .description('导出委员名单为 Excel（可再次导入）/ export the roster as .xlsx (importable again)')
    .requiredOption('--committee <code>', '政协代码 / committee code')
    .option('--out <file>', '输出文件 / output file (default members-CODE.xlsx)')
    .option('--q <text>', '按姓名或拼音首字母筛选 / filter by name or pinyin initials')
    .option('--status <status>', `按状态筛选 / filter by status: ${MEMBER_STATUSES.join(', ')}`)
    .action((o: { committee: string; out?: string; q?: string; status?: string }) =>
      withDatabase('xieshang members export', async ({ db }) => {
        if (o.status && !MEMBER_STATUSES.includes(o.status as never)) throw new Error(`未知状态 / unknown status: ${o.status}`);
        const committeeId = await committeeIdByCode(db, o.committee);
        const out = o.out ?? `members-${o.committee}.xlsx`;
        const { buffer, count } = await exportMembersWorkbook(db, systemActor('members export'), committeeId, {
          ...(o.q ? { q: o.q } : {}),
          ...(o.status ? { status: o.status as (typeof MEMBER_STATUSES)[number] } : {}),
        }, { includePrivate: true });
        fs.writeFileSync(out, buffer);
        console.log(`已导出 ${count} 位委员到 ${out} / exported ${count} members`);
      }),
    );
}
