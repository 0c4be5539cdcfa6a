import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoute, type RouteDef } from '../../../platform/modules.js';
import { AppError } from '../../../platform/errors.js';
import { sendDownload } from '../../../platform/exports/download.js';
import { OrgPermissions as P } from '../org.policy.js';
import { OrgErrors } from '../org.errors.js';
import { memberListQuery } from '../contracts.js';
import { exportMembersWorkbook, findImportJob, memberTemplateFor, startMemberImport } from './member-import.js';
import { XLSX_MIME } from './member-xlsx.js';
import { idParams } from '../../../platform/http/route-kit.js';

const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const exportQuery = memberListQuery.omit({ page: true, pageSize: true, sort: true, order: true });

const sendXlsx = (reply: FastifyReply, buffer: Buffer, fileName: string, asciiName: string) => sendDownload(reply, buffer, { mime: XLSX_MIME, fileName, asciiName });

async function uploadedFile(req: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!req.isMultipart()) throw new AppError(OrgErrors['import.bad_file'], { reason: '请以表单字段 file 上传 .xlsx 文件' });
  // An .xlsx of a few thousand members is well under 1 MB; the cap leaves room for pictures in it.
  const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError(OrgErrors['import.bad_file'], { reason: '请以表单字段 file 上传 .xlsx 文件' });
  }
  return { fileName: part.filename, buffer: await part.toBuffer() };
}

export const memberImportRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/members/import-template.xlsx', summary: 'The member import template (.xlsx) with this committee\'s sectors and special committees', tags: ['members'],
    access: { permission: P['org.members.import'] },
    async handler(_req, ctx, reply) {
      return sendXlsx(reply, await memberTemplateFor(ctx.db, ctx.committeeId), '委员导入模板.xlsx', 'member-import-template.xlsx');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/members/import',
    summary: 'Import members from an .xlsx file (field `file`), all or nothing; answers 202 {jobId} and runs in the background',
    tags: ['members'],
    access: { permission: P['org.members.import'] }, multipart: true,
    async handler(req, ctx, reply) {
      const file = await uploadedFile(req);
      const { jobId } = await startMemberImport(ctx.db, ctx.actor, ctx.committeeId, file, { lang: ctx.lang, log: req.log });
      reply.status(202);
      return { jobId };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/members/import/:id', summary: 'An import job: status, progress, and every row error when it failed', tags: ['members'],
    access: { permission: P['org.members.import'] }, params: idParams, resource: 'import_job',
    async handler(req, ctx) {
      const job = await findImportJob(ctx.db, ctx.committeeId, req.params.id, ctx.lang);
      if (!job) throw new AppError(OrgErrors['import.not_found']);
      const { id, status, total, processed, imported, errors, message, fileName, createdAt, finishedAt } = job;
      return { id, status, total, processed, imported, errors, message, fileName, createdAt, finishedAt };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/members/export.xlsx', summary: 'The roster as .xlsx (same filters as the member list; can be imported again)', tags: ['members'],
    access: { permission: P['org.members.export'] }, querystring: exportQuery,
    async handler(req, ctx, reply) {
      const filters = req.query;
      const { buffer } = await exportMembersWorkbook(ctx.db, ctx.actor, ctx.committeeId, filters, {
        includePrivate: ctx.can(P['org.members.read_private']),
      });
      const day = new Date().toISOString().slice(0, 10);
      return sendXlsx(reply, buffer, `委员名单-${day}.xlsx`, `members-${day}.xlsx`);
    },
  }),
];
