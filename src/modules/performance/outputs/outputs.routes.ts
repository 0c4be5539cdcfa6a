import { sendDownload } from '../../../platform/exports/download.js';
import { PDF_MIME } from '../../../platform/exports/pdf.js';
import { defineRoute } from '../../../platform/modules.js';
import { PerformancePermissions as P } from '../performance.policy.js';
import { getAssessment } from '../queries/assessments.js';
import { callerOf, idParams } from '../../../platform/http/route-kit.js';
import { tags, yearOr, yearQuery } from '../route-kit.js';
import { committeeName } from './outputs.repository.js';
import { reportCardFor, type ReportCard } from './report-card.js';
import { DOCX_MIME, reportCardDocx } from './report-card-docx.js';
import { reportCardPdf } from './report-card-pdf.js';
import { resultsXlsx, XLSX_MIME } from './results-xlsx.js';

const cardName = (c: ReportCard, ext: string) => ({ fileName: `${c.member.name}-${c.year}年度履职成绩单.${ext}`, asciiName: `report-card-${c.year}.${ext}` });
const card = '(a member: only their own — 403 for another member; staff and leaders: anyone in the committee)';

/** Outputs: the member's report card (履职成绩单) as data, Word and PDF; the committee's results as Excel. */
export const outputRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/members/:id/report-card', summary: `A member's report card of a year: points, grade, ranks, points by kind, quotas ${card}`, tags,
    access: { permission: P['performance.read'] }, params: idParams, querystring: yearQuery, resource: 'member',
    handler: (req, ctx) => reportCardFor(ctx.db, callerOf(ctx), req.params.id, yearOr(req.query.year)),
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/members/:id/report-card.docx', summary: `The report card as Word, with a chart of points by kind ${card}`, tags,
    access: { permission: P['performance.read'] }, params: idParams, querystring: yearQuery, resource: 'member',
    async handler(req, ctx, reply) {
      const c = await reportCardFor(ctx.db, callerOf(ctx), req.params.id, yearOr(req.query.year));
      return sendDownload(reply, await reportCardDocx(c), { mime: DOCX_MIME, ...cardName(c, 'docx') });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/members/:id/report-card.pdf', summary: `The report card as PDF, with a chart of points by kind ${card}`, tags,
    access: { permission: P['performance.read'] }, params: idParams, querystring: yearQuery, resource: 'member',
    async handler(req, ctx, reply) {
      const c = await reportCardFor(ctx.db, callerOf(ctx), req.params.id, yearOr(req.query.year));
      return sendDownload(reply, await reportCardPdf(c), { mime: PDF_MIME, ...cardName(c, 'pdf') });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/assessments/:id/results.xlsx', summary: 'One assessment run as Excel: every member with points per kind, grade, ranks, shortfalls, lists, allowance; and the summary', tags,
    access: { permission: P['performance.oversee'] }, params: idParams, resource: 'assessment',
    async handler(req, ctx, reply) {
      const [a, name] = await Promise.all([getAssessment(ctx.db, ctx.committeeId, req.params.id), committeeName(ctx.db, ctx.committeeId)]);
      return sendDownload(reply, await resultsXlsx(a, name), {
        mime: XLSX_MIME, fileName: `${a.year}年度履职考核结果-第${a.revision}版.xlsx`, asciiName: `assessment-${a.year}-r${a.revision}.xlsx`,
      });
    },
  }),
];
