import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileProposal, submitProposal, createDraft } from '../../src/modules/proposals/index.js';
import { EVAL_DOCS } from '../../src/modules/proposals/eval/documents.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, HEALTH, HOUSING, proposalWorld, REPLY, TITLE, WATER, type World } from './support.js';

describe('proposals over HTTP: roles, tenancy, abilities, search', () => {
  let app: FastifyInstance;
  let w: World;
  let member: Session, cosigner: Session, office: Session, water: Session, housing: Session, outsider: Session;
  let id: string;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld();
    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) =>
      loginAs(app, (await makeUser(w.db, committeeId, grants)).username);
    member = await login([{ role: 'member', memberId: w.members[0] }]);
    cosigner = await login([{ role: 'member', memberId: w.members[1] }]);
    office = await login([{ role: 'staff', office: 'proposals' }]);
    water = await login([{ role: 'unit_clerk', unitId: w.unit(WATER) }]);
    housing = await login([{ role: 'unit_clerk', unitId: w.unit(HOUSING) }]);
    const other = await proposalWorld({ units: 0 });
    outsider = await login([{ role: 'member', memberId: other.members[0] }, { role: 'staff', office: 'proposals' }], other.committeeId);
    // Earlier proposals of the committee: the labelled set's texts, filed.
    for (const d of EVAL_DOCS.filter((x) => x.id.endsWith('.1'))) {
      const pid = await createDraft(w.db, w.member(5), { title: d.title, body: d.body, category: '其他' });
      await submitProposal(w.db, w.member(5), pid);
      await fileProposal(w.db, w.office, pid);
    }
  });
  afterAll(() => app?.close());

  const post = (s: Session, url: string, payload: object = {}) => s.request({ method: 'POST', url, payload });

  it('a member drafts, invites, gets abilities, and sees similar proposals before submitting', async () => {
    let res = await post(member, '/api/proposals', { title: TITLE, body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[1]] });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().abilities).toMatchObject({ edit: true, submit: true, file: false, rate: false });
    res = await cosigner.request({ method: 'GET', url: `/api/proposals/${id}` });
    expect(res.json().abilities).toMatchObject({ confirm_cosign: true, edit: false, submit: false });
    expect((await post(cosigner, `/api/proposals/${id}/cosign`, { accept: true })).statusCode).toBe(200);

    res = await member.request({ method: 'GET', url: `/api/proposals/similar?text=${encodeURIComponent(TITLE + BODY)}` });
    expect(res.statusCode).toBe(200);
    const similar = res.json();
    expect(similar.items[0].title).toBe('关于解决农村供水管道冬季冻裂问题的建议');
    expect(similar.items[0]).toMatchObject({ likelyDuplicate: true, currentSession: true, stateLabel: '已立案' });
    expect(similar.items[0].score).toBeGreaterThan(similar.threshold);

    res = await post(member, `/api/proposals/${id}/submit`);
    expect(res.json().state).toBe('submitted');
  });

  it('the office sees merge candidates and suggested units, files and assigns', async () => {
    let res = await office.request({ method: 'GET', url: `/api/proposals?state=submitted` });
    expect(res.json().items.map((i: { id: string }) => i.id)).toContain(id);
    res = await office.request({ method: 'GET', url: `/api/proposals/${id}/similar` });
    expect(res.json().items[0].likelyDuplicate).toBe(true);
    res = await office.request({ method: 'GET', url: `/api/proposals/${id}/suggested-units` });
    expect(res.json().items[0]).toMatchObject({ name: WATER });
    res = await office.request({ method: 'GET', url: `/api/proposals/suggest-units?text=${encodeURIComponent('关于提高乡村教师生活补助的建议')}` });
    expect(res.json().items[0].name).toBe('市教育局');
    expect((await post(office, `/api/proposals/${id}/file`)).json().numberLabel).toMatch(/^第\d+号$/);
    res = await post(office, `/api/proposals/${id}/assign`, { mode: 'lead', leadUnitId: w.unit(WATER), coUnitIds: [w.unit(HEALTH)] });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('assigned');
  });

  it('a clerk sees only what is assigned to the unit; a clerk of another unit gets 404', async () => {
    let res = await water.request({ method: 'GET', url: `/api/proposals/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toMatchObject({ accept: true, object: true, save_reply: false });
    res = await housing.request({ method: 'GET', url: `/api/proposals/${id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('proposal.not_found');
    expect((await post(housing, `/api/proposals/${id}/accept`)).statusCode).toBe(404);
    res = await housing.request({ method: 'GET', url: '/api/proposals' });
    expect(res.json().total).toBe(0);
    res = await water.request({ method: 'GET', url: '/api/proposals' });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await post(water, `/api/proposals/${id}/accept`)).json().state).toBe('handling');
    res = await water.request({ method: 'PUT', url: `/api/proposals/${id}/reply`, payload: REPLY });
    expect(res.json().replies[0]).toMatchObject({ status: 'draft', replyClass: 'A' });
  });

  it('a member of another committee gets 404 for this committee\'s proposal, even as proposals staff there', async () => {
    const res = await outsider.request({ method: 'GET', url: `/api/proposals/${id}` });
    expect(res.statusCode).toBe(404);
    expect((await post(outsider, `/api/proposals/${id}/file`)).statusCode).toBe(404);
    const list = await outsider.request({ method: 'GET', url: '/api/proposals', committeeId: w.committeeId });
    expect(list.statusCode).toBe(404);
  });

  it('answers a wrong move with 409 and a wrong role with 403, in the one error shape', async () => {
    let res = await post(office, `/api/proposals/${id}/file`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'proposal.invalid_transition', message: '提案当前状态为“办理中”，不能立案' });
    res = await post(member, `/api/proposals/${id}/withdraw`, {});
    expect(res.statusCode).toBe(409);
    res = await post(member, `/api/proposals/${id}/file`);
    expect(res.statusCode).toBe(403);
    res = await post(cosigner, `/api/proposals/${id}/feedback`, { rating: 'satisfied' });
    expect(res.statusCode).toBe(409);
    res = await member.request({ method: 'GET', url: '/api/proposals/workflow' });
    expect(res.json().mermaid).toContain('stateDiagram-v2');
  });
});
