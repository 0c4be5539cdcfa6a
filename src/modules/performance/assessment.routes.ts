import { sendDownload } from '../../platform/exports/download.js';
import { defineRoute } from '../../platform/modules.js';
import { annualReportsXlsx } from './annual-reports-xlsx.js';
import { publishAssessment } from './commands/publish-assessment.js';
import { reviseAssessment } from './commands/revise-assessment.js';
import { runAssessment } from './commands/run-assessment.js';
import { submitAnnualReport } from './commands/submit-annual-report.js';
import { annualReportInput, assessInput, reviseInput } from './contracts.js';
import { committeeName } from './outputs/outputs.repository.js';
import { XLSX_MIME } from './outputs/results-xlsx.js';
import { ownMemberId, PerformancePermissions as P } from './performance.policy.js';
import { annualReportOf, annualReportStatus } from './queries/annual-reports.js';
import { getAssessment, listAssessmentRuns } from './queries/assessments.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { tags, yearOr, yearQuery } from './route-kit.js';

const REPORT = '一年来，本人认真履行政协委员职责，按时出席全体会议和常委会议，围绕乡村振兴、教育均衡等议题提交提案三件，参加专题协商两次，深入县区开展调研视察，积极反映社情民意。';

/** 年度履职考核 (run, publish, revise), and 常委年度述职. */
export const assessmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/assessments', summary: 'Assessment runs of a year (all revisions), newest first', tags,
    access: { permission: P['performance.oversee'] }, querystring: yearQuery,
    handler: (req, ctx) => listAssessmentRuns(ctx.db, ctx.committeeId, req.query.year),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments', summary: 'Run the year\'s assessment (a draft; running again before publication recomputes it)', tags,
    access: { permission: P['performance.assess'] }, body: assessInput, example: { body: { year: 2025 } },
    async handler(req, ctx) {
      const run = await runAssessment(ctx.db, callerOf(ctx), req.body);
      return getAssessment(ctx.db, ctx.committeeId, run.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/assessments/:id', summary: 'One run: every member (points, grade, ranks, shortfalls), the commendation and warning lists', tags,
    access: { permission: P['performance.oversee'] }, params: idParams, resource: 'assessment',
    handler: (req, ctx) => getAssessment(ctx.db, ctx.committeeId, req.params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments/:id/publish', summary: 'Publish the draft: the result is final and the year\'s rules freeze', tags,
    access: { permission: P['performance.assess'] }, params: idParams, resource: 'assessment',
    async handler(req, ctx) {
      await publishAssessment(ctx.db, callerOf(ctx), req.params.id);
      return getAssessment(ctx.db, ctx.committeeId, req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments/:id/revise', summary: 'Correct a published result: a new audited revision under the frozen rules', tags,
    access: { permission: P['performance.assess'] }, params: idParams, resource: 'assessment', body: reviseInput,
    example: { body: { reason: '补录一条经核实的调研记录' } },
    async handler(req, ctx) {
      const rev = await reviseAssessment(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getAssessment(ctx.db, ctx.committeeId, rev.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-report', summary: "The caller's own 述职 report of a year (null until submitted), with its files and whether the caller owes one (常委 and above)", tags,
    access: { permission: P['performance.participate'] }, querystring: yearQuery,
    handler: (req, ctx) => annualReportOf(ctx.db, ctx.committeeId, ownMemberId(callerOf(ctx)), yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'PUT', url: '/api/performance/annual-report', summary: 'Submit or revise the annual duty report (常委年度述职); counts toward 五个一', tags,
    access: { permission: P['performance.participate'] }, body: annualReportInput, example: { body: { year: 2026, body: REPORT } },
    handler: async (req, ctx) => ({ report: await submitAnnualReport(ctx.db, callerOf(ctx), req.body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-reports', summary: 'Which standing-committee members have submitted the year\'s report, and who has not', tags,
    access: { permission: P['performance.oversee'] }, querystring: yearQuery,
    handler: (req, ctx) => annualReportStatus(ctx.db, ctx.committeeId, yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-reports.xlsx', summary: 'The year\'s 述职 submissions as Excel: every standing-committee member, submitted or not, and when', tags,
    access: { permission: P['performance.oversee'] }, querystring: yearQuery,
    async handler(req, ctx, reply) {
      const [s, name] = await Promise.all([annualReportStatus(ctx.db, ctx.committeeId, yearOr(req.query.year)), committeeName(ctx.db, ctx.committeeId)]);
      return sendDownload(reply, await annualReportsXlsx(s, name), { mime: XLSX_MIME, fileName: `${s.year}年度常委述职提交情况.xlsx`, asciiName: `annual-reports-${s.year}.xlsx` });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-reports/:id', summary: 'One member\'s 述职 report of a year (null until submitted) with its files, for staff and leaders; `:id` is the member', tags,
    access: { permission: P['performance.oversee'] }, params: idParams, querystring: yearQuery, resource: 'member',
    handler: (req, ctx) => annualReportOf(ctx.db, ctx.committeeId, req.params.id, yearOr(req.query.year)),
  }),
];
