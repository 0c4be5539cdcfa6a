import { defineRoute } from '../../platform/modules.js';
import { publishAssessment } from './commands/publish-assessment.js';
import { replayEvents } from './commands/replay-events.js';
import { reviseAssessment } from './commands/revise-assessment.js';
import { runAssessment } from './commands/run-assessment.js';
import { submitAnnualReport } from './commands/submit-annual-report.js';
import { annualReportInput, assessInput, replayInput, reviseInput } from './contracts.js';
import { ownMemberId, PerformancePermissions as P } from './performance.policy.js';
import { annualReportStatus } from './queries/annual-reports.js';
import { getAssessment, listAssessmentRuns } from './queries/assessments.js';
import { findReport } from './report.repository.js';
import { callerOf, idOf, idParams, tags, yearOr, yearQuery } from './route-kit.js';

const REPORT = '一年来，本人认真履行政协委员职责，按时出席全体会议和常委会议，围绕乡村振兴、教育均衡等议题提交提案三件，参加专题协商两次，深入县区开展调研视察，积极反映社情民意。';

/** 年度履职考核 (run, publish, revise), 常委年度述职, and the event replay. */
export const assessmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/assessments', summary: 'Assessment runs of a year (all revisions), newest first', tags,
    access: { permission: P['performance.oversee'] }, querystring: yearQuery,
    handler: (req, ctx) => listAssessmentRuns(ctx.db, ctx.committeeId, (req.query as { year?: number }).year),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments', summary: 'Run the year\'s assessment (a draft; running again before publication recomputes it)', tags,
    access: { permission: P['performance.assess'] }, body: assessInput, example: { body: { year: 2025 } },
    async handler(req, ctx) {
      const run = await runAssessment(ctx.db, callerOf(ctx), req.body as { year: number });
      return getAssessment(ctx.db, ctx.committeeId, run.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/assessments/:id', summary: 'One run: every member (points, grade, ranks, shortfalls), the commendation and warning lists', tags,
    access: { permission: P['performance.oversee'] }, params: idParams, resource: 'assessment',
    handler: (req, ctx) => getAssessment(ctx.db, ctx.committeeId, idOf(req)),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments/:id/publish', summary: 'Publish the draft: the result is final and the year\'s rules freeze', tags,
    access: { permission: P['performance.assess'] }, params: idParams, resource: 'assessment',
    async handler(req, ctx) {
      await publishAssessment(ctx.db, callerOf(ctx), idOf(req));
      return getAssessment(ctx.db, ctx.committeeId, idOf(req));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/assessments/:id/revise', summary: 'Correct a published result: a new audited revision under the frozen rules', tags,
    access: { permission: P['performance.assess'] }, params: idParams, resource: 'assessment', body: reviseInput,
    example: { body: { reason: '补录一条经核实的调研记录' } },
    async handler(req, ctx) {
      const rev = await reviseAssessment(ctx.db, callerOf(ctx), idOf(req), req.body as { reason: string });
      return getAssessment(ctx.db, ctx.committeeId, rev.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-report', summary: "The caller's own 述职 report of a year, if submitted", tags,
    access: { permission: P['performance.participate'] }, querystring: yearQuery,
    handler: async (req, ctx) => ({ report: (await findReport(ctx.db, ctx.committeeId, ownMemberId(callerOf(ctx)), yearOr(req))) ?? null }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/performance/annual-report', summary: 'Submit or revise the annual duty report (常委年度述职); counts toward 五个一', tags,
    access: { permission: P['performance.participate'] }, body: annualReportInput, example: { body: { year: 2026, body: REPORT } },
    handler: async (req, ctx) => ({ report: await submitAnnualReport(ctx.db, callerOf(ctx), req.body as { year: number; body: string }) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/annual-reports', summary: 'Which standing-committee members have submitted the year\'s report, and who has not', tags,
    access: { permission: P['performance.oversee'] }, querystring: yearQuery,
    handler: (req, ctx) => annualReportStatus(ctx.db, ctx.committeeId, yearOr(req)),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/replay', summary: 'Rebuild automatic duty records from the events stored since a date (idempotent)', tags,
    access: { permission: P['performance.assess'] }, body: replayInput, example: { body: { since: '2026-01-01' } },
    handler: (req, ctx) => replayEvents(ctx.db, ctx.committeeId, (req.body as { since: string }).since),
  }),
];
