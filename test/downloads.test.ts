import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import ExcelJS from 'exceljs';
import { contentDisposition, sendBuiltDownload, sendDownload } from '../src/platform/exports/download.js';

/** Downloads are complete or fail visibly: never a 200 with a file that does not open. */
describe('downloads (platform/exports/download.ts)', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const leftovers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('xieshang-export-'));

  async function server() {
    const app = Fastify({ logger: false });
    app.setErrorHandler((err, _req, reply) => reply.status(500).send({ error: { code: 'internal.error', message: String((err as Error).message) } }));
    const writeRows = async (out: NodeJS.WritableStream, failAt?: number) => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('列表');
      for (let i = 0; i < 5000; i++) {
        if (i === failAt) throw new Error('the database went away on page 3');
        ws.addRow([i, `第${i}行`]).commit();
      }
      ws.commit();
      await wb.commit();
    };
    app.get('/ok.xlsx', (_req, reply) => sendBuiltDownload(reply, (out) => writeRows(out), { mime: XLSX, fileName: '提案列表.xlsx', asciiName: 'list.xlsx' }));
    app.get('/broken.xlsx', (_req, reply) => sendBuiltDownload(reply, (out) => writeRows(out, 3000), { mime: XLSX, fileName: '提案列表.xlsx' }));
    app.get('/buffer', (_req, reply) => sendDownload(reply, Buffer.from('abc'), { mime: 'text/plain', fileName: '说明.txt', asciiName: 'note.txt' }));
    await app.ready();
    return app;
  }

  it('a file written as a stream is sent complete, with its length, and the temporary file is removed', async () => {
    const before = leftovers().length;
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/ok.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="list.xlsx"; filename*=UTF-8''${encodeURIComponent('提案列表.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBe(5000);
    await app.close();
    await expect.poll(() => leftovers().length).toBe(before);
  });

  it('a failure half-way is an error answer, not a 200 with a truncated workbook; nothing is left behind', async () => {
    const before = leftovers().length;
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/broken.xlsx' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json().error.code).toBe('internal.error');
    await app.close();
    expect(leftovers().length).toBe(before);
  });

  it('one Content-Disposition writer: RFC 5987 escaping and a safe ASCII fallback', async () => {
    expect(contentDisposition('attachment', "委员's (1)*.pdf")).toBe(`attachment; filename="__'s (1)*.pdf"; filename*=UTF-8''%E5%A7%94%E5%91%98%27s%20%281%29%2A.pdf`);
    expect(contentDisposition('attachment', '报告.docx', 'report"x.docx')).toBe(`attachment; filename="report_x.docx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.docx`);
    const app = await server();
    const res = await app.inject({ method: 'GET', url: '/buffer' });
    expect(res.headers['content-length']).toBe('3');
    expect(res.headers['cache-control']).toBe('no-store');
    await app.close();
  });
});
