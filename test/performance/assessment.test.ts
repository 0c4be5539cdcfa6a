import { beforeAll, describe, expect, it } from 'vitest';
import {
  annualReportStatus, closeActivity, createActivity, getAssessment, getMemberStanding, markAttendance, publishAssessment,
  reviseAssessment, runAssessment, saveRules, submitAnnualReport, listAssessmentRuns,
} from '../../src/modules/performance/index.js';
import type { DutyKind } from '../../src/modules/performance/domain/kinds.js';
import { findAssessment, latestAssessment as latestAssessmentRun, snapshotRecordIds } from '../../src/modules/performance/assessment.repository.js';
import { reportCardFor } from '../../src/modules/performance/outputs/report-card.js';
import { voidDutyRecord } from '../../src/modules/performance/commands/void-duty-record.js';
import { auditActions, failsWith, perfWorld, recordsOf, verified, type PerfWorld } from './support.js';

const REPORT = '一年来，本人认真履行政协常委职责，按时出席常委会议，参加专题协商和视察调研，围绕教育均衡发展提出意见建议，积极联系界别群众，反映社情民意。';

describe('the annual assessment: run (idempotent draft), publish (freeze), revise (new audited revision)', () => {
  let w: PerfWorld;
  const many = async (i: number, kind: DutyKind, n: number, on = '2025-06-01') => {
    for (let k = 0; k < n; k++) await verified(w, i, { kind, occurredOn: on, title: `${kind} ${k + 1}` });
  };
  let draftId: string;

  beforeAll(async () => {
    w = await perfWorld();
    // 2024, under a simple rule: 10 points a research trip. Only 张明 clears the bar.
    await saveRules(w.db, w.staff, { year: 2024, rules: { name: '2024 简易规则', groups: [{ key: 'all', label: '全部' }], items: [{ kind: 'research', group: 'all', points: 10 }], grades: [{ key: 'pass', label: '合格', min: 60 }, { key: 'fail', label: '不合格', min: 0 }] } });
    await many(0, 'research', 7, '2024-05-01');
    await publishAssessment(w.db, w.staff, (await runAssessment(w.db, w.staff, { year: 2024 })).id);

    // 2025 under 安庆. The plenary: 张明, 李华, 王芳, 陈静 attend; 刘洋 is excused; 赵强 is absent without leave.
    await saveRules(w.db, w.staff, { year: 2025, preset: 'anqing' });
    const plenary = await createActivity(w.db, w.staff, { type: 'plenary', title: '政协第五届委员会第四次会议', startsAt: '2025-01-10T09:00:00+08:00', halfDays: 5, inviteAll: true });
    await markAttendance(w.db, w.staff, plenary, {
      entries: [0, 1, 2, 5].map((i) => ({ memberId: w.members[i], status: 'attended' as const })).concat([{ memberId: w.members[4], status: 'excused', reason: '出国考察' } as never]),
    });
    await closeActivity(w.db, w.staff, plenary);
    // 张明: 20 + speech 4 × 5 → meetings 40; key + excellent 10; info 15; research 15; liaison 10 → 90.
    await many(0, 'speech', 4); await many(0, 'proposal_key', 1); await many(0, 'proposal_excellent', 1);
    await many(0, 'social_info', 5); await many(0, 'research', 5); await many(0, 'liaison', 5);
    // 李华: 20 + research 6 + social_info 3 → 29.
    await many(1, 'research', 2); await many(1, 'social_info', 1);
    // 王芳 (常委): 20 + standing meetings 20 (+ 述职 5) → 40; research 15; info 15; liaison 6 → 76.
    await many(2, 'standing_meeting', 5); await many(2, 'research', 5); await many(2, 'social_info', 5); await many(2, 'liaison', 3);
    await submitAnnualReport(w.db, w.member(2), { year: 2025, body: REPORT }, '2026-01-15');
    // 陈静: 20 + 20 → 40; key + excellent 10; research 15; info 15; liaison 4 → 84.
    await many(5, 'speech', 4); await many(5, 'proposal_key', 1); await many(5, 'proposal_excellent', 1);
    await many(5, 'research', 5); await many(5, 'social_info', 5); await many(5, 'liaison', 2);
  });

  it('computes points, grades, ranks in committee and sector, the lists and the allowance (hand-checked)', async () => {
    const run = await runAssessment(w.db, w.staff, { year: 2025 });
    draftId = run.id;
    expect(run).toMatchObject({ revision: 1, status: 'draft' });
    const a = await getAssessment(w.db, w.committeeId, run.id);
    expect(a.results.map((r) => [r.name, r.points, r.gradeLabel, r.rank, r.sectorRank, r.commended, r.warned, r.warnedAgain, r.allowanceYuan])).toEqual([
      ['张明', 90, '优秀', 1, 1, true, false, false, 1200],
      ['陈静', 84, '良好', 2, 1, false, false, false, 1200],
      ['王芳', 76, '称职', 3, 2, false, false, false, 1200],
      ['李华', 29, '不称职', 4, 2, false, true, true, 0],
      ['刘洋', 0, '不称职', 5, 3, false, true, true, 0],
      ['赵强', 0, '不称职', 5, 3, false, true, true, 0],
    ]);
    expect(a.summary).toMatchObject({
      members: 6, atLeast90: 1, shareAtLeast90: 0.1667, commended: 1, warned: 3, warnedAgain: 3, allowance: { members: 3, totalYuan: 3600 },
    });
    expect(a.summary.byGrade.map((g) => g.count)).toEqual([1, 1, 1, 3]);
    const wang = a.results.find((r) => r.name === '王芳')!;
    expect(wang.quotaShortfalls.map((s) => s.requirement)).toEqual(['提交一件提案', '参加一次协商活动或大会发言']); // 述职 counted
    const zhao = a.results.find((r) => r.name === '赵强')!;
    expect(zhao.byKind).toEqual([]); // deductions are not kinds
    // The snapshot: exactly the member's verified records of the year.
    const zhang = a.results.find((r) => r.name === '张明')!;
    const mine = (await recordsOf(w.db, w.committeeId)).filter((r) => r.status === 'verified' && r.occurredOn.startsWith('2025') && r.members.some((m) => m.memberId === w.members[0]));
    const head = (await findAssessment(w.db, w.committeeId, draftId))!;
    expect(head.asOf).toBeTruthy();
    expect(await snapshotRecordIds(w.db, w.committeeId, head, zhang.memberId)).toEqual(mine.map((r) => r.id).sort());
    expect(mine).toHaveLength(22);
  });

  it('re-running before publication recomputes the same draft: same id, same results', async () => {
    const before = await getAssessment(w.db, w.committeeId, draftId);
    const again = await runAssessment(w.db, w.staff, { year: 2025 });
    expect(again.id).toBe(draftId);
    const after = await getAssessment(w.db, w.committeeId, draftId);
    expect(after.results).toEqual(before.results);
    expect(after.summary).toEqual(before.summary);
    expect((await auditActions(w.db, w.committeeId, draftId)).at(-1)).toMatchObject({ action: 'assessment.recomputed', after: { changed: [] } });
    // A record verified since shows up in the next run, and the audit names the change.
    const late = await verified(w, 1, { kind: 'research', occurredOn: '2025-11-20', title: '补充调研' });
    await runAssessment(w.db, w.staff, { year: 2025 });
    const li = (await getAssessment(w.db, w.committeeId, draftId)).results.find((r) => r.name === '李华')!;
    expect(li.points).toBe(32);
    const audit = (await auditActions(w.db, w.committeeId, draftId)).at(-1)!;
    expect(audit.after.changed).toEqual([expect.objectContaining({ memberId: w.members[1], recordsAdded: [late], before: expect.objectContaining({ points: 29 }), after: expect.objectContaining({ points: 32 }) })]);
  });

  it('publishing freezes the result and the year’s rules', async () => {
    const pub = await publishAssessment(w.db, w.staff, draftId);
    expect(pub.status).toBe('published');
    await failsWith(saveRules(w.db, w.staff, { year: 2025, preset: 'jinan' }), 'performance.rules_frozen');
    await failsWith(runAssessment(w.db, w.staff, { year: 2025 }), 'performance.assessment_published');
    await failsWith(publishAssessment(w.db, w.staff, draftId), 'performance.assessment_not_draft');
    await saveRules(w.db, w.staff, { year: 2026, preset: 'jinan' }); // other years are not frozen
    const s = await getMemberStanding(w.db, w.committeeId, w.members[2], 2025);
    expect(s.published).toMatchObject({ assessmentId: draftId, revision: 1, points: 76, grade: 'competent', rank: 3 });
  });

  it('a correction after publication is a new revision under the frozen rules; the published one is never edited', async () => {
    await verified(w, 2, { kind: 'proposal_key', occurredOn: '2025-08-01', title: '重点提案（补录）' });
    expect((await getMemberStanding(w.db, w.committeeId, w.members[2], 2025)).total).toBe(81); // live
    await expect(reviseAssessment(w.db, w.staff, draftId, { reason: '短' })).rejects.toThrow(); // a revision needs a reason
    const rev = await reviseAssessment(w.db, w.staff, draftId, { reason: '补录王芳重点提案一件' });
    expect(rev).toMatchObject({ revision: 2, status: 'published', changed: 1 });
    const old = await getAssessment(w.db, w.committeeId, draftId);
    expect(old.status).toBe('superseded');
    expect(old.results.find((r) => r.name === '王芳')!.points).toBe(76);
    const now = await getAssessment(w.db, w.committeeId, rev.id);
    expect(now.results.find((r) => r.name === '王芳')).toMatchObject({ points: 81, gradeLabel: '良好', rank: 3 });
    expect(now.ruleSetId).toBe(old.ruleSetId);
    expect(now.reason).toBe('补录王芳重点提案一件');
    const audit = (await auditActions(w.db, w.committeeId, rev.id))[0];
    expect(audit).toMatchObject({ action: 'assessment.revised', before: { revision: 1 }, after: { revision: 2, reason: '补录王芳重点提案一件' } });
    expect(audit.after.changed.map((c: { memberId: string }) => c.memberId)).toEqual([w.members[2]]);
    await failsWith(reviseAssessment(w.db, w.staff, draftId, { reason: '再次更正旧版本' }), 'performance.assessment_not_latest');
    expect((await listAssessmentRuns(w.db, w.committeeId, 2025)).items.map((r) => [r.revision, r.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect((await getMemberStanding(w.db, w.committeeId, w.members[2], 2025)).published).toMatchObject({ revision: 2, points: 81 });
    // Each revision keeps its own snapshot: the late key proposal is in revision 2's records, not in revision 1's.
    const [h1, h2] = [(await findAssessment(w.db, w.committeeId, draftId))!, (await findAssessment(w.db, w.committeeId, rev.id))!];
    const [s1, s2] = [await snapshotRecordIds(w.db, w.committeeId, h1, w.members[2]), await snapshotRecordIds(w.db, w.committeeId, h2, w.members[2])];
    expect(s2.length).toBe(s1.length + 1);
    expect(s2).toEqual(expect.arrayContaining(s1));
  });

  it('a snapshot does not move when records change afterwards: a record voided after it stays in it; a revision drops it and names it', async () => {
    const head = (await latestAssessmentRun(w.db, w.committeeId, 2025))!;
    const card = async () => (await reportCardFor(w.db, w.staff, w.members[0], 2025));
    const before = await snapshotRecordIds(w.db, w.committeeId, head, w.members[0]);
    const cardBefore = await card();
    const victim = before[0];
    await voidDutyRecord(w.db, w.staff, victim, { reason: '重复录入（与另一条调研记录相同）' });
    expect(await snapshotRecordIds(w.db, w.committeeId, head, w.members[0])).toEqual(before); // the published run still shows what it counted
    expect((await card()).byKind).toEqual(cardBefore.byKind);
    expect((await getMemberStanding(w.db, w.committeeId, w.members[0], 2025)).total).toBeLessThan(cardBefore.total); // live drops
    // A revision now removes it and names it in the audit row.
    const rev = await reviseAssessment(w.db, w.staff, head.id, { reason: '作废重复录入的调研记录' });
    const audit = (await auditActions(w.db, w.committeeId, rev.id))[0];
    // The member's entry names the record; others may appear only because their rank moved with
    // the member's points (which record is voided depends on the ids, so how far the points fall
    // varies from run to run), and then with no records of theirs added or removed.
    const changed = audit.after.changed as { memberId: string; recordsAdded: string[]; recordsRemoved: string[] }[];
    expect(changed.find((c) => c.memberId === w.members[0])).toEqual(expect.objectContaining({ recordsRemoved: [victim], recordsAdded: [] }));
    for (const c of changed.filter((x) => x.memberId !== w.members[0])) expect([c.recordsAdded, c.recordsRemoved]).toEqual([[], []]);
    const h3 = (await findAssessment(w.db, w.committeeId, rev.id))!;
    expect(await snapshotRecordIds(w.db, w.committeeId, h3, w.members[0])).toEqual(before.filter((x) => x !== victim));
    expect(await snapshotRecordIds(w.db, w.committeeId, head, w.members[0])).toEqual(before); // and the superseded one keeps its own
  });

  it('常委年度述职: only standing members submit; staff see who has not', async () => {
    await failsWith(submitAnnualReport(w.db, w.member(0), { year: 2025, body: REPORT }, '2026-01-15'), 'performance.report_not_required');
    await failsWith(submitAnnualReport(w.db, w.member(2), { year: 2023, body: REPORT }, '2026-01-15'), 'performance.year_invalid');
    const status = await annualReportStatus(w.db, w.committeeId, 2025);
    expect(status.submitted.map((s) => s.name)).toEqual(['王芳']);
    expect(status.missing.map((s) => s.name)).toEqual(['刘洋']);
    // Revising the text does not add a second record.
    await submitAnnualReport(w.db, w.member(2), { year: 2025, body: REPORT + '（修订）' }, '2026-01-20');
    expect((await recordsOf(w.db, w.committeeId, { kind: 'annual_report' })).map((r) => [r.occurredOn, r.status])).toEqual([['2025-12-31', 'verified']]);
  });
});
