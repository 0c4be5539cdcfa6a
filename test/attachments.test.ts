import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { claimAttachments, listAttachments, purgeUnclaimed, registerAttachmentOwner, storeAttachment, syncAttachments } from '../src/platform/attachments.js';
import { AppError } from '../src/platform/errors.js';
import { classifyFile } from '../src/modules/inbox/index.js';
import { contentDisposition } from '../src/modules/inbox/attachment.routes.js';
import { modulesFor } from '../src/main.js';
import { loadConfig } from '../src/config/index.js';
import { testApp, loginAs, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const db = () => testDatabase().db;

/** A multipart/form-data body with one file field. */
function multipart(buffer: Buffer, fileName: string, opts: { field?: string; type?: string } = {}) {
  const boundary = '----xieshang' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${fileName}"\r\n` +
      `Content-Type: ${opts.type ?? 'application/octet-stream'}\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(2000)]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(500)]);

/** A notes kind for these tests: staff read every note's files; members only the note named after them. */
const KIND = 'test_note';
registerAttachmentOwner(KIND, async (_db, ctx, ownerId) => ctx.grants.some((g) => g.role === 'staff') || ownerId === `note-of-${ctx.actor.userId}`);

const claim = (args: { committeeId: string; ids: string[]; ownerId: string; actorUserId: string | null; ownerKind?: string }) =>
  db().transaction((tx) => claimAttachments(tx, { ownerKind: KIND, ...args }));

describe('attachments: upload, claim, read', () => {
  let app: FastifyInstance;
  let home: { id: string };
  let other: { id: string };
  let uploader: Session;
  let uploaderId: string;
  let colleague: Session;
  let colleagueId: string;
  let staff: Session;
  let stranger: Session;
  let admin: Session;

  beforeAll(async () => {
    app = await testApp();
    home = await makeCommittee(db());
    other = await makeCommittee(db());
    const u = await makeUser(db(), home.id, [{ role: 'member' }]);
    const c = await makeUser(db(), home.id, [{ role: 'member' }]);
    const s = await makeUser(db(), home.id, [{ role: 'staff', office: 'general' }]);
    const x = await makeUser(db(), other.id, [{ role: 'staff', office: 'general' }]);
    const a = await makeUser(db(), other.id, [], { admin: true });
    uploaderId = u.id;
    colleagueId = c.id;
    [uploader, colleague, staff, stranger, admin] = await Promise.all([u, c, s, x, a].map((v) => loginAs(app, v.username)));
  });
  afterAll(() => app?.close());

  const upload = (s: Session, buffer: Buffer, name: string, opts: { field?: string; type?: string; lang?: string } = {}) => {
    const m = multipart(buffer, name, opts);
    return s.request({ method: 'POST', url: '/api/attachments', payload: m.payload, headers: { ...m.headers, ...(opts.lang ? { 'accept-language': opts.lang } : {}) } });
  };
  const read = (s: Session, id: string, query = '') => s.request({ method: 'GET', url: `/api/attachments/${id}${query}` });

  it('uploads a picture with a Chinese name; its uploader reads it back byte for byte, inline, with an RFC 5987 file name', async () => {
    const res = await upload(uploader, PNG, '定西市调研照片（一）.png', { type: 'image/png' });
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({ fileName: '定西市调研照片（一）.png', mime: 'image/png', size: PNG.length });
    expect(meta.id).toMatch(/^[0-9a-f-]{36}$/);
    const got = await read(uploader, meta.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    expect(got.headers['content-disposition']).toBe(
      `inline; filename="__________.png"; filename*=UTF-8''${encodeURIComponent('定西市调研照片（一）.png')}`,
    );
    const dl = await read(uploader, meta.id, '?download=1');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    // The upload is audited in the committee's chain.
    const { rows } = await db().execute<{ n: number }>(sql`select count(*)::int as n from audit_log where committee_id = ${home.id} and entity = 'attachment' and entity_id = ${meta.id}`);
    expect(rows[0].n).toBe(1);
  });

  it('the stored type is decided by content, not by what the browser declared', async () => {
    const res = await upload(uploader, PDF, '提案附件.pdf', { type: 'image/png' });
    expect(res.statusCode).toBe(201);
    expect(res.json().mime).toBe('application/pdf');
    // A phone photo sent without an extension is recognised by its bytes.
    const photo = await upload(uploader, JPEG, 'blob', { type: 'image/jpeg' });
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ mime: 'image/jpeg', fileName: 'blob.jpg' });
    // Office files: a real workbook made by exceljs.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('委员').addRow(['姓名', '界别']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await upload(uploader, xlsx, '名单.xlsx');
    expect(x.statusCode).toBe(201);
    expect(x.json().mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const t = await upload(uploader, Buffer.from('关于加强农村饮水安全的建议\r\n第二行\n', 'utf8'), '建议.txt');
    expect(t.statusCode).toBe(201);
    expect(t.json().mime).toBe('text/plain; charset=utf-8');
  });

  it('someone else\'s unclaimed upload answers 404 (even to staff), and they cannot claim it', async () => {
    const meta = (await upload(uploader, PNG, 'a.png')).json();
    for (const s of [colleague, staff]) {
      const res = await read(s, meta.id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('attachments.unavailable');
    }
    const err = await claim({ committeeId: home.id, ids: [meta.id], ownerId: `note-of-${colleagueId}`, actorUserId: colleagueId }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('attachments.not_found');
    expect(err.status).toBe(404);
    expect(await listAttachments(db(), home.id, KIND, `note-of-${colleagueId}`)).toEqual([]);
  });

  it('once claimed, the owning kind decides who reads it; a file of another committee is 404 to everyone there', async () => {
    const a = (await upload(uploader, PNG, '佐证1.png')).json();
    const b = (await upload(uploader, PDF, '佐证2.pdf')).json();
    const ownerId = `note-of-${uploaderId}`;
    const claimed = await claim({ committeeId: home.id, ids: [a.id, b.id, a.id], ownerId, actorUserId: uploaderId });
    expect(claimed.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    // Claiming again for the same record is harmless (a form saved twice).
    await claim({ committeeId: home.id, ids: [a.id], ownerId, actorUserId: uploaderId });
    expect((await listAttachments(db(), home.id, KIND, ownerId)).map((m) => m.fileName)).toEqual(['佐证1.png', '佐证2.pdf']);
    // Staff may read every note's files; the colleague (a member, not named by the note) may not.
    expect((await read(staff, a.id)).statusCode).toBe(200);
    expect((await read(colleague, a.id)).statusCode).toBe(404);
    expect((await read(uploader, b.id)).statusCode).toBe(200);
    // A claimed file cannot be taken by another record, not even by its uploader.
    await expect(claim({ committeeId: home.id, ids: [a.id], ownerId: 'another-note', actorUserId: uploaderId })).rejects.toMatchObject({ code: 'attachments.not_found' });
    // Nor claimed in another committee.
    await expect(claim({ committeeId: other.id, ids: [b.id], ownerId, actorUserId: null })).rejects.toMatchObject({ code: 'attachments.not_found' });
    // Another committee's staff and the platform admin addressing another committee: 404.
    for (const s of [stranger, admin]) {
      const res = await s.request({ method: 'GET', url: `/api/attachments/${a.id}`, committeeId: other.id });
      expect(res.statusCode).toBe(404);
    }
    // Addressing a committee one does not belong to is itself a 404.
    expect((await staff.request({ method: 'GET', url: `/api/attachments/${a.id}`, committeeId: other.id })).statusCode).toBe(404);
  });

  it('a kind without a registered reader shows its files to their uploader only', async () => {
    const a = (await upload(uploader, PNG, 'x.png')).json();
    await db().transaction((tx) => claimAttachments(tx, { committeeId: home.id, ids: [a.id], ownerKind: 'unregistered_kind', ownerId: '1', actorUserId: uploaderId }));
    expect((await read(uploader, a.id)).statusCode).toBe(200);
    expect((await read(staff, a.id)).statusCode).toBe(404);
  });

  it('a claim that fails for one file binds none of them (one transaction)', async () => {
    const mine = (await upload(uploader, PNG, 'mine.png')).json();
    const theirs = (await upload(colleague, PNG, 'theirs.png')).json();
    await expect(claim({ committeeId: home.id, ids: [mine.id, theirs.id], ownerId: 'n1', actorUserId: uploaderId })).rejects.toMatchObject({ code: 'attachments.not_found' });
    await expect(claim({ committeeId: home.id, ids: [mine.id, crypto.randomUUID()], ownerId: 'n1', actorUserId: uploaderId })).rejects.toMatchObject({ code: 'attachments.not_found' });
    expect(await listAttachments(db(), home.id, KIND, 'n1')).toEqual([]);
  });

  it('syncAttachments binds the listed files and deletes the ones an edit removed', async () => {
    const [a, b, c] = await Promise.all(['一.png', '二.png', '三.png'].map(async (n) => (await upload(uploader, PNG, n)).json()));
    const sync = (ids: string[]) => db().transaction((tx) => syncAttachments(tx, { committeeId: home.id, ids, ownerKind: KIND, ownerId: 'edited', actorUserId: uploaderId }));
    expect((await sync([a.id, b.id])).map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect((await sync([b.id, c.id])).map((m) => m.id).sort()).toEqual([b.id, c.id].sort());
    expect((await read(uploader, a.id)).statusCode).toBe(404);
    // A failed sync changes nothing.
    await expect(sync([crypto.randomUUID()])).rejects.toMatchObject({ code: 'attachments.not_found' });
    expect((await listAttachments(db(), home.id, KIND, 'edited')).length).toBe(2);
    expect(await sync([])).toEqual([]);
  });

  it('refuses other kinds of files, renamed files, empty files and a missing field with a message a person can act on', async () => {
    const exe = await upload(uploader, Buffer.from('MZ\x90\x00binary', 'latin1'), '安装程序.exe');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('attachments.unsupported_type');
    expect(exe.json().error.message).toContain('安装程序.exe');
    expect(exe.json().error.message).toMatch(/只能上传图片.*PDF.*Word.*Excel/);
    const html = await upload(uploader, Buffer.from('<script>alert(1)</script>'), 'page.html', { lang: 'en' });
    expect(html.statusCode).toBe(400);
    expect(html.json().error.message).toMatch(/not a supported kind of file\. Upload images/);
    // An executable renamed to .pdf: the name says PDF, the bytes do not.
    const fake = await upload(uploader, Buffer.from('MZ\x90\x00\x03\x00binary', 'latin1'), '报告.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('attachments.type_mismatch');
    expect(fake.json().error.message).toMatch(/内容与扩展名不符/);
    // Binary bytes are not text.
    expect((await upload(uploader, Buffer.from([0x00, 0x01, 0x02, 0x41]), 'a.txt')).json().error.code).toBe('attachments.type_mismatch');
    const empty = await upload(uploader, Buffer.alloc(0), '空.png');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('attachments.empty');
    const wrongField = await upload(uploader, PNG, 'a.png', { field: 'photo' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.code).toBe('attachments.no_file');
    const json = await uploader.request({ method: 'POST', url: '/api/attachments', payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('attachments.no_file');
    // Nothing was stored by any of these.
    const { rows } = await db().execute<{ n: number }>(sql`select count(*)::int as n from attachments where committee_id = ${home.id} and file_name in ('安装程序.exe', '报告.pdf', 'page.html', '空.png')`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a file over the configured size (ATTACHMENT_MAX_MB) with 413 and the limit in the message', async () => {
    const small = await testApp({ ATTACHMENT_MAX_MB: '0.01' });
    try {
      const u = await makeUser(db(), home.id, [{ role: 'member' }]);
      const s = await loginAs(small, u.username);
      const m = multipart(Buffer.concat([PNG, crypto.randomBytes(20_000)]), '大照片.png');
      const res = await s.request({ method: 'POST', url: '/api/attachments', payload: m.payload, headers: m.headers });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('attachments.too_large');
      expect(res.json().error.message).toBe('文件超过 0.01 MB 的上限，请压缩或拆分后再上传');
      const ok = multipart(PNG, '小照片.png');
      expect((await s.request({ method: 'POST', url: '/api/attachments', payload: ok.payload, headers: ok.headers })).statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('GET with a malformed id is a 400, an unknown id a 404', async () => {
    expect((await read(uploader, 'not-a-uuid')).statusCode).toBe(400);
    expect((await read(uploader, crypto.randomUUID())).statusCode).toBe(404);
  });

  it('the daily job deletes unclaimed uploads older than a day and nothing else', async () => {
    const c = await makeCommittee(db());
    const file = (name: string) => storeAttachment(db(), { committeeId: c.id, fileName: name, mime: 'image/png', content: PNG, uploadedBy: null });
    const oldLoose = await file('old-loose.png');
    const oldClaimed = await file('old-claimed.png');
    const fresh = await file('fresh.png');
    await claim({ committeeId: c.id, ids: [oldClaimed.id], ownerId: 'n', actorUserId: null });
    await db().execute(sql`update attachments set created_at = now() - interval '25 hours' where id in (${oldLoose.id}, ${oldClaimed.id})`);
    const job = modulesFor(loadConfig({ NODE_ENV: 'test' })).flatMap((m) => m.jobs ?? []).find((j) => j.name === 'attachments.purge_unclaimed');
    expect(job?.cron).toBe('30 3 * * *');
    const detail = await job!.run(db());
    expect(detail).toMatch(/^deleted [1-9]\d* unclaimed uploads/);
    const { rows } = await db().execute<{ file_name: string }>(sql`select file_name from attachments where committee_id = ${c.id} order by file_name`);
    expect(rows.map((r) => r.file_name)).toEqual(['fresh.png', 'old-claimed.png']);
    // A second run finds nothing of this committee left to delete.
    await purgeUnclaimed(db());
    const { rows: again } = await db().execute<{ id: string }>(sql`select id from attachments where committee_id = ${c.id} order by file_name`);
    expect(again.map((r) => r.id)).toEqual([fresh.id, oldClaimed.id]);
  });
});

describe('file kinds by content', () => {
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic', 'latin1'), crypto.randomBytes(64)]);
  const webp = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1'), crypto.randomBytes(64)]);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), crypto.randomBytes(64)]);
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml', 'latin1')]);
  const key = (name: string, b: Buffer) => {
    const c = classifyFile(name, b);
    return c.ok ? c.kind.key : c.reason;
  };

  it('recognises each allowed kind and refuses the rest', () => {
    expect(key('IMG_0001.HEIC', heic)).toBe('heic');
    expect(key('photo', heic)).toBe('heic');
    expect(key('a.webp', webp)).toBe('webp');
    expect(key('a.doc', ole)).toBe('doc');
    expect(key('a.xls', ole)).toBe('xls');
    expect(key('a.docx', docx)).toBe('docx');
    expect(key('a.xlsx', docx)).toBe('mismatch');
    expect(key('a.png', JPEG)).toBe('mismatch');
    expect(key('a.zip', docx)).toBe('unsupported');
    expect(key('a.svg', Buffer.from('<svg/>'))).toBe('unsupported');
    expect(key('noext', Buffer.from('plain words'))).toBe('unsupported');
    expect(key('gbk.txt', Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0x0d, 0x0a]))).toBe('txt');
  });

  it('writes Content-Disposition per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('attachment', "委员's (1)*.pdf")).toBe(
      `attachment; filename="__'s (1)*.pdf"; filename*=UTF-8''%E5%A7%94%E5%91%98%27s%20%281%29%2A.pdf`,
    );
    expect(contentDisposition('inline', 'a"b\\c.txt')).toBe(`inline; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
