import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAttachment } from '../../src/platform/attachments.js';
import { approveKeyProposal } from '../../src/modules/proposals/commands/key-approve.js';
import { shortlistKeyProposal } from '../../src/modules/proposals/commands/key-shortlist.js';
import { assignProposal, fileProposal, submitProposal } from '../../src/modules/proposals/index.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, HOUSING, proposalWorld, TITLE, WATER, type World } from './support.js';

/** Files of proposals and of supervision events are exactly as visible as their proposal (GET /api/attachments/:id). */
describe('proposal and supervision attachments', () => {
  let app: FastifyInstance;
  let w: World;
  let member: Session, otherMember: Session, office: Session, water: Session, housing: Session, outsider: Session, leader: Session;
  let memberUser: string, leaderUser: string;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 12 });
    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => {
      const u = await makeUser(w.db, committeeId, grants);
      return { id: u.id, s: await loginAs(app, u.username) };
    };
    const m = await login([{ role: 'member', memberId: w.members[0] }]);
    [member, memberUser] = [m.s, m.id];
    otherMember = (await login([{ role: 'member', memberId: w.members[1] }])).s;
    office = (await login([{ role: 'staff', office: 'proposals' }])).s;
    water = (await login([{ role: 'unit_clerk', unitId: w.unit(WATER) }])).s;
    housing = (await login([{ role: 'unit_clerk', unitId: w.unit(HOUSING) }])).s;
    const l = await login([{ role: 'leader' }]);
    [leader, leaderUser] = [l.s, l.id];
    const other = await proposalWorld({ units: 0 });
    outsider = (await login([{ role: 'staff', office: 'proposals' }], other.committeeId)).s;
  });
  afterAll(() => app?.close());

  const file = (uploadedBy: string, name: string) =>
    storeAttachment(w.db, { committeeId: w.committeeId, fileName: name, mime: 'text/plain', content: Buffer.from(name), uploadedBy });
  const read = (s: Session, id: string) => s.request({ method: 'GET', url: `/api/attachments/${id}` });

  it('a draft claims its files; they follow the proposal: signers, then office, then the assigned unit only', async () => {
    const research = await file(memberUser, '调研报告.txt');
    let res = await member.request({ method: 'POST', url: '/api/proposals', payload: { title: TITLE, body: BODY, category: '农业农村', attachmentIds: [research.id] } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const extra = await file(memberUser, '照片说明.txt');
    res = await member.request({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { attachmentIds: [research.id, extra.id] } });
    expect(res.statusCode).toBe(200);
    res = await member.request({ method: 'GET', url: `/api/proposals/${id}/attachments` });
    expect(res.json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['调研报告.txt', '照片说明.txt']);

    // Someone else's upload cannot be claimed.
    const foreignUpload = await file(leaderUser, '他人文件.txt');
    res = await member.request({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { attachmentIds: [foreignUpload.id] } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('attachments.not_found');

    // A draft: only its signers.
    expect((await read(otherMember, research.id)).statusCode).toBe(404);
    expect((await read(office, research.id)).statusCode).toBe(404);
    expect((await otherMember.request({ method: 'GET', url: `/api/proposals/${id}/attachments` })).statusCode).toBe(404);

    const caller = { committeeId: w.committeeId, actor: { userId: null, label: 't' }, grants: [{ role: 'member' as const, memberId: w.members[0] }], admin: false };
    await submitProposal(w.db, caller, id);
    expect((await read(office, research.id)).statusCode).toBe(200);
    expect((await read(water, research.id)).statusCode).toBe(404);
    await fileProposal(w.db, w.office, id);
    await assignProposal(w.db, w.office, id, { leadUnitId: w.unit(WATER) });
    res = await read(water, research.id);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('调研报告.txt');
    expect((await read(housing, research.id)).statusCode).toBe(404);
    expect((await housing.request({ method: 'GET', url: `/api/proposals/${id}/attachments` })).statusCode).toBe(404);
    expect((await read(outsider, research.id)).statusCode).toBe(404);

    // A supervision event's files: insiders always, members and units once the proposal is an approved key proposal.
    await shortlistKeyProposal(w.db, w.office, id, { reason: '群众关注' });
    await approveKeyProposal(w.db, { ...w.office, grants: [{ role: 'leader' }], actor: { userId: leaderUser, label: 'leader' } }, id, { leaderUserId: leaderUser, channel: 'top_leader' });
    const minutes = await file(leaderUser, '座谈纪要.txt');
    res = await leader.request({ method: 'POST', url: `/api/proposals/${id}/supervision/events`, payload: { kind: 'symposium', heldOn: '2025-05-06', attachmentIds: [minutes.id] } });
    expect(res.statusCode).toBe(201);
    expect(res.json().events[0].attachments[0]).toMatchObject({ id: minutes.id, fileName: '座谈纪要.txt' });
    expect((await read(otherMember, minutes.id)).statusCode).toBe(200);
    expect((await read(water, minutes.id)).statusCode).toBe(200);
    expect((await read(housing, minutes.id)).statusCode).toBe(404);
    expect((await read(outsider, minutes.id)).statusCode).toBe(404);
  });
});
