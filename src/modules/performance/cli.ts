import type { Command } from 'commander';
import { progressBar, systemActor, withDatabase } from '../../platform/cli-kit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { committeeIdByCode } from '../org/index.js';
import { latestAssessment } from './assessment.repository.js';
import { publishAssessment } from './commands/publish-assessment.js';
import { runAssessment } from './commands/run-assessment.js';
import type { AssessmentSummary } from './domain/assessment.js';
import type { Caller } from './performance.policy.js';
import { rulesById } from './queries/effective-rules.js';

type WithDatabase = <T>(command: string, fn: (db: Database) => Promise<T>) => Promise<T>;

export interface CliDeps {
  withDatabase: WithDatabase;
  out: (line: string) => void;
  progress: (label: string) => { update: (done: number, total: number) => void; stop: () => void };
}

const defaults: CliDeps = {
  withDatabase: (command, fn) => withDatabase(command, (db) => fn(db)),
  out: (line) => console.log(line),
  progress: progressBar,
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The summary the office reports, one fact a line. */
export function summaryLines(h: { year: number; revision: number; status: string; rulesName: string }, s: AssessmentSummary): string[] {
  const status = h.status === 'published' ? '已发布' : '草稿，未发布';
  return [
    `${h.year} 年度履职考核（第 ${h.revision} 版，${status}）`,
    `规则：${h.rulesName}`,
    `参评委员：${s.members} 人`,
    `档次：${s.byGrade.map((g) => `${g.label} ${g.count} 人`).join('，')}`,
    `90 分以上：${s.atLeast90} 人（${pct(s.shareAtLeast90)}）`,
    `通报表扬：${s.commended} 人`,
    `提醒谈话：${s.warned} 人（连续两年未达标 ${s.warnedAgain} 人）`,
    `完成履职指标：${s.quotasMet} 人`,
    `履职补贴：${s.allowance.members} 人，合计 ${s.allowance.totalYuan.toLocaleString('zh-CN')} 元`,
  ];
}

/**
 * `xieshang assess --committee CODE --year YYYY [--publish]` runs (or re-runs) the year's
 * assessment and prints the summary; with --publish it also publishes it. A year already
 * published is not recomputed: its summary is printed (corrections go through a revision).
 */
export function register(program: Command, deps: CliDeps = defaults) {
  program
    .command('assess')
    .description('年度履职考核 / run the annual duty assessment and print the summary')
    .requiredOption('--committee <code>', '政协代码 / committee code')
    .requiredOption('--year <yyyy>', '考核年度 / year')
    .option('--publish', '计算后发布（发布后结果和规则冻结）/ publish after computing', false)
    .action((o: { committee: string; year: string; publish: boolean }) =>
      deps.withDatabase('xieshang assess', async ({ db }) => {
        const year = Number(o.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error('--year 应为四位年份 / --year must be a year such as 2025');
        const committeeId = await committeeIdByCode(db, o.committee);
        const caller: Caller = { committeeId, actor: systemActor('assess'), grants: [], admin: true };
        const bar = deps.progress('计算中');
        let head: { id: string; year: number; revision: number; status: string; summary: AssessmentSummary };
        try {
          head = await runAssessment(db, caller, { year }, { onProgress: (done, total) => bar.update(done, total) });
          if (o.publish) head = await publishAssessment(db, caller, head.id);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'performance.assessment_published')) throw e;
          head = (await latestAssessment(db, committeeId, year))!;
          deps.out('该年度考核结果已发布，未重新计算（如需更正请发起修订）');
        } finally {
          bar.stop();
        }
        const latest = (await latestAssessment(db, committeeId, year))!;
        const rules = await rulesById(db, committeeId, latest.ruleSetId);
        for (const line of summaryLines({ ...head, rulesName: rules.name }, head.summary)) deps.out(line);
      }),
    );
}
