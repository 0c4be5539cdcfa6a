import { describe, expect, it } from 'vitest';
import { assess, type AssessedMember } from '../../src/modules/performance/domain/assessment.js';
import { scoreMember } from '../../src/modules/performance/domain/engine.js';
import { DEFAULT_GRADES, rulesSchema, type RulesInput } from '../../src/modules/performance/domain/rules.js';

/** Rules where each research record is worth 10 points, so a member's total is 10 × records. */
const rules = (over: Partial<RulesInput> = {}) => rulesSchema.parse({
  name: 't', groups: [{ key: 'all', label: '全部' }], items: [{ kind: 'research', group: 'all', points: 10 }], grades: DEFAULT_GRADES,
  quotas: [{ key: 'q', label: '一个一', roles: ['member'], requirements: [{ label: '一次调研', kinds: ['research'], min: 1 }] }], ...over,
});
const member = (r: ReturnType<typeof rules>, name: string, research: number, sectorId: string | null = 'A'): AssessedMember => ({
  memberId: name, name, sectorId, roles: ['member'],
  score: scoreMember(r, research ? [{ kind: 'research', count: research, units: research, role: null, memberCount: 1 }] : [], ['member']),
});

describe('the assessment lists (pure)', () => {
  it('ranks with ties (1, 2, 2, 4) in the committee and in each sector; commends all 优秀; warns below 60', () => {
    const r = rules();
    const { rows, summary } = assess(r, [
      member(r, '甲', 9), member(r, '乙', 8, 'B'), member(r, '丙', 8), member(r, '丁', 5, 'B'), member(r, '戊', 0, null),
    ], new Set());
    expect(rows.map((x) => [x.name, x.points, x.rank, x.sectorRank])).toEqual([
      ['甲', 90, 1, 1], ['丙', 80, 2, 2], ['乙', 80, 2, 1], ['丁', 50, 4, 2], ['戊', 0, 5, null],
    ]);
    expect(rows.filter((x) => x.commended).map((x) => x.name)).toEqual(['甲']);
    expect(rows.filter((x) => x.warned).map((x) => x.name)).toEqual(['丁', '戊']);
    expect(rows.find((x) => x.name === '戊')!.quotaShortfalls).toEqual([{ quota: '一个一', requirement: '一次调研', shortfall: 1 }]);
    expect(summary).toMatchObject({
      members: 5, atLeast90: 1, shareAtLeast90: 0.2, commended: 1, warned: 2, warnedAgain: 0, quotasMet: 4,
      allowance: { members: 3, totalYuan: 3600 },
    });
    expect(summary.byGrade.map((g) => [g.label, g.count])).toEqual([['优秀', 1], ['良好', 2], ['称职', 0], ['不称职', 2]]);
  });

  it('top N commendation keeps ties; bottom N warning; two years below the bar; allowance requiring quotas', () => {
    const r = rules({
      commendation: { mode: 'top_n', n: 2 }, warning: { below: 60, bottomN: 1 },
      allowance: { amountYuan: 1200, minPoints: 0, requireQuotas: true },
    });
    const { rows, summary } = assess(r, [member(r, '甲', 9), member(r, '乙', 8), member(r, '丙', 8), member(r, '丁', 7), member(r, '戊', 0)], new Set(['戊', '丁']));
    expect(rows.filter((x) => x.commended).map((x) => x.name)).toEqual(['甲', '丙', '乙']);
    expect(rows.filter((x) => x.warned).map((x) => x.name)).toEqual(['戊']);
    // 丁 was below the bar last year but is not this year; 戊 is both years.
    expect(rows.filter((x) => x.warnedAgain).map((x) => x.name)).toEqual(['戊']);
    expect(rows.filter((x) => x.allowanceYuan > 0).map((x) => x.name)).toEqual(['甲', '丙', '乙', '丁']);
    expect(summary.warnedAgain).toBe(1);
    // The bottom N shares its place: two members tied at the bottom are both warned.
    const tie = assess(r, [member(r, '甲', 9), member(r, '乙', 7), member(r, '丙', 7)], new Set());
    expect(tie.rows.filter((x) => x.warned).map((x) => x.name)).toEqual(['丙', '乙']);
  });

  it('an empty committee gives an empty, well-formed summary', () => {
    expect(assess(rules(), [], new Set()).summary).toMatchObject({ members: 0, shareAtLeast90: 0, allowance: { members: 0, totalYuan: 0 } });
  });
});
