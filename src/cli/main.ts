import { Command } from 'commander';
import { fail } from './context.js';
import * as server from './commands/server.js';
import * as users from './commands/users.js';
import * as members from './commands/members.js';
import * as maintenance from './commands/maintenance.js';
import * as jobs from './commands/jobs.js';
import * as proposals from '../modules/proposals/cli.js';
import * as assess from '../modules/performance/cli.js';

/** `npx xieshang …` — thin: parse arguments, call module commands, print. */
const program = new Command()
  .name('xieshang')
  .description('协商 Xieshang — 数字政协平台 / an open platform for CPPCC committees')
  .showHelpAfterError();

for (const m of [server, users, members, maintenance, jobs, proposals, assess]) m.register(program);

program.parseAsync(process.argv).catch(fail);
