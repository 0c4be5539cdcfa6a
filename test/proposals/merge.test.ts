import { beforeAll, describe, expect, it } from 'vitest';
import { addPlenarySession } from '../../src/modules/org/index.js';
import {
  acceptAssignment, assignProposal, createDraft, getProposal, listVisibleProposals, mergeProposal, rateReply, releaseReply,
  respondToCosign, saveReply, submitProposal, submitReply,
} from '../../src/modules/proposals/index.js';
import { listQuery } from '../../src/modules/proposals/contracts.js';
import { BODY, eventsOf, failsWith, filed, proposalWorld, REPLY, stateOf, submitted, WATER, type World } from './support.js';

describe('并案: merged proposers stay answered and credited', () => {
  let w: World;
  let master: string;
  let joint: string;
  beforeAll(async () => {
    w = await proposalWorld();
    master = await filed(w, 0);
    // A joint proposal by members 1 (first) and 2 (co-signer) on the same matter.
    joint = await createDraft(w.db, w.member(1), {
      title: '关于健全农村供水工程运行管护机制的建议', body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[2]],
    });
    await respondToCosign(w.db, w.member(2), joint, { accept: true });
    await submitProposal(w.db, w.member(1), joint);
  });

  it('merges into a filed master with a composite number and credits every merged signer', async () => {
    await mergeProposal(w.db, w.office, joint, { masterId: master, note: '内容相近，并案办理' });
    const v = await getProposal(w.db, w.member(2), joint);
    expect(v.state).toBe('merged');
    expect(v.numberLabel).toBe('第1并1号');
    expect(v.mergedInto).toMatchObject({ id: master, numberLabel: '第1号' });
    const events = await eventsOf(w.db, w.committeeId, joint);
    const credit = events.find((e) => e.type === 'proposals.merged_credit')!;
    expect(credit.payload).toMatchObject({ proposalId: joint, masterId: master, numberLabel: '第1并1号' });
    expect(credit.payload.members).toEqual([{ memberId: w.members[1], role: 'first' }, { memberId: w.members[2], role: 'cosigner' }]);
    // A second merge into the same master is 并2.
    const third = await submitted(w, 3);
    await mergeProposal(w.db, w.office, third, { masterId: master });
    expect((await getProposal(w.db, w.office, third)).numberLabel).toBe('第1并2号');
    const m = await getProposal(w.db, w.office, master);
    expect(m.merged.map((x) => [x.numberLabel, x.signers.length])).toEqual([['第1并1号', 2], ['第1并2号', 1]]);
  });

  it('refuses masters that are not filed, merged ones, itself, and proposals of another committee', async () => {
    const a = await submitted(w, 4);
    const b = await submitted(w, 5);
    await failsWith(mergeProposal(w.db, w.office, a, { masterId: b }), 'proposal.merge_target_invalid');
    await failsWith(mergeProposal(w.db, w.office, a, { masterId: a }), 'proposal.merge_target_invalid');
    await failsWith(mergeProposal(w.db, w.office, a, { masterId: joint }), 'proposal.merge_target_invalid');
    const other = await proposalWorld({ units: 0 });
    const foreign = await filed(other, 0);
    await failsWith(mergeProposal(w.db, w.office, a, { masterId: foreign }), 'proposal.merge_target_invalid');
    expect(await stateOf(w.db, a)).toBe('submitted');
  });

  it("the merged proposers read the master's reply and rate it", async () => {
    const x = await proposalWorld();
    const m2 = await filed(x, 0);
    const merged = await submitted(x, 1);
    await mergeProposal(x.db, x.office, merged, { masterId: m2 });
    expect((await getProposal(x.db, x.member(1), m2)).abilities.rate).toBe(false);
    await assignProposal(x.db, x.office, m2, { leadUnitId: x.unit(WATER) });
    await acceptAssignment(x.db, x.clerk(WATER), m2);
    await saveReply(x.db, x.clerk(WATER), m2, REPLY);
    await submitReply(x.db, x.clerk(WATER), m2);
    await releaseReply(x.db, x.office, m2);
    const release = (await eventsOf(x.db, x.committeeId, m2)).find((e) => e.type === 'proposals.reply_released')!;
    expect(release.payload.raters.sort()).toEqual([x.members[0], x.members[1]].sort());
    const seen = await getProposal(x.db, x.member(1), merged);
    expect(seen.mergedInto?.replies.map((r) => r.unitName)).toEqual([WATER]);
    const asMaster = await getProposal(x.db, x.member(1), m2);
    expect(asMaster.abilities.rate).toBe(true);
    await rateReply(x.db, x.member(1), m2, { rating: 'satisfied' });
    expect((await getProposal(x.db, x.office, m2)).feedback.map((f) => f.memberId)).toEqual([x.members[1]]);
    // The merged proposer finds the master among "mine".
    const mine = await listVisibleProposals(x.db, x.member(1), listQuery.parse({ mine: 'true' }));
    expect(mine.items.map((i) => i.id).sort()).toEqual([merged, m2].sort());
  });
});

describe('numbering across sessions', () => {
  it('starts again at 1 in each session', async () => {
    const w = await proposalWorld({ units: 0 });
    const s4 = await addPlenarySession(w.db, { userId: null, label: 't' }, w.committeeId, w.committee.termId, { number: 4, name: '第五届委员会第四次会议' });
    const a = await filed(w, 0, { sessionId: w.sessionId });
    const b = await filed(w, 1, { sessionId: s4 });
    const c = await filed(w, 2, { sessionId: s4 });
    const labels = await Promise.all([a, b, c].map(async (id) => (await getProposal(w.db, w.office, id)).fullNumber));
    expect(labels).toEqual(['第五届委员会第三次会议第1号', '第五届委员会第四次会议第1号', '第五届委员会第四次会议第2号']);
  });
});
