import type { FastifyReply } from 'fastify';

/**
 * Sends a generated file as a download. The Chinese file name goes in `filename*` (RFC 6266)
 * with an ASCII fallback for old clients; nothing is cached (the content is personal).
 *
 * @example
 * return sendDownload(reply, await renderPdf(doc), { mime: PDF_MIME, fileName: '张明-履职成绩单.pdf', asciiName: 'report-card.pdf' });
 */
export function sendDownload(reply: FastifyReply, body: Buffer, f: { mime: string; fileName: string; asciiName: string }) {
  return reply
    .header('content-type', f.mime)
    .header('content-disposition', `attachment; filename="${f.asciiName}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
}
