import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createMember } from '../../src/modules/org/index.js';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeCommittee, makeUser } from '../support/factories.js';
import { auditActions, perfWorld, type PerfWorld } from './support.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const BODY = '一年来，本人认真履行常委职责，按时出席常委会议和全体会议，围绕乡村振兴、教育均衡开展专题调研，提交提案两件，反映社情民意三条，参加专题协商一次。';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

function multipart(buffer: Buffer, fileName: string, type: string) {
  const boundary = '----ar' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** 王芳 (w.members[2]) is the world's 常委; 刘洋 (4) a vice-chair; the rest plain members. */
describe('常委年度述职 with files: submitted by the member, read by staff of the committee only, counted toward 五个一', () => {
  let app: FastifyInstance;
  let w: PerfWorld;
  let standing: Session;
  let plain: Session;
  let staff: Session;
  let leader: Session;
  let otherStaff: Session;
  let foreignMemberId: string;

  beforeAll(async () => {
    app = await testApp();
    w = await perfWorld();
    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => loginAs(app, (await makeUser(w.db, committeeId, grants)).username);
    standing = await login([{ role: 'member', memberId: w.members[2] }]);
    plain = await login([{ role: 'member', memberId: w.members[1] }]);
    staff = await login([{ role: 'staff', office: 'member_affairs' }]);
    leader = await login([{ role: 'leader' }]);
    const other = await makeCommittee(w.db);
    foreignMemberId = (await createMember(w.db, { userId: null, label: 'test' }, other.id, { name: '外会常委', gender: 'female', roles: ['member', 'standing'] } as never)).id;
    otherStaff = await login([{ role: 'staff', office: 'member_affairs' }], other.id);
  });
  afterAll(() => app?.close());

  const upload = async (s: Session, name: string, buffer = PNG, type = 'image/png') => {
    const m = multipart(buffer, name, type);
    const res = await s.request({ method: 'POST', url: '/api/attachments', payload: m.payload, headers: m.headers });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; fileName: string };
  };
  const put = (s: Session, payload: object) => s.request({ method: 'PUT', url: '/api/performance/annual-report', payload: { year: YEAR, body: BODY, ...payload } });
  const quota = async (s: Session) => {
    const st = (await s.request({ method: 'GET', url: '/api/performance/standing' })).json();
    const five = st.quotas.find((q: { key: string }) => q.key === 'five_ones');
    return five.requirements.find((r: { label: string }) => r.label.includes('述职')) as { count: number; met: boolean };
  };

  it('before submitting: the member owes a report, none is there, the quota line is unmet, staff list them as missing', async () => {
    const own = (await standing.request({ method: 'GET', url: `/api/performance/annual-report?year=${YEAR}` })).json();
    expect(own).toMatchObject({ year: YEAR, required: true, report: null, member: { id: w.members[2], name: '王芳' } });
    expect((await plain.request({ method: 'GET', url: '/api/performance/annual-report' })).json()).toMatchObject({ required: false, report: null });
    expect(await quota(standing)).toMatchObject({ count: 0, met: false });
    const status = (await staff.request({ method: 'GET', url: `/api/performance/annual-reports?year=${YEAR}` })).json();
    expect(status.counts).toEqual({ submitted: 0, expected: 2 });
    expect(status.missing.map((m: { name: string }) => m.name).sort()).toEqual(['刘洋', '王芳'].sort());
  });

  it('the member submits with a photo and a PDF: the files are claimed and listed, the audit names them, the quota is met', async () => {
    const photo = await upload(standing, '调研现场.png');
    const pdf = await upload(standing, '述职报告.pdf', PDF, 'application/pdf');
    const res = await put(standing, { attachmentIds: [photo.id, pdf.id] });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json().report;
    expect(report.files.map((f: { id: string; fileName: string }) => [f.id, f.fileName])).toEqual([[photo.id, '调研现场.png'], [pdf.id, '述职报告.pdf']]);
    const own = (await standing.request({ method: 'GET', url: '/api/performance/annual-report' })).json();
    expect(own.report).toMatchObject({ id: report.id, body: BODY, files: [{ id: photo.id, mime: 'image/png' }, { id: pdf.id, mime: 'application/pdf' }] });
    const [audit] = await auditActions(w.db, w.committeeId, report.id);
    expect(audit.action).toBe('annual_report.submitted');
    expect(audit.after.files.map((f: { id: string }) => f.id)).toEqual([photo.id, pdf.id]);
    expect(await quota(standing)).toMatchObject({ count: 1, met: true });
    const status = (await staff.request({ method: 'GET', url: `/api/performance/annual-reports?year=${YEAR}` })).json();
    expect(status.counts).toEqual({ submitted: 1, expected: 2 });
    expect(status.submitted).toEqual([expect.objectContaining({ memberId: w.members[2], name: '王芳', reportId: report.id })]);
  });

  it('revising adds a file and takes one off (deleted); the quota still counts once; someone else\'s file cannot be removed', async () => {
    const before = (await standing.request({ method: 'GET', url: '/api/performance/annual-report' })).json().report;
    const [photo, pdf] = before.files as { id: string }[];
    const extra = await upload(standing, '补充材料.png');
    const res = await put(standing, { body: BODY + '（修订）', attachmentIds: [extra.id], removeAttachmentIds: [photo.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().report.files.map((f: { id: string }) => f.id)).toEqual([pdf.id, extra.id]);
    expect((await standing.request({ method: 'GET', url: `/api/attachments/${photo.id}` })).statusCode).toBe(404);
    const audits = await auditActions(w.db, w.committeeId, before.id);
    expect(audits.at(-1)).toMatchObject({ action: 'annual_report.updated', after: { removedFiles: [{ id: photo.id }], files: [{ id: extra.id }] } });
    expect(await quota(standing)).toMatchObject({ count: 1, met: true });
    // A file of another member's record is not the report's: refused, nothing changes.
    const theirs = await upload(plain, '别人的.png');
    const refused = await put(standing, { removeAttachmentIds: [theirs.id] });
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'attachments.not_found']);
    expect((await plain.request({ method: 'GET', url: `/api/attachments/${theirs.id}` })).statusCode).toBe(200);
    expect((await put(standing, { removeAttachmentIds: ['not-a-uuid'] })).statusCode).toBe(400);
  });

  it('staff and leaders read any member\'s report of their committee with its files; a member without one reads as null', async () => {
    for (const s of [staff, leader]) {
      const res = await s.request({ method: 'GET', url: `/api/performance/annual-reports/${w.members[2]}?year=${YEAR}` });
      expect(res.statusCode).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ year: YEAR, required: true, member: { id: w.members[2], name: '王芳' }, report: { body: BODY + '（修订）' } });
      expect(r.report.files).toHaveLength(2);
      expect((await s.request({ method: 'GET', url: `/api/attachments/${r.report.files[0].id}` })).statusCode).toBe(200);
    }
    const vice = (await staff.request({ method: 'GET', url: `/api/performance/annual-reports/${w.members[4]}` })).json();
    expect(vice).toMatchObject({ required: true, report: null, member: { name: '刘洋' } });
    expect((await staff.request({ method: 'GET', url: `/api/performance/annual-reports/${w.members[2]}?year=${YEAR - 1}` })).json().report).toBeNull();
  });

  it('another committee\'s member is not found (404), from either side; a member reading someone\'s report is forbidden (403)', async () => {
    const foreign = await staff.request({ method: 'GET', url: `/api/performance/annual-reports/${foreignMemberId}` });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'performance.member_not_found']);
    const fromOutside = await otherStaff.request({ method: 'GET', url: `/api/performance/annual-reports/${w.members[2]}` });
    expect(fromOutside.statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'GET', url: '/api/performance/annual-reports' })).json().submitted).toEqual([]);
    for (const s of [plain, standing]) {
      const res = await s.request({ method: 'GET', url: `/api/performance/annual-reports/${w.members[2]}` });
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'auth.forbidden']);
      expect((await s.request({ method: 'GET', url: '/api/performance/annual-reports.xlsx' })).statusCode).toBe(403);
    }
    expect((await staff.request({ method: 'GET', url: '/api/performance/annual-reports/not-a-uuid' })).statusCode).toBe(400);
  });

  it('staff download the year\'s list as Excel: who submitted and who not', async () => {
    const res = await staff.request({ method: 'GET', url: `/api/performance/annual-reports.xlsx?year=${YEAR}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('已提交 1 / 应提交 2');
    const rows = [3, 4].map((n) => [ws.getCell(`B${n}`).value, ws.getCell(`C${n}`).value]);
    expect(rows).toEqual([['王芳', '已提交'], ['刘洋', '未提交']]);
  });
});
