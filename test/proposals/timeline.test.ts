import { beforeAll, describe, expect, it } from 'vitest';
import { rateReply } from '../../src/modules/proposals/index.js';
import { proposalTimeline } from '../../src/modules/proposals/queries/proposal-timeline.js';
import { auditOf, failsWith, HEALTH, proposalWorld, released, type World } from './support.js';

describe('办理过程: the proposal timeline from its audit rows', () => {
  let w: World;
  beforeAll(async () => {
    w = await proposalWorld();
  });

  it('lists every move in time order — 签收 and 提交答复 included, 交办 before 评价 — and no draft saves', async () => {
    const id = await released(w);
    await rateReply(w.db, w.member(0), id, { rating: 'satisfied' });
    const { items } = await proposalTimeline(w.db, w.member(0), id);
    expect(items.map((e) => e.label)).toEqual(['创建草稿', '提交', '立案', '交办', '签收', '提交答复', '审核发布', '评价']);
    // Every move the audit holds for the proposal appears, except the draft saves.
    const moves = (await auditOf(w.db, w.committeeId, id)).map((a) => a.action).filter((a) => a.startsWith('proposal.') && a !== 'proposal.save_reply' && a !== 'proposal.edit');
    expect(items.map((e) => `proposal.${e.action}`)).toEqual(moves);
    const instants = items.map((e) => Date.parse(e.at));
    expect(instants.every((t, i) => i === 0 || t >= instants[i - 1])).toBe(true);
    expect(items.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(e.at))).toBe(true);
    expect(items.find((e) => e.action === 'accept')).toMatchObject({ fromState: 'assigned', toState: 'handling', toStateLabel: '办理中' });
  });

  it('is visible exactly as the proposal: another unit and another committee get 404', async () => {
    const id = await released(w);
    await failsWith(proposalTimeline(w.db, w.clerk(HEALTH), id), 'proposal.not_found');
    const other = await proposalWorld({ units: 1 });
    await failsWith(proposalTimeline(w.db, other.office, id), 'proposal.not_found');
    expect((await proposalTimeline(w.db, w.office, id)).items.length).toBeGreaterThan(5);
  });
});
