import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAttachment } from '../../src/platform/attachments.js';
import { dutyRecordedPayload, dutyRevokedPayload } from '../../src/modules/performance/events.js';
import { approveKeyProposal, declineKeyProposal, revokeKeyProposal } from '../../src/modules/proposals/commands/key-approve.js';
import { shortlistKeyProposal } from '../../src/modules/proposals/commands/key-shortlist.js';
import { recordSupervisionEvent, setSupervision } from '../../src/modules/proposals/commands/supervise-proposal.js';
import { getKeyView, listKeyProposals } from '../../src/modules/proposals/key.queries.js';
import { KEY_ACTIONS, KEY_STATUSES, KEY_TRANSITIONS, keyWorkflow, type KeyActor, type KeyStatus } from '../../src/modules/proposals/key.workflow.js';
import { updateProposalSettings } from '../../src/modules/proposals/index.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { assigned, auditOf, callerFor, eventsOf, failsWith, filed, HOUSING, proposalWorld, submitted, WATER, type World } from './support.js';

describe('key proposal table', () => {
  it('every status × action × actor follows the table: 403 for the wrong actor first, then 409 for the wrong status', () => {
    const statuses = Object.keys(KEY_STATUSES) as KeyStatus[];
    const actors: KeyActor[] = ['proposal_office', 'approver', 'lead_leader'];
    for (const s of statuses) {
      for (const a of KEY_ACTIONS) {
        for (const actor of actors) {
          const t = KEY_TRANSITIONS[a];
          const refused = keyWorkflow.check(s, a, new Set([actor]));
          if (!(t.by as readonly string[]).includes(actor)) expect(refused).toBe('not_allowed');
          else if (!(t.from as readonly string[]).includes(s)) expect(refused).toBe('invalid_transition');
          else {
            expect(refused).toBeNull();
            expect(keyWorkflow.plan(s, a)).toEqual({ ok: true, from: s, to: t.to === 'same' ? s : t.to });
          }
        }
      }
    }
  });
});

describe('key proposals and supervision (重点提案督办)', () => {
  let w: World;
  let leader: { id: string; username: string };
  let leader2: { id: string; username: string };
  const leaderCaller = (u: { id: string }) => ({ ...callerFor(w.committeeId, [{ role: 'leader' }]), actor: { userId: u.id, label: 'leader' } });

  beforeAll(async () => {
    w = await proposalWorld({ units: 12 });
    leader = await makeUser(w.db, w.committeeId, [{ role: 'leader' }]);
    leader2 = await makeUser(w.db, w.committeeId, [{ role: 'leader' }]);
  });

  it('shortlist → approve by a leader → supervision → events → revoke, each one transaction with event and audit rows', async () => {
    const id = await assigned(w);
    await shortlistKeyProposal(w.db, w.office, id, { reason: '事关群众饮水安全' });
    let v = await getKeyView(w.db, w.office, id);
    expect(v).toMatchObject({ status: 'shortlisted', reason: '事关群众饮水安全', approvedBy: 'leader' });
    expect(v.abilities).toMatchObject({ shortlist: false, approve: false, decline: true, revoke: false });
    expect(v.leaders.map((l) => l.userId)).toEqual(expect.arrayContaining([leader.id, leader2.id]));
    expect(v.channels).toHaveLength(5);

    // The office may not approve when the settings give approval to the leaders.
    await failsWith(approveKeyProposal(w.db, w.office, id, {}), 'proposal.key_not_allowed');
    expect((await getKeyView(w.db, leaderCaller(leader), id)).abilities.approve).toBe(true);
    await approveKeyProposal(w.db, leaderCaller(leader), id, { note: '主席会议通过', leaderUserId: leader.id, channel: 'chair_meeting' });
    v = await getKeyView(w.db, w.office, id);
    expect(v).toMatchObject({ status: 'approved', leader: { userId: leader.id }, channel: { code: 'chair_meeting', label: '政协主席会议成员督办' } });

    await failsWith(setSupervision(w.db, w.office, id, { leaderUserId: w.members[0], channel: 'top_leader' } as never), 'proposal.key_leader_unknown');
    await failsWith(setSupervision(w.db, w.office, id, { leaderUserId: leader2.id, channel: 'nope' }), 'proposal.key_channel_unknown');
    await setSupervision(w.db, w.office, id, { leaderUserId: leader2.id, channel: 'top_leader' });
    expect((await getKeyView(w.db, w.office, id)).leader?.userId).toBe(leader2.id);

    // The leading leader records an event with a file; another leader may not.
    const file = await storeAttachment(w.db, { committeeId: w.committeeId, fileName: '座谈会纪要.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4'), uploadedBy: leader2.id });
    await failsWith(recordSupervisionEvent(w.db, leaderCaller(leader), id, { kind: 'symposium', heldOn: '2025-05-20' }), 'proposal.key_not_allowed');
    await failsWith(recordSupervisionEvent(w.db, leaderCaller(leader2), id, { kind: 'karaoke', heldOn: '2025-05-20' }), 'proposal.key_event_kind_unknown');
    const eventId = await recordSupervisionEvent(w.db, leaderCaller(leader2), id, {
      kind: 'unit_visit', heldOn: '2025-05-20', participants: '市政协副主席、市水务局局长', notes: '实地查看冻裂管网改造进度', attachmentIds: [file.id],
    });
    await recordSupervisionEvent(w.db, w.office, id, { kind: 'handling_consultation', heldOn: '2025-06-10', notes: '召开办理协商会' });
    v = await getKeyView(w.db, w.member(0), id);
    expect(v.events.map((e) => e.kindLabel)).toEqual(['办理协商会', '走访承办单位']);
    expect(v.events[1]).toMatchObject({ id: eventId, participants: '市政协副主席、市水务局局长', attachments: [{ id: file.id, fileName: '座谈会纪要.pdf' }] });
    expect(v.reason).toBeNull(); // the shortlist reason is internal

    await failsWith(revokeKeyProposal(w.db, leaderCaller(leader2), id, { reason: '调整' }), 'proposal.key_not_allowed');
    await revokeKeyProposal(w.db, w.office, id, { reason: '经主席会议研究调整' });
    await failsWith(recordSupervisionEvent(w.db, w.office, id, { kind: 'symposium', heldOn: '2025-07-01' }), 'proposal.key_invalid_transition');

    const events = (await eventsOf(w.db, w.committeeId, id)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining([
      'proposals.key_shortlisted', 'proposals.key_selected', 'proposals.supervision_set', 'proposals.supervision_recorded', 'proposals.key_revoked',
    ]));
    const audit = (await auditOf(w.db, w.committeeId, id)).filter((a) => a.action.startsWith('proposal.key.'));
    expect(audit.map((a) => a.action)).toEqual([
      'proposal.key.shortlist', 'proposal.key.approve', 'proposal.key.set_supervision', 'proposal.key.record_event', 'proposal.key.record_event', 'proposal.key.revoke',
    ]);
    expect(audit[1]).toMatchObject({ before: { keyStatus: 'shortlisted' }, after: { keyStatus: 'approved', channel: 'chair_meeting' } });
  });

  it('credits the signers through duty.recorded (proposal_key) once per approval, and revokes it; a re-approval credits anew', async () => {
    const id = await filed(w, 1);
    await shortlistKeyProposal(w.db, w.office, id, { reason: '社会关注度高' });
    await approveKeyProposal(w.db, leaderCaller(leader), id, {});
    await revokeKeyProposal(w.db, w.office, id, { reason: '调整' });
    await shortlistKeyProposal(w.db, w.office, id, { reason: '重新提名' });
    await approveKeyProposal(w.db, leaderCaller(leader), id, {});
    const { rows } = await w.db.execute<{ type: string; payload: any }>(sql`select type, payload from domain_events
      where committee_id = ${w.committeeId} and type in ('duty.recorded', 'duty.revoked') and payload->>'sourceRef' like ${`proposals:${id}:key:%`} order by id`);
    expect(rows.map((r) => [r.type, r.payload.sourceRef])).toEqual([
      ['duty.recorded', `proposals:${id}:key:1`], ['duty.revoked', `proposals:${id}:key:1`], ['duty.recorded', `proposals:${id}:key:2`],
    ]);
    // The payloads satisfy performance's contract, so its subscriber turns them into records.
    expect(dutyRecordedPayload.parse(rows[0].payload)).toMatchObject({ kind: 'proposal_key', members: [{ memberId: w.members[1], role: 'first' }] });
    expect(dutyRevokedPayload.safeParse(rows[1].payload).success).toBe(true);
  });

  it('only filed, unclosed proposals are shortlisted; the office approves when the settings say so; decline ends the shortlist', async () => {
    const early = await submitted(w, 2);
    await failsWith(shortlistKeyProposal(w.db, w.office, early, { reason: '尚未立案' }), 'proposal.key_not_shortlistable');
    await failsWith(shortlistKeyProposal(w.db, w.member(2), early, { reason: '我的提案' }), 'proposal.key_not_allowed');

    const other = await proposalWorld({ units: 2 });
    await updateProposalSettings(other.db, other.office, { keyApprovedBy: 'office' });
    const id = await filed(other, 0);
    await shortlistKeyProposal(other.db, other.office, id, { reason: '推动乡村振兴' });
    await declineKeyProposal(other.db, other.office, id, { note: '暂不列入' });
    await failsWith(approveKeyProposal(other.db, other.office, id, {}), 'proposal.key_invalid_transition');
    await shortlistKeyProposal(other.db, other.office, id, { reason: '再次提名' });
    await approveKeyProposal(other.db, other.office, id, {});
    expect((await getKeyView(other.db, other.office, id)).status).toBe('approved');
    // Another committee's proposal is not found from here.
    await failsWith(shortlistKeyProposal(w.db, w.office, id, { reason: '跨会' }), 'proposal.not_found');
  });

  it('lists key proposals: insiders every status, members approved ones only, mine for the leading leader', async () => {
    const list = await listKeyProposals(w.db, w.office, { status: 'shortlisted,approved,revoked' });
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const forMember = await listKeyProposals(w.db, w.member(3), { status: 'shortlisted,approved,revoked' });
    expect(forMember.items.every((i) => i.status === 'approved')).toBe(true);
    const mine = await listKeyProposals(w.db, leaderCaller(leader2), { status: 'approved,revoked', mine: 'true' });
    expect(mine.items.every((i) => i.leadLeaderUserId === leader2.id)).toBe(true);
    expect(mine.items.length).toBe(1);
  });
});

describe('key proposals over HTTP: roles, tenancy, the clerk of another unit', () => {
  let app: FastifyInstance;
  let w: World;
  let office: Session, leader: Session, member: Session, water: Session, housing: Session, outsider: Session;
  let leaderId: string;
  let id: string;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld({ units: 12 });
    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => {
      const u = await makeUser(w.db, committeeId, grants);
      return { u, s: await loginAs(app, u.username) };
    };
    office = (await login([{ role: 'staff', office: 'proposals' }])).s;
    const l = await login([{ role: 'leader' }]);
    leader = l.s;
    leaderId = l.u.id;
    member = (await login([{ role: 'member', memberId: w.members[4] }])).s;
    water = (await login([{ role: 'unit_clerk', unitId: w.unit(WATER) }])).s;
    housing = (await login([{ role: 'unit_clerk', unitId: w.unit(HOUSING) }])).s;
    const other = await proposalWorld({ units: 0 });
    outsider = (await login([{ role: 'staff', office: 'proposals' }, { role: 'leader' }], other.committeeId)).s;
    id = await assigned(w);
  });
  afterAll(() => app?.close());

  const post = (s: Session, url: string, payload: object = {}, method: 'POST' | 'PUT' = 'POST') => s.request({ method, url, payload });

  it('walks the key workflow and the supervision through the routes', async () => {
    let res = await post(office, `/api/proposals/${id}/key/shortlist`, { reason: '事关群众饮水安全' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'shortlisted', statusLabel: '重点提案候选' });
    res = await post(office, `/api/proposals/${id}/key/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('proposal.key_not_allowed');
    res = await post(leader, `/api/proposals/${id}/key/approve`, { leaderUserId: leaderId, channel: 'top_leader' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', leader: { userId: leaderId }, abilities: { record_event: true, set_supervision: false } });
    res = await post(leader, `/api/proposals/${id}/supervision/events`, { kind: 'inspection', heldOn: '2025-05-08', participants: '市政协主席', notes: '视察管网改造' });
    expect(res.statusCode).toBe(201);
    expect(res.json().events[0]).toMatchObject({ kindLabel: '视察', notes: '视察管网改造' });
    res = await post(leader, `/api/proposals/${id}/supervision/events`, { kind: 'inspection', heldOn: '2025-13-45' });
    expect(res.statusCode).toBe(400);

    res = await water.request({ method: 'GET', url: `/api/proposals/${id}/key` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reason: null, abilities: { record_event: false } });
    res = await member.request({ method: 'GET', url: '/api/proposals/supervision' });
    expect(res.json().items.map((i: { proposalId: string }) => i.proposalId)).toContain(id);
    // The leader's notice of leading the supervision.
    const { rows } = await w.db.execute<{ kind: string }>(sql`select kind from notifications where user_id = ${leaderId} and entity_id = ${id}`);
    expect(rows.map((r) => r.kind)).toContain('proposal.supervision_lead');
  });

  it('403 for roles without the permission, 404 for the clerk of another unit and for another committee', async () => {
    expect((await post(member, `/api/proposals/${id}/key/shortlist`, { reason: '我想列为重点' })).statusCode).toBe(403);
    expect((await post(member, `/api/proposals/${id}/supervision/events`, { kind: 'symposium', heldOn: '2025-05-08' })).statusCode).toBe(403);
    expect((await post(water, `/api/proposals/${id}/key/approve`, {})).statusCode).toBe(403);
    expect((await post(leader, `/api/proposals/${id}/key/supervision`, { leaderUserId: leaderId, channel: 'top_leader' }, 'PUT')).statusCode).toBe(403);
    let res = await housing.request({ method: 'GET', url: `/api/proposals/${id}/key` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('proposal.not_found');
    res = await outsider.request({ method: 'GET', url: `/api/proposals/${id}/key` });
    expect(res.statusCode).toBe(404);
    res = await post(outsider, `/api/proposals/${id}/key/approve`, {});
    expect(res.statusCode).toBe(404);
    res = await post(outsider, `/api/proposals/${id}/supervision/events`, { kind: 'symposium', heldOn: '2025-05-08' });
    expect(res.statusCode).toBe(404);
    res = await outsider.request({ method: 'GET', url: '/api/proposals/supervision', committeeId: w.committeeId });
    expect(res.statusCode).toBe(404);
  });
});
