import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAssignment, assignProposal, createDraft, fileProposal, getProposal, releaseReply, respondToCosign, saveReply, submitProposal, submitReply,
} from '../../src/modules/proposals/index.js';
import { BODY, callerFor, proposalWorld, REPLY, TITLE, WATER, type World } from './support.js';

/**
 * A reply marked 不公开 is read in full by the proposal's proposer and co-signers, the office, the
 * handling unit, staff and leaders; another member sees that it exists and its class only.
 */
describe('不公开 replies', () => {
  let w: World;
  let withheldId: string;
  let publicId: string;

  async function releasedWith(isPublic: boolean) {
    const id = await createDraft(w.db, w.member(0), { title: TITLE, body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[1]] });
    await respondToCosign(w.db, w.member(1), id, { accept: true });
    await submitProposal(w.db, w.member(0), id);
    await fileProposal(w.db, w.office, id);
    await assignProposal(w.db, w.office, id, { leadUnitId: w.unit(WATER), coUnitIds: [] });
    const clerk = w.clerk(WATER);
    await acceptAssignment(w.db, clerk, id);
    await saveReply(w.db, clerk, id, { ...REPLY, isPublic });
    await submitReply(w.db, clerk, id);
    await releaseReply(w.db, w.office, id);
    return id;
  }

  beforeAll(async () => {
    w = await proposalWorld();
    withheldId = await releasedWith(false);
    publicId = await releasedWith(true);
  });

  it('the proposer, a co-signer, the office, the unit, staff and leaders read it in full', async () => {
    const readers = {
      proposer: w.member(0),
      cosigner: w.member(1),
      office: w.office,
      unit: w.clerk(WATER),
      'info staff': callerFor(w.committeeId, [{ role: 'staff', office: 'info' }]),
      leader: callerFor(w.committeeId, [{ role: 'leader' }]),
    };
    for (const [who, caller] of Object.entries(readers)) {
      const v = await getProposal(w.db, caller, withheldId);
      const r = v.replies.find((x) => x.status === 'released')!;
      expect({ who, withheld: r.withheld, body: r.body, phone: r.contactPhone, signer: r.signer }).toEqual({
        who, withheld: false, body: REPLY.body, phone: REPLY.contactPhone, signer: REPLY.signer,
      });
    }
  });

  it('another member sees that a reply exists and its class, not its text or contact phone', async () => {
    const v = await getProposal(w.db, w.member(2), withheldId);
    expect(v.replies).toHaveLength(1);
    const r = v.replies[0];
    expect(r).toMatchObject({ withheld: true, isPublic: false, replyClass: 'A', unitName: WATER, status: 'released', body: '', contactPhone: null, contactPerson: null, signer: null, docNumber: null });
    expect(JSON.stringify(v)).not.toContain(REPLY.contactPhone);
    expect(JSON.stringify(v)).not.toContain(REPLY.body.slice(0, 20));
    // A public reply is read by every member in full.
    const open = (await getProposal(w.db, w.member(2), publicId)).replies[0];
    expect(open).toMatchObject({ withheld: false, body: REPLY.body, contactPhone: REPLY.contactPhone });
  });
});
