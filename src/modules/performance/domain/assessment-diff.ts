import type { AssessmentRow, AssessmentSummary } from './assessment.js';

type Comparable = Pick<AssessmentRow, 'memberId' | 'points' | 'grade' | 'rank' | 'commended' | 'warned' | 'allowanceYuan'>;

export interface MemberChange {
  memberId: string;
  before: Omit<Comparable, 'memberId'> | null;
  after: Omit<Comparable, 'memberId'> | null;
  recordsAdded: string[];
  recordsRemoved: string[];
}

const view = (r: Comparable) => ({ points: r.points, grade: r.grade, rank: r.rank, commended: r.commended, warned: r.warned, allowanceYuan: r.allowanceYuan });

/**
 * The members whose result or counted records differ between two runs; `records` holds, per
 * member, the records the new run counts and the old did not (added) and the reverse (removed).
 */
export function assessmentChanges(
  before: Comparable[], after: Comparable[], summary: AssessmentSummary, records: ReadonlyMap<string, { added: string[]; removed: string[] }>,
): { summary: AssessmentSummary; changed: MemberChange[] } {
  const prev = new Map(before.map((r) => [r.memberId, r]));
  const next = new Map(after.map((r) => [r.memberId, r]));
  const changed: MemberChange[] = [];
  for (const id of new Set([...prev.keys(), ...next.keys(), ...records.keys()])) {
    const a = prev.get(id);
    const b = next.get(id);
    const rec = records.get(id);
    const moved = rec !== undefined && (rec.added.length > 0 || rec.removed.length > 0);
    if (a && b && !moved && JSON.stringify(view(a)) === JSON.stringify(view(b))) continue;
    if (!a && !b) continue; // records of someone assessed in neither run (no longer active)
    changed.push({ memberId: id, before: a ? view(a) : null, after: b ? view(b) : null, recordsAdded: rec?.added ?? [], recordsRemoved: rec?.removed ?? [] });
  }
  return { summary, changed };
}
