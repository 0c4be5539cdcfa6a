import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/modules/proposals/cli.js';
import { testDatabase } from '../support/db.js';
import { proposalWorld } from './support.js';

describe('xieshang proposals suggest-units', () => {
  it('prints the top 3 with scores, JSON with --json, one JSON array per line with --stdin', async () => {
    const w = await proposalWorld();
    const run = async (args: string[], lines: string[] = []) => {
      const out: string[] = [];
      const program = new Command().exitOverride();
      register(program, {
        withDatabase: (_cmd, fn) => fn(testDatabase()),
        out: (l) => out.push(l),
        stdin: async function* () {
          yield* lines;
        },
      });
      await program.parseAsync(['node', 'xieshang', 'proposals', 'suggest-units', '--committee', w.committee.code, ...args]);
      return out;
    };
    const text = '关于提升农村互助老人幸福院运营水平的建议 不少幸福院缺少运营经费和服务人员，建议落实运营补贴，提供助餐服务';
    const plain = await run([text]);
    expect(plain).toHaveLength(3);
    expect(plain[0]).toMatch(/^1\. 市民政局\t0\.\d{3}$/);
    const json = JSON.parse((await run(['--json', text]))[0]);
    expect(json).toHaveLength(3);
    expect(json[0]).toEqual({ unit: '市民政局', score: expect.any(Number) });
    expect(Object.keys(json[1])).toEqual(['unit', 'score']);
    const lines = await run(['--stdin'], ['关于缓解城区停车难问题的建议', '', '关于加强校园食品安全管理的建议']);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])[0].unit).toBe('市公安局');
    expect(JSON.parse(lines[1])[0].unit).toBe('市市场监督管理局');
  });
});
