import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * The one writer of Content-Disposition. `filename*` per RFC 5987/6266 (UTF-8, percent-encoded;
 * encodeURIComponent leaves ' ( ) * alone, which RFC 5987 does not allow), with an ASCII
 * `filename` for old clients: the given `asciiName`, or the name with every non-ASCII character,
 * quote, backslash and percent replaced by `_`.
 *
 * @example
 * contentDisposition('attachment', '提案列表-2026-03-01.xlsx', 'proposals-2026-03-01.xlsx')
 * // attachment; filename="proposals-2026-03-01.xlsx"; filename*=UTF-8''%E6%8F%90%E6%A1%88…
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, asciiName?: string): string {
  const star = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${star}`;
}

export interface DownloadName {
  mime: string;
  /** The name people see (Chinese allowed). */
  fileName: string;
  /** The fallback for clients that do not read `filename*`. */
  asciiName?: string;
}

function downloadHeaders(reply: FastifyReply, f: DownloadName) {
  // The content is personal (it follows the caller's visibility): nothing is cached.
  return reply.header('content-type', f.mime).header('content-disposition', contentDisposition('attachment', f.fileName, f.asciiName)).header('cache-control', 'no-store');
}

/**
 * Sends a generated file as a download. The file is complete before this is called, so a
 * failure while making it is an error answer, never a 200 with half a file.
 *
 * @example
 * return sendDownload(reply, await renderPdf(doc), { mime: PDF_MIME, fileName: '张明-履职成绩单.pdf', asciiName: 'report-card.pdf' });
 */
export function sendDownload(reply: FastifyReply, body: Buffer, f: DownloadName) {
  return downloadHeaders(reply, f).header('content-length', body.length).send(body);
}

/**
 * Sends a file that is written as a stream (a large .xlsx made page by page). It is written to a
 * temporary file first and sent only when complete, so memory stays flat and a failure half-way
 * (a database error on page 40) is an error answer instead of a 200 with a file that does not
 * open. The temporary file is removed once sent, or at once when making it failed.
 *
 * @example
 * return sendBuiltDownload(reply, (out) => writeProposalListXlsx(db, caller, filters, out), { mime: XLSX_MIME, fileName: '提案列表.xlsx' });
 */
export async function sendBuiltDownload(reply: FastifyReply, build: (out: Writable) => Promise<unknown>, f: DownloadName) {
  const file = path.join(os.tmpdir(), `xieshang-export-${crypto.randomBytes(8).toString('hex')}`);
  const remove = () => fs.promises.rm(file, { force: true }).catch(() => {});
  try {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
    try {
      await build(out);
    } catch (err) {
      out.destroy();
      throw err;
    }
    if (!out.writableEnded) out.end();
    await finished;
  } catch (err) {
    await remove();
    throw err;
  }
  const { size } = await fs.promises.stat(file);
  const stream = fs.createReadStream(file);
  stream.once('close', () => void remove());
  return downloadHeaders(reply, f).header('content-length', size).send(stream);
}
