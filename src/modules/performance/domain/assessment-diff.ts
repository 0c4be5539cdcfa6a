import type { AssessmentRow, AssessmentSummary } from './assessment.js';

type Comparable = Pick<AssessmentRow, 'memberId' | 'points' | 'grade' | 'rank' | 'commended' | 'warned' | 'allowanceYuan' | 'recordIds'>;

export interface MemberChange {
  memberId: string;
  before: Omit<Comparable, 'memberId' | 'recordIds'> | null;
  after: Omit<Comparable, 'memberId' | 'recordIds'> | null;
  recordsAdded: string[];
  recordsRemoved: string[];
}

const view = (r: Comparable) => ({ points: r.points, grade: r.grade, rank: r.rank, commended: r.commended, warned: r.warned, allowanceYuan: r.allowanceYuan });
const same = (a: Comparable, b: Comparable) =>
  JSON.stringify(view(a)) === JSON.stringify(view(b)) && [...a.recordIds].sort().join() === [...b.recordIds].sort().join();

/** The members whose result or record snapshot differs between two runs. */
export function assessmentChanges(before: Comparable[], after: Comparable[], summary: AssessmentSummary): { summary: AssessmentSummary; changed: MemberChange[] } {
  const prev = new Map(before.map((r) => [r.memberId, r]));
  const next = new Map(after.map((r) => [r.memberId, r]));
  const changed: MemberChange[] = [];
  for (const id of new Set([...prev.keys(), ...next.keys()])) {
    const a = prev.get(id);
    const b = next.get(id);
    if (a && b && same(a, b)) continue;
    const was = new Set(a?.recordIds ?? []);
    const now = new Set(b?.recordIds ?? []);
    changed.push({
      memberId: id, before: a ? view(a) : null, after: b ? view(b) : null,
      recordsAdded: [...now].filter((x) => !was.has(x)), recordsRemoved: [...was].filter((x) => !now.has(x)),
    });
  }
  return { summary, changed };
}
