import { claimAttachments, syncAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { annualReportInput, type AnnualReportInput } from '../contracts.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { primaryRole, STANDING_AND_ABOVE } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { ownMemberId, type Caller } from '../performance.policy.js';
import { activeMembers } from '../record.repository.js';
import { ANNUAL_REPORT_FILES, findReport, upsertReport } from '../report.repository.js';
import { recordAutomatically } from './credit.js';

export const ANNUAL_REPORT = 'annual_report';

/**
 * 常委年度述职: a standing-committee member (常委 and above) submits the year's written report,
 * for this year or the last. The first submission is a duty record (it counts toward 五个一);
 * later ones revise the text.
 */
export async function submitAnnualReport(
  db: Db, caller: Caller, raw: AnnualReportInput, today: string = chinaDate(),
) {
  const input = annualReportInput.parse(raw);
  const memberId = ownMemberId(caller);
  const { committeeId } = caller;
  const thisYear = yearOf(today);
  if (input.year < thisYear - 1 || input.year > thisYear) throw new AppError(PerformanceErrors['performance.year_invalid'], { min: thisYear - 1, max: thisYear });
  return transact(db, caller.actor, async (uow) => {
    const [member] = await activeMembers(uow.tx, committeeId, [memberId]);
    if (!member || !STANDING_AND_ABOVE.includes(primaryRole(member.roles))) throw new AppError(PerformanceErrors['performance.report_not_required']);
    const before = await findReport(uow.tx, committeeId, memberId, input.year, { lock: true });
    const saved = await upsertReport(uow.tx, committeeId, { memberId, year: input.year, body: input.body, attachments: input.attachments });
    // Files uploaded for the report join those it already has; those named in removeAttachmentIds
    // (which must be the report's own) are taken off and deleted.
    const owned = new Set(saved.files.map((f) => f.id));
    const stray = input.removeAttachmentIds.find((id) => !owned.has(id));
    if (stray) throw new AppError('attachments.not_found', { id: stray });
    const files = { committeeId, ownerKind: ANNUAL_REPORT_FILES, ownerId: saved.id, actorUserId: caller.actor.userId };
    const added = await claimAttachments(uow.tx, { ...files, ids: input.attachmentIds });
    const removed = saved.files.filter((f) => input.removeAttachmentIds.includes(f.id));
    if (removed.length) {
      const keep = [...saved.files.map((f) => f.id), ...input.attachmentIds].filter((id) => !input.removeAttachmentIds.includes(id));
      await syncAttachments(uow.tx, { ...files, ids: keep });
    }
    const report = (await findReport(uow.tx, committeeId, memberId, input.year))!;
    const yearEnd = `${input.year}-12-31`;
    await recordAutomatically(uow, committeeId, {
      kind: 'annual_report', occurredOn: today < yearEnd ? today : yearEnd, title: `${input.year} 年度常委履职述职报告`,
      members: [{ memberId, role: null }], sourceType: ANNUAL_REPORT, sourceRef: `${memberId}:${input.year}`,
    });
    await uow.audit({
      committeeId, action: before ? 'annual_report.updated' : 'annual_report.submitted', entity: 'annual_report', entityId: report.id,
      before: before ? { body: before.body, attachments: before.attachments } : null, after: { year: input.year, body: input.body, attachments: input.attachments, files: added.map((f) => ({ id: f.id, fileName: f.fileName })), removedFiles: removed.map((f) => ({ id: f.id, fileName: f.fileName })) },
    });
    await uow.emit({ type: 'performance.annual_report_submitted', committeeId, entityId: report.id, payload: { memberId, year: input.year, first: !before } });
    return report;
  });
}
