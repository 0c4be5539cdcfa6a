import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../platform/exports/download.js';
import { readAttachment, storeAttachment, type AttachmentMeta } from '../../platform/attachments.js';
import { transact } from '../../platform/db/unit-of-work.js';
import { AppError } from '../../platform/errors.js';
import { defineRoute, type RequestContext, type RouteDef } from '../../platform/modules.js';
import { attachmentMeta } from './contracts.js';
import { classifyFile, cleanFileName } from './file-types.js';
import { InboxErrors as E } from './inbox.errors.js';
import { InboxPermissions as P } from './inbox.policy.js';
import { idParams } from '../../platform/http/route-kit.js';

const tags = ['attachments'];
const readQuery = z.object({
  /** `1`: always as a download (Content-Disposition: attachment), also for pictures and PDF. */
  download: z.enum(['1', 'true', '0', 'false']).optional(),
});

/** Kinds a browser shows by itself; everything else is sent as a download. */
const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain; charset=utf-8']);

/** The platform's one Content-Disposition writer, re-exported where it was first written. */
export { contentDisposition };

async function receiveFile(req: FastifyRequest, maxBytes: number, maxMb: number): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError(E['attachments.no_file']);
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError(E['attachments.no_file']);
  }
  try {
    return { fileName: part.filename ?? '', content: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(E['attachments.too_large'], { maxMb });
    throw err;
  }
}

/** Stores one uploaded file for the caller: unowned until a command claims it, readable by its uploader meanwhile. */
export async function uploadAttachment(ctx: RequestContext, file: { fileName: string; content: Buffer }): Promise<AttachmentMeta> {
  const shownName = file.fileName.replace(/^.*[\\/]/, '') || 'file';
  if (file.content.length === 0) throw new AppError(E['attachments.empty'], { name: shownName });
  const c = classifyFile(file.fileName, file.content);
  if (!c.ok) throw new AppError(c.reason === 'mismatch' ? E['attachments.type_mismatch'] : E['attachments.unsupported_type'], { name: shownName });
  const fileName = cleanFileName(file.fileName, c.kind);
  return transact(ctx.db, ctx.actor, async (uow) => {
    const meta = await storeAttachment(uow.tx, { committeeId: ctx.committeeId, fileName, mime: c.kind.mime, content: file.content, uploadedBy: ctx.actor.userId });
    await uow.audit({ committeeId: ctx.committeeId, action: 'attachment.upload', entity: 'attachment', entityId: meta.id, after: { fileName, mime: meta.mime, size: meta.size } });
    return meta;
  });
}

export function attachmentRoutes(opts: { maxUploadMb: number }): RouteDef[] {
  const maxBytes = Math.floor(opts.maxUploadMb * 1024 * 1024);
  return [
    defineRoute({
      method: 'POST', url: '/api/attachments', tags, multipart: true,
      summary: `Upload one file (multipart field \`file\`, at most ${opts.maxUploadMb} MB): pictures (JPG/PNG/WebP/HEIC), PDF, Word, Excel or text, checked by content. `
        + 'Answers 201 with its metadata; pass its id to the command that uses it (the file stays visible to its uploader only until then, and is deleted after a day if unused)',
      access: { permission: P['attachments.upload'] },
      response: { 201: attachmentMeta },
      async handler(req, ctx, reply) {
        const meta = await uploadAttachment(ctx, await receiveFile(req, maxBytes, opts.maxUploadMb));
        reply.status(201);
        return meta;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/attachments/:id', tags,
      summary: 'A stored file, for its uploader or whoever may read the record it belongs to (404 otherwise). Pictures, PDF and text open in the browser; `?download=1` always downloads',
      access: { permission: P['attachments.read'] }, resource: 'attachment', params: idParams, querystring: readQuery,
      async handler(req, ctx, reply: FastifyReply) {
        const { id } = req.params;
        const { download } = req.query;
        const file = await readAttachment(ctx.db, ctx, id);
        if (!file) throw new AppError(E['attachments.unavailable']);
        const inline = INLINE.has(file.mime) && download !== '1' && download !== 'true';
        return reply
          .type(file.mime)
          .header('content-length', file.content.length)
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.fileName))
          // Who may read a file can change with its record: keep it in the browser's private cache only briefly.
          .header('cache-control', 'private, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    }),
  ];
}
