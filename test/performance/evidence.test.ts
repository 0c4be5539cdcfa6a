import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { auditActions, perfWorld, type PerfWorld } from './support.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const JPEG = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(800)]);

function multipart(buffer: Buffer, fileName: string, type: string) {
  const boundary = '----perf' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('evidence photos on self-reported records: uploaded, claimed with the record, as visible as the record', () => {
  let app: FastifyInstance;
  let w: PerfWorld;
  let member: Session;
  let otherMember: Session;
  let staff: Session;
  let leader: Session;

  beforeAll(async () => {
    app = await testApp();
    w = await perfWorld();
    const login = async (grants: Parameters<typeof makeUser>[2]) => loginAs(app, (await makeUser(w.db, w.committeeId, grants)).username);
    member = await login([{ role: 'member', memberId: w.members[1] }]);
    otherMember = await login([{ role: 'member', memberId: w.members[3] }]);
    staff = await login([{ role: 'staff', office: 'member_affairs' }]);
    leader = await login([{ role: 'leader' }]);
  });
  afterAll(() => app?.close());

  const upload = async (s: Session, name = '调研现场.jpg') => {
    const m = multipart(JPEG(), name, 'image/jpeg');
    const res = await s.request({ method: 'POST', url: '/api/attachments', payload: m.payload, headers: m.headers });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; fileName: string; mime: string };
  };
  const report = (s: Session, attachmentIds: string[], title = '乡村振兴专题调研') =>
    s.request({ method: 'POST', url: '/api/performance/records', payload: { kind: 'research', occurredOn: TODAY, title, evidence: [{ name: '调研报告链接', url: 'https://example.org/r' }], attachmentIds } });
  const read = (s: Session, id: string) => s.request({ method: 'GET', url: `/api/attachments/${id}` });

  it('a member reports with two photos: the record lists them, the audit row names them, staff verifying see them', async () => {
    const [a, b] = [await upload(member, '调研现场1.jpg'), await upload(member, '调研现场2.jpg')];
    const res = await report(member, [a.id, b.id]);
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record.attachments.map((f: { fileName: string }) => f.fileName)).toEqual(['调研现场1.jpg', '调研现场2.jpg']);
    expect(record.attachments[0]).toMatchObject({ id: a.id, mime: 'image/jpeg' });
    expect(record.evidence).toEqual([{ name: '调研报告链接', url: 'https://example.org/r' }]);
    const [submitted] = await auditActions(w.db, w.committeeId, record.id);
    expect(submitted.after.attachments.map((f: { id: string }) => f.id)).toEqual([a.id, b.id]);
    // The verification queue shows the photos, and the verifier may open them.
    const queue = (await staff.request({ method: 'GET', url: '/api/performance/records?status=submitted' })).json();
    expect(queue.items.find((r: { id: string }) => r.id === record.id).attachments).toHaveLength(2);
    const seen = await read(staff, a.id);
    expect([seen.statusCode, seen.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await read(leader, b.id)).statusCode).toBe(200);
    expect((await read(member, a.id)).statusCode).toBe(200);
    // A member the record does not name may not.
    expect((await read(otherMember, a.id)).statusCode).toBe(404);
    await staff.request({ method: 'POST', url: `/api/performance/records/${record.id}/verify` });
    expect((await member.request({ method: 'GET', url: `/api/performance/records/${record.id}` })).json()).toMatchObject({ status: 'verified', attachments: [{ id: a.id }, { id: b.id }] });
  });

  it('another person\'s upload, or a photo already on another record, is refused (404) and nothing is recorded', async () => {
    const before = await countRecords(w);
    const theirs = await upload(otherMember, '别人的照片.jpg');
    const res = await report(member, [theirs.id], '借用照片的记录');
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'attachments.not_found']);
    const mine = await upload(member);
    expect((await report(member, [mine.id], '第一条')).statusCode).toBe(201);
    const again = await report(member, [mine.id], '第二条');
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'attachments.not_found']);
    expect(await countRecords(w)).toBe(before + 1);
    // The refused upload stays unclaimed and readable by its uploader only.
    expect((await read(otherMember, theirs.id)).statusCode).toBe(200);
    expect((await read(staff, theirs.id)).statusCode).toBe(404);
  });

  it('a standing member\'s 述职 report carries uploaded files too: the writer, staff and leaders read them, other members not', async () => {
    const standing = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[2] }])).username);
    const m = multipart(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'), '述职报告附件.pdf', 'application/pdf');
    const file = (await standing.request({ method: 'POST', url: '/api/attachments', payload: m.payload, headers: m.headers })).json();
    const year = Number(TODAY.slice(0, 4));
    const res = await standing.request({ method: 'PUT', url: '/api/performance/annual-report', payload: { year, body: '本年度本人认真履行常委职责，'.repeat(5), attachmentIds: [file.id] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().report.files).toEqual([expect.objectContaining({ id: file.id, fileName: '述职报告附件.pdf', mime: 'application/pdf' })]);
    // Saving the text again keeps the file.
    const again = await standing.request({ method: 'PUT', url: '/api/performance/annual-report', payload: { year, body: '本年度本人认真履行常委职责并修改，'.repeat(5) } });
    expect(again.json().report.files.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect((await read(staff, file.id)).statusCode).toBe(200);
    expect((await read(leader, file.id)).statusCode).toBe(200);
    expect((await read(member, file.id)).statusCode).toBe(404);
  });

  it('attachment ids are checked at the edge', async () => {
    const res = await report(member, ['not-a-uuid']);
    expect(res.statusCode).toBe(400);
  });
});

async function countRecords(w: PerfWorld) {
  const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from perf_duty_records where committee_id = ${w.committeeId}`);
  return rows[0].n;
}
