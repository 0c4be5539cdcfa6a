import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { STANDING_AND_ABOVE } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { membersForScoring } from '../record.repository.js';
import { findReport, reportStatus } from '../report.repository.js';

/** Which standing-committee members have submitted the year's 述职 report, and who has not. */
export async function annualReportStatus(db: Executor, committeeId: string, year: number) {
  const rows = await reportStatus(db, committeeId, year, STANDING_AND_ABOVE);
  const submitted = rows.filter((r) => r.reportId).map((r) => ({ memberId: r.memberId, name: r.name, reportId: r.reportId!, submittedAt: r.submittedAt!, updatedAt: r.updatedAt! }));
  return {
    year,
    /** 已提交 n / 应提交 m. */
    counts: { submitted: submitted.length, expected: rows.length },
    submitted,
    missing: rows.filter((r) => !r.reportId).map((r) => ({ memberId: r.memberId, name: r.name })),
  };
}

/** Whether a member with these roles owes a 述职 report (常委 and above). */
export const owesAnnualReport = (roles: readonly string[]) => roles.some((r) => (STANDING_AND_ABOVE as readonly string[]).includes(r));

/**
 * One member's 述职 report of a year, with the member (any status: a report outlives a
 * resignation) and whether they owe one. A member of another committee is not found (404).
 */
export async function annualReportOf(db: Executor, committeeId: string, memberId: string, year: number) {
  const [m] = await membersForScoring(db, committeeId, { memberId });
  if (!m) throw new AppError(PerformanceErrors['performance.member_not_found']);
  const report = (await findReport(db, committeeId, memberId, year)) ?? null;
  return { year, member: { id: m.id, name: m.name, sectorName: m.sectorName, roles: m.roles }, required: owesAnnualReport(m.roles), report };
}
