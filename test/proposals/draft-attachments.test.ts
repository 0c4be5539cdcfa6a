import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { auditOf, BODY, proposalWorld, TITLE, type World } from './support.js';

/** A draft's files are exactly the list the form sends (PATCH attachmentIds): left-out files are removed with the save. */
describe('draft attachments: upload, attach, remove', () => {
  let app: FastifyInstance;
  let w: World;
  let member: Session, otherMember: Session;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 0 });
    member = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }])).username);
    otherMember = await loginAs(app, (await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[1] }])).username);
  });
  afterAll(() => app?.close());

  const upload = async (s: Session, name: string) => {
    const boundary = '----xieshang' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from(`${name}：调研材料正文`),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await s.request({ method: 'POST', url: '/api/attachments', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; fileName: string };
  };
  const files = async (s: Session, id: string) => {
    const res = await s.request({ method: 'GET', url: `/api/proposals/${id}/attachments` });
    return { status: res.statusCode, names: res.statusCode === 200 ? (res.json().items as { fileName: string }[]).map((a) => a.fileName) : [] };
  };
  const patch = (s: Session, id: string, attachmentIds: string[]) =>
    s.request({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { attachmentIds } });

  it('uploads two, attaches both, saves with one: only that one stays, the other is gone', async () => {
    const a = await upload(member, '调研报告.txt');
    const b = await upload(member, '现场照片说明.txt');
    let res = await member.request({ method: 'POST', url: '/api/proposals', payload: { title: TITLE, body: BODY, category: '农业农村' } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;

    expect((await patch(member, id, [a.id, b.id])).statusCode).toBe(200);
    expect((await files(member, id)).names).toEqual(['调研报告.txt', '现场照片说明.txt']);

    // A save without attachmentIds (autosave of the text) leaves the files alone.
    res = await member.request({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { body: BODY + '\n（补充）' } });
    expect(res.statusCode).toBe(200);
    expect((await files(member, id)).names).toEqual(['调研报告.txt', '现场照片说明.txt']);

    expect((await patch(member, id, [a.id])).statusCode).toBe(200);
    expect((await files(member, id)).names).toEqual(['调研报告.txt']);
    // The removed file is deleted, not merely unbound: nobody reads it and it cannot be attached again.
    expect((await member.request({ method: 'GET', url: `/api/attachments/${b.id}` })).statusCode).toBe(404);
    const { rows } = await w.db.execute(sql`select id from attachments where id = ${b.id}`);
    expect(rows).toEqual([]);
    expect((await patch(member, id, [a.id, b.id])).statusCode).toBe(404);
    expect((await files(member, id)).names).toEqual(['调研报告.txt']);
    // The edit is audited like any save of the draft.
    expect((await auditOf(w.db, w.committeeId, id)).filter((r) => r.action === 'proposal.edit').at(-1)?.after).toMatchObject({ attachmentIds: [a.id] });

    // An empty list removes the last one.
    expect((await patch(member, id, [])).statusCode).toBe(200);
    expect((await files(member, id)).names).toEqual([]);
  });

  it('another member can neither see the draft\'s files nor attach them to a draft of their own (404)', async () => {
    const mine = await upload(member, '本人材料.txt');
    let res = await member.request({ method: 'POST', url: '/api/proposals', payload: { title: TITLE, body: BODY, category: '农业农村', attachmentIds: [mine.id] } });
    const id = res.json().id as string;
    expect((await files(member, id)).names).toEqual(['本人材料.txt']);

    expect((await otherMember.request({ method: 'GET', url: `/api/attachments/${mine.id}` })).statusCode).toBe(404);
    expect((await files(otherMember, id)).status).toBe(404);
    res = await otherMember.request({ method: 'POST', url: '/api/proposals', payload: { title: TITLE, body: BODY, category: '农业农村' } });
    const theirs = res.json().id as string;
    res = await patch(otherMember, theirs, [mine.id]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('attachments.not_found');
    // Nor can they strip the files of a draft that is not theirs.
    expect((await patch(otherMember, id, [])).statusCode).toBe(404);
    expect((await files(member, id)).names).toEqual(['本人材料.txt']);
  });
});
