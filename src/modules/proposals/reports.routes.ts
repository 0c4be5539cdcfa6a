import { z } from 'zod';
import { defineRoute } from '../../platform/modules.js';
import { AppError } from '../../platform/errors.js';
import { listQuery } from './contracts.js';
import { findProposal, currentSession } from './proposal.repository.js';
import { ProposalPermissions as P } from './proposals.policy.js';
import { figuresWorkbook } from './exports/figures-xlsx.js';
import { sendBuiltDownload, sendDownload } from '../../platform/exports/download.js';
import { DOCX_MIME, XLSX_MIME } from './exports/labels.js';
import { writeProposalListXlsx } from './exports/list-xlsx.js';
import { loadProposalBook, proposalBookDocx } from './exports/proposal-book.js';
import { loadReplyLetter, replyLetterDocx } from './exports/reply-letter.js';
import { ReportErrors, ReportPermissions as R } from './exports/reports.policy.js';
import { figuresQuery, proposalFigures } from './queries/figures.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { chinaDate } from '../../platform/time.js';

const tags = ['proposals'];
const exportQuery = listQuery.omit({ page: true, pageSize: true });
const bookQuery = z.object({
  sessionId: z.uuid().optional(),
  withReplies: z.enum(['true', 'false']).optional(),
});

const day = () => chinaDate();

/** Figures (提案统计), the reply letter (答复函), the session's book (提案汇编) and spreadsheet exports. */
export const reportRoutes = [
  defineRoute({
    method: 'GET', url: '/api/proposals/figures.xlsx', summary: 'The figures as an .xlsx workbook (summary, units, sectors, categories, months)',
    tags, access: { permission: R['proposals.figures'] }, querystring: figuresQuery,
    async handler(req, ctx, reply) {
      const f = await proposalFigures(ctx.db, ctx.committeeId, req.query);
      const buffer = await figuresWorkbook(f, ctx.principal?.displayName ?? '');
      const scope = f.scope.sessionName ?? (f.scope.year ? `${f.scope.year}年` : '');
      return sendDownload(reply, buffer, { mime: XLSX_MIME, fileName: `${['提案统计', scope, day()].filter(Boolean).join('-')}.xlsx`, asciiName: `proposal-figures-${day()}.xlsx` });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/export.xlsx',
    summary: 'The proposal list as .xlsx: the same filters and visibility as GET /api/proposals (a clerk gets its unit\'s), streamed',
    tags, access: { permission: P['proposals.read'] }, querystring: exportQuery,
    async handler(req, ctx, reply) {
      // Written page by page to a temporary file and sent when complete: never a 200 with half a workbook.
      return sendBuiltDownload(reply, (out) => writeProposalListXlsx(ctx.db, callerOf(ctx), req.query, out),
        { mime: XLSX_MIME, fileName: `提案列表-${day()}.xlsx`, asciiName: `proposals-${day()}.xlsx` });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/book.docx',
    summary: '提案汇编 of a session (default: the current one) as .docx: cover, contents, every filed proposal; withReplies=true adds the replies',
    tags, access: { permission: R['proposals.book'] }, querystring: bookQuery,
    async handler(req, ctx, reply) {
      const q = req.query;
      const sessionId = q.sessionId ?? (await currentSession(ctx.db, ctx.committeeId)).session?.id;
      if (!sessionId) throw new AppError(ReportErrors['proposal_export.session_not_found']);
      const book = await loadProposalBook(ctx.db, ctx.committeeId, sessionId, { withReplies: q.withReplies === 'true' });
      const buffer = await proposalBookDocx(book);
      return sendDownload(reply, buffer, { mime: DOCX_MIME, fileName: `${book.session.name}提案汇编.docx`, asciiName: 'proposal-book.docx' });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/reply.docx',
    summary: 'The released reply as a formal letter (.docx, "关于市政协X届X次会议第N号提案的答复") for the proposers, the answering unit and staff',
    tags, access: { permission: P['proposals.read'] }, params: idParams, resource: 'proposal',
    querystring: z.object({ unitId: z.uuid().optional() }),
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      const letter = await loadReplyLetter(ctx.db, caller, id, req.query);
      const buffer = await replyLetterDocx(letter);
      const number = (await findProposal(ctx.db, ctx.committeeId, id))?.number ?? '';
      return sendDownload(reply, buffer, { mime: DOCX_MIME, fileName: `${letter.numberLabel ?? ''}提案答复（${letter.unitName}）.docx`, asciiName: `reply-${number}.docx` });
    },
  }),
];
