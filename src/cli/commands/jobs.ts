import type { Command } from 'commander';
import { listFailedJobs, retryJob } from '../../platform/jobs.js';
import { withDatabase } from '../context.js';

const oneLine = (s: string | null, max = 160) => (s ?? '').replace(/\s+/g, ' ').slice(0, max);

export function register(program: Command) {
  const jobs = program.command('jobs').description('后台任务与事件投递 / background jobs and event deliveries');
  jobs
    .command('failed')
    .description('列出失败的任务（已放弃的在前，其后为等待重试的）/ list failed jobs (given up first, then those waiting for a retry)')
    .option('--given-up', '只列已放弃的 / only those that used up their attempts', false)
    .action((o: { givenUp: boolean }) =>
      withDatabase('xieshang jobs failed', async ({ db }) => {
        const rows = await listFailedJobs(db, { onlyGivenUp: o.givenUp });
        if (!rows.length) {
          console.log('没有失败的任务 / no failed jobs');
          return;
        }
        for (const j of rows) {
          const state = j.failed ? '已放弃 given up' : `等待重试 retry at ${j.runAt}`;
          console.log(`${j.id}\t${j.task}\t${j.attempts}/${j.maxAttempts}\t${state}\t${JSON.stringify(j.payload)}\t${oneLine(j.lastError)}`);
        }
        console.log(`共 ${rows.length} 个 / ${rows.length} jobs; 重试 / retry: xieshang jobs retry ID`);
      }),
    );
  jobs
    .command('retry <id>')
    .description('立即重试一个失败的任务（尝试次数清零）/ run a failed job again now, attempts reset')
    .action((id: string) =>
      withDatabase('xieshang jobs retry', async ({ db }) => {
        if (!(await retryJob(db, id))) {
          console.error(`没有编号为 ${id} 的任务 / no job with id ${id}`);
          process.exitCode = 1;
          return;
        }
        console.log(`已安排重试 / job ${id} will run again now`);
      }),
    );
}
