import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/modules/performance/cli.js';
import { testDatabase } from '../support/db.js';
import { perfWorld, verified } from './support.js';

describe('xieshang assess --committee CODE --year YYYY [--publish]', () => {
  it('runs, prints the summary, publishes, and does not recompute a published year', async () => {
    const w = await perfWorld();
    for (let k = 0; k < 4; k++) await verified(w, 0, { kind: 'research', occurredOn: '2025-04-01', title: `调研 ${k}` });
    const run = async (args: string[]) => {
      const out: string[] = [];
      const program = new Command().exitOverride();
      register(program, {
        withDatabase: (_cmd, fn) => fn(testDatabase()),
        out: (l) => out.push(l),
        progress: () => ({ update: () => {}, stop: () => {} }),
      });
      await program.parseAsync(['node', 'xieshang', 'assess', '--committee', w.committee.code, '--year', '2025', ...args]);
      return out;
    };
    expect(await run([])).toEqual([
      '2025 年度履职考核（第 1 版，草稿，未发布）',
      '规则：安庆市政协委员履职积分（百分制）',
      '参评委员：6 人',
      '档次：优秀 0 人，良好 0 人，称职 0 人，不称职 6 人',
      '90 分以上：0 人（0.0%）',
      '通报表扬：0 人',
      '提醒谈话：6 人（连续两年未达标 0 人）',
      '完成履职指标：0 人',
      '履职补贴：0 人，合计 0 元',
    ]);
    expect((await run(['--publish']))[0]).toBe('2025 年度履职考核（第 1 版，已发布）');
    const again = await run([]);
    expect(again[0]).toBe('该年度考核结果已发布，未重新计算（如需更正请发起修订）');
    expect(again[1]).toBe('2025 年度履职考核（第 1 版，已发布）');
  });
});
