import { describe, expect, it } from 'vitest';
import { gradeOf, scoreMember, shareOf, type DutyFact } from '../../src/modules/performance/domain/engine.js';
import type { CreditRole, DutyKind } from '../../src/modules/performance/domain/kinds.js';
import { PRESETS } from '../../src/modules/performance/domain/presets.js';
import { DEFAULT_GRADES, rulesSchema, type RulesInput } from '../../src/modules/performance/domain/rules.js';

/** A fact: `count` records of `kind` (units default to count), optionally a joint record's part. */
const f = (kind: DutyKind, count = 1, o: { units?: number; role?: CreditRole; of?: number } = {}): DutyFact => ({
  kind, count, units: o.units ?? count, role: o.role ?? null, memberCount: o.of ?? 1,
});
const kindPoints = (s: ReturnType<typeof scoreMember>) => Object.fromEntries(s.byKind.map((k) => [k.kind, k.points]));
const groupPoints = (s: ReturnType<typeof scoreMember>) => Object.fromEntries(s.byGroup.map((g) => [g.key, g.points]));

describe('preset 安庆 (100-point scale; groups meetings 40 / proposals 20 / info 15 / research 15 / other 10)', () => {
  const rules = PRESETS.anqing.rules;

  it('an ordinary member, by hand: 31 + 10 + 11 + 9 + 10 − 5 = 66 → 称职', () => {
    const s = scoreMember(rules, [
      f('plenary', 1, { units: 5 }), // 4 × 5 half-days = 20
      f('consultation', 2), // 3 × 2 = 6
      f('speech'), // 5 → meetings 31
      f('standing_meeting'), // for 常委 only: 0
      f('proposal', 1, { role: 'first' }), f('proposal_filed', 1, { role: 'first' }), // 5 + 3
      f('proposal', 1, { role: 'cosigner', of: 3 }), f('proposal_filed', 1, { role: 'cosigner', of: 3 }), // (5 + 3) × 0.25 = 2 → proposals 10
      f('social_info', 2), f('social_info_adopted'), // 6 + 5 = 11
      f('research', 2), f('inspection'), // 6 + 3 = 9
      f('training', 1, { units: 4 }), f('reading', 3), f('liaison'), // 8 + 3 + 2 = 13 → capped at 10
      f('absence_meeting'), // −5
    ], ['member']);
    expect(groupPoints(s)).toEqual({ meetings: 31, proposals: 10, info: 11, research: 9, other: 10 });
    expect(s.byGroup.find((g) => g.key === 'other')).toMatchObject({ raw: 13, capped: true });
    expect(s.byKind.find((k) => k.kind === 'standing_meeting')).toMatchObject({ points: 0, unscored: 'role' });
    expect(s.deductions).toEqual([{ kind: 'absence_meeting', label: '无故缺席其他会议', count: 1, points: 5 }]);
    expect(s.total).toBe(66);
    expect(s.grade).toEqual({ key: 'competent', label: '称职' });
    expect(s.quotas.map((q) => [q.key, q.met])).toEqual([['four_ones', true]]);
  });

  it('a 常委, by hand: every group at its cap except other (6) → 96 → 优秀, with 五个一', () => {
    const s = scoreMember(rules, [
      f('plenary', 1, { units: 5 }), f('standing_meeting', 3), f('speech', 2), f('annual_report'), // 20 + 12 + 10 + 5 = 47 → 40
      f('proposal', 1, { role: 'first', of: 3 }), f('proposal_filed', 1, { role: 'first', of: 3 }), f('proposal_key', 1, { role: 'first', of: 3 }), // (5+3+5) × 0.5 = 6.5
      f('proposal', 2, { role: 'first' }), f('proposal_filed', 2, { role: 'first' }), // 10 + 6 → proposals 22.5 → 20
      f('social_info', 5), f('social_info_adopted', 2), // 15 + 10 = 25 → 15
      f('research', 5), // 15
      f('service', 2), f('investment'), // 4 + 2 = 6
    ], ['member', 'standing']);
    expect(groupPoints(s)).toEqual({ meetings: 40, proposals: 20, info: 15, research: 15, other: 6 });
    expect(kindPoints(s).proposal).toBe(12.5);
    expect(s.total).toBe(96);
    expect(s.grade.label).toBe('优秀');
    expect(s.quotas.map((q) => [q.key, q.met])).toEqual([['five_ones', true]]);
  });
});

describe('preset 桐城 (meetings 50 / proposals 25 / activities 10 / info 15)', () => {
  const rules = PRESETS.tongcheng.rules;

  it('10 per proposal, +15 if filed; a joint proposal gives the first proposer half and splits the rest', () => {
    const joint = (role: CreditRole) => scoreMember(rules, [f('proposal', 1, { role, of: 3 }), f('proposal_filed', 1, { role, of: 3 })], ['member']);
    expect(joint('first').total).toBe(12.5); // 25 × 1/2
    expect(joint('cosigner').total).toBe(6.25); // 25 × 1/2 ÷ 2
    expect(scoreMember(rules, [f('proposal', 1, { role: 'first' }), f('proposal_filed', 1, { role: 'first' })], ['member']).total).toBe(25);
  });

  it('a member, by hand: 33 + 22.5 + 10 + 15 − 10 = 70.5 → 称职', () => {
    const s = scoreMember(rules, [
      f('plenary', 1, { units: 4 }), f('consultation', 2), f('other_meeting'), // 20 + 10 + 3 = 33
      f('proposal', 1, { role: 'first', of: 2 }), f('proposal_filed', 1, { role: 'first', of: 2 }), // 12.5
      f('proposal', 1, { role: 'first' }), // submitted, not filed: 10 → 22.5
      f('research', 3), f('liaison', 2), f('service'), // 6 + 4 + 2 = 12 → 10
      f('social_info'), f('social_info_adopted'), // 10 + 5 = 15
      f('absence_plenary'), // −10
    ], ['member']);
    expect(groupPoints(s)).toEqual({ meetings: 33, proposals: 22.5, activities: 10, info: 15 });
    expect(s.total).toBe(70.5);
    expect(s.grade.label).toBe('称职');
  });

  it('the proposals group is capped at 25 however many proposals', () => {
    const s = scoreMember(rules, [f('proposal', 4, { role: 'first' }), f('proposal_filed', 3, { role: 'first' })], ['member']);
    expect(s.byGroup.find((g) => g.key === 'proposals')).toMatchObject({ raw: 85, points: 25, capped: true });
  });
});

describe('preset 济南 (70 base + up to 50 bonus; unexcused plenary absence −30; 三个一)', () => {
  const rules = PRESETS.jinan.rules;
  const active = [
    f('plenary', 1, { units: 5 }), // attending earns no bonus, but counts for 三个一
    f('proposal', 1, { role: 'first' }), f('proposal_filed', 1, { role: 'first' }), // 5 + 5
    f('social_info', 2), f('social_info_adopted'), // 10 + 5
    f('research'), f('inspection'), f('speech'), f('leader_instruction'), // 3 + 3 + 5 + 10
  ];

  it('a member, by hand: 70 + 46 = 116, every 三个一 requirement met', () => {
    const s = scoreMember(rules, active, ['member']);
    expect(groupPoints(s)).toEqual({ bonus: 46 });
    expect(s.total).toBe(116);
    expect(s.grade.label).toBe('优秀');
    expect(s.quotas).toEqual([expect.objectContaining({ key: 'three_ones', met: true })]);
  });

  it('bonus capped at 50; an unexcused plenary absence costs 30: 70 + 50 − 30 = 90', () => {
    const s = scoreMember(rules, [...active, f('proposal_key', 1, { role: 'first' }), f('absence_plenary')], ['member', 'standing']);
    expect(s.byGroup[0]).toMatchObject({ raw: 56, points: 50, capped: true });
    expect(s.total).toBe(90);
  });

  it('absent from the plenary with nothing else: 40 → 不称职, with the 三个一 shortfalls', () => {
    const s = scoreMember(rules, [f('absence_plenary')], ['member']);
    expect(s.total).toBe(40);
    expect(s.grade.label).toBe('不称职');
    expect(s.quotas[0].requirements.map((r) => [r.label, r.shortfall])).toEqual([
      ['出席全体会议', 1], ['提交一件提案或社情民意信息', 1], ['参加一次视察或调研', 1],
    ]);
  });
});

const custom = (over: Partial<RulesInput>) => rulesSchema.parse({
  name: 'test', groups: [{ key: 'all', label: '全部', cap: null }], items: [], grades: DEFAULT_GRADES, ...over,
});

describe('caps, deductions, splits, grades, quotas', () => {
  it('caps a kind, then its group, and never goes below 0 or above maxTotal', () => {
    const rules = custom({
      maxTotal: 100,
      groups: [{ key: 'all', label: '全部', cap: 30 }],
      items: [{ kind: 'social_info', group: 'all', points: 10, cap: 15 }, { kind: 'research', group: 'all', points: 10 }],
      deductions: [{ kind: 'absence_meeting', points: 10, cap: 20 }],
    });
    const s = scoreMember(rules, [f('social_info', 3), f('research', 2)], ['member']);
    expect(s.byKind.find((k) => k.kind === 'social_info')).toMatchObject({ raw: 30, points: 15, capped: true });
    expect(s.byGroup[0]).toMatchObject({ raw: 35, points: 30, capped: true });
    expect(s.total).toBe(30);
    const d = scoreMember(rules, [f('research'), f('absence_meeting', 3)], ['member']);
    expect(d.deductions[0]).toMatchObject({ count: 3, points: 20 }); // 30 capped at 20
    expect(d.total).toBe(0); // 10 − 20, not negative
    const big = scoreMember(custom({ maxTotal: 100, items: [{ kind: 'research', group: 'all', points: 60 }] }), [f('research', 2)], ['member']);
    expect(big.total).toBe(100);
  });

  it('scores per half-day from units and per item / per time from the count', () => {
    const rules = custom({ items: [{ kind: 'training', group: 'all', points: 2, per: 'half_day' }, { kind: 'reading', group: 'all', points: 1, per: 'time' }] });
    expect(scoreMember(rules, [f('training', 2, { units: 7 }), f('reading', 3)], ['member']).total).toBe(17);
  });

  it('splits joint records by the configured mode', () => {
    expect(shareOf({ mode: 'first_share', firstShare: 0.5 }, 'first', 1)).toBe(1);
    expect(shareOf({ mode: 'first_share', firstShare: 0.6 }, 'first', 3)).toBe(0.6);
    expect(shareOf({ mode: 'first_share', firstShare: 0.6 }, 'cosigner', 3)).toBeCloseTo(0.2);
    expect(shareOf({ mode: 'equal' }, 'first', 4)).toBe(0.25);
    expect(shareOf({ mode: 'full' }, 'cosigner', 4)).toBe(1);
    // 闵行: lead author 15, contributor 3.
    const minhang = custom({ items: [{ kind: 'proposal', group: 'all', points: 15, joint: true }], jointSplit: { mode: 'by_role', first: 1, cosigner: 0.2 } });
    expect(scoreMember(minhang, [f('proposal', 1, { role: 'first', of: 4 })], ['member']).total).toBe(15);
    expect(scoreMember(minhang, [f('proposal', 1, { role: 'cosigner', of: 4 })], ['member']).total).toBe(3);
    // Non-joint kinds are never split.
    const plain = custom({ items: [{ kind: 'research', group: 'all', points: 4 }] });
    expect(scoreMember(plain, [f('research', 1, { role: 'participant', of: 4 })], ['member']).total).toBe(4);
  });

  it('grade bands: 优秀 ≥ 90, 良好 80–89, 称职 60–79, 不称职 < 60', () => {
    const cases: [number, string][] = [[100, '优秀'], [90, '优秀'], [89.99, '良好'], [80, '良好'], [79.5, '称职'], [60, '称职'], [59.99, '不称职'], [0, '不称职']];
    expect(cases.map(([t]) => gradeOf(DEFAULT_GRADES, t).label)).toEqual(cases.map(([, l]) => l));
    const two = [{ key: 'pass', label: '合格', min: 70 }, { key: 'fail', label: '不合格', min: 10 }];
    expect(gradeOf(two, 5).label).toBe('不合格'); // below every band: the lowest
  });

  it('holds a member to the quotas of their primary role only', () => {
    const rules = PRESETS.anqing.rules;
    const facts = [f('proposal'), f('social_info'), f('research'), f('speech')];
    expect(scoreMember(rules, facts, ['member']).quotas.map((q) => [q.key, q.met])).toEqual([['four_ones', true]]);
    const standing = scoreMember(rules, facts, ['member', 'standing']).quotas;
    expect(standing.map((q) => [q.key, q.met])).toEqual([['five_ones', false]]);
    expect(standing[0].requirements.filter((r) => !r.met).map((r) => r.label)).toEqual(['提交一份年度述职报告']);
  });

  it('records of a kind without a rule are listed but earn nothing', () => {
    const s = scoreMember(custom({ items: [] }), [f('other', 2)], ['member']);
    expect(s.byKind).toEqual([expect.objectContaining({ kind: 'other', count: 2, points: 0, unscored: 'no_rule' })]);
    expect(s.total).toBe(0);
  });

  it('refuses inconsistent rules', () => {
    const bad = rulesSchema.safeParse({
      name: 'x', groups: [{ key: 'a', label: 'A' }], grades: DEFAULT_GRADES,
      items: [{ kind: 'research', group: 'b', points: 1 }, { kind: 'research', group: 'a', points: 1 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['items.0.group', 'items.1.kind']);
  });
});
