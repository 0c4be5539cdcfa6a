import readline from 'node:readline';
import type { Command } from 'commander';
import { withDatabase } from '../../platform/cli-kit.js';
import type { Database } from '../../platform/db/database.js';
import { committeeIdByCode } from '../org/index.js';
import { suggestUnitsFor } from './queries/suggest-units.js';

type WithDatabase = <T>(command: string, fn: (db: Database) => Promise<T>) => Promise<T>;

export interface CliDeps {
  withDatabase: WithDatabase;
  out: (line: string) => void;
  stdin: () => AsyncIterable<string>;
}

const defaults: CliDeps = {
  withDatabase: (command, fn) => withDatabase(command, (db) => fn(db)),
  out: (line) => console.log(line),
  stdin: () => readline.createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

/**
 * `xieshang proposals suggest-units --committee CODE "<title and text>"` prints the top 3 units
 * with scores; `--json` prints [{"unit": "<name>", "score": n}, …]; `--stdin` reads one text per
 * line and prints one JSON array per line.
 */
export function register(program: Command, deps: CliDeps = defaults) {
  const proposals = program.command('proposals').description('提案 / proposals');
  proposals
    .command('suggest-units [text]')
    .description('推荐承办单位（按职能与历史交办）/ suggest handling units for a proposal text')
    .requiredOption('--committee <code>', '政协代码 / committee code')
    .option('--json', '输出 JSON / print JSON', false)
    .option('--stdin', '每行一条文本，每行输出一个 JSON 数组 / one text per line in, one JSON array per line out', false)
    .option('--limit <n>', '数量 / how many', '3')
    .action((text: string | undefined, o: { committee: string; json: boolean; stdin: boolean; limit: string }) =>
      deps.withDatabase('xieshang proposals suggest-units', async ({ db }) => {
        const committeeId = await committeeIdByCode(db, o.committee);
        const limit = Math.max(1, Math.min(10, Number(o.limit) || 3));
        const suggest = async (t: string) =>
          (await suggestUnitsFor(db, committeeId, t, { limit })).map((s) => ({ unit: s.name, score: s.score }));
        if (o.stdin) {
          for await (const line of deps.stdin()) {
            if (line.trim()) deps.out(JSON.stringify(await suggest(line)));
          }
          return;
        }
        if (!text?.trim()) throw new Error('请给出提案标题和正文，或使用 --stdin / give the text, or use --stdin');
        const ranked = await suggest(text);
        if (o.json) deps.out(JSON.stringify(ranked));
        else if (!ranked.length) deps.out('没有可推荐的承办单位（请先维护承办单位及其职能）');
        else ranked.forEach((r, i) => deps.out(`${i + 1}. ${r.unit}\t${r.score.toFixed(3)}`));
      }),
    );
}
