import type { Executor } from '../../../platform/db/unit-of-work.js';
import { STANDING_AND_ABOVE } from '../domain/kinds.js';
import { reportStatus } from '../report.repository.js';

/** Which standing-committee members have submitted the year's 述职 report, and who has not. */
export async function annualReportStatus(db: Executor, committeeId: string, year: number) {
  const rows = await reportStatus(db, committeeId, year, STANDING_AND_ABOVE);
  return {
    year,
    submitted: rows.filter((r) => r.reportId).map((r) => ({ memberId: r.memberId, name: r.name, reportId: r.reportId!, submittedAt: r.submittedAt!, updatedAt: r.updatedAt! })),
    missing: rows.filter((r) => !r.reportId).map((r) => ({ memberId: r.memberId, name: r.name })),
  };
}
