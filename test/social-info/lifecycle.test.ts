import { describe, expect, it } from 'vitest';
import {
  appointOfficer, archiveItem, editItem, forwardIssue, getItem, itemTimeline, itemVersions, mergeItem, officersProgress, publishTopic,
  recordResult, resubmitItem, returnItem, screenItem, sendBack, signIssue, similarItems, submitItem, updateInfoSettings,
} from '../../src/modules/social-info/index.js';
import { BODY, TITLE, editing, eventsOf, failsWith, infoWorld, issueWith, published, stateOf, submitted } from './support.js';
import { chinaYear } from '../../src/platform/time.js';

describe('social information: from submission to adoption', () => {
  it('an urgent joint item goes through editing, an issue, sign-off, release, forwarding, adoption and instruction', async () => {
    const w = await infoWorld();
    const topicId = await publishTopic(w.db, w.editor, { year: 2025, title: '农村清洁取暖' });
    const id = await submitted(w, 0, { urgent: true, memberIds: [w.members[1]], topicId });
    const view = await getItem(w.db, w.member(0), id);
    expect(view).toMatchObject({ state: 'submitted', urgent: true, topicId });
    expect(view.authors.map((a) => a.name)).toEqual(['张明', '李华']);
    expect(view.abilities.screen).toBe(false);
    expect((await getItem(w.db, w.editor, id)).abilities.screen).toBe(true);

    await failsWith(screenItem(w.db, w.member(0), id), 'social_info.not_allowed');
    await screenItem(w.db, w.editor, id);
    await failsWith(screenItem(w.db, w.editor, id), 'social_info.invalid_transition');
    const { acceptItem } = await import('../../src/modules/social-info/index.js');
    await acceptItem(w.db, w.editor, id);
    await editItem(w.db, w.editor, id, { body: BODY.replace('土炉', '传统土炉') });
    const issueId = await issueWith(w, [id]);
    expect(await stateOf(w.db, id)).toBe('sign_off');
    await failsWith(signIssue(w.db, w.editor, issueId), 'auth.forbidden');
    await signIssue(w.db, w.general, issueId); // the general office signs for the chair
    const { releaseIssue } = await import('../../src/modules/social-info/index.js');
    const released = await releaseIssue(w.db, w.leader, issueId);
    expect(released.number).toBe(1);
    expect(await stateOf(w.db, id)).toBe('published');

    await forwardIssue(w.db, w.editor, issueId, { destinations: ['省政协', '市委'], forwardedOn: '2025-03-01' });
    await failsWith(forwardIssue(w.db, w.editor, issueId, { destinations: ['外星政府'], forwardedOn: '2025-03-01' }), 'social_info.destination_unknown');
    await failsWith(recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '全国政协', onDate: '2025-03-05' }), 'social_info.not_forwarded');
    await recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '省政协', publication: '甘肃政协信息', onDate: '2025-03-10' });
    await recordResult(w.db, w.editor, id, { kind: 'instruction', destination: '市委', leader: '王书记', level: 'city', onDate: '2025-03-12', text: '请市应急局牵头落实。' });
    await recordResult(w.db, w.editor, id, { kind: 'follow_up', destination: '市委', onDate: '2025-04-01', text: '已完成入户排查 1,200 户。' });

    const after = await getItem(w.db, w.member(1), id);
    expect(after.issue).toMatchObject({ periodicalName: '社情民意', year: 2025, number: 1, status: 'released' });
    expect(after.forwards.map((f) => [f.destination, f.results.map((r) => r.kind)]).sort()).toEqual([['市委', ['instruction', 'follow_up']], ['省政协', ['adoption']]].sort());

    const types = (await eventsOf(w.db, w.committeeId, id)).map((e) => e.type);
    expect(types).toEqual([
      'social_info.submitted', 'social_info.screening', 'social_info.accepted', 'social_info.edited', 'social_info.sent_to_sign_off',
      'social_info.published', 'social_info.forwarded', 'social_info.adopted', 'social_info.instructed', 'social_info.followed_up',
    ]);
    const events = await eventsOf(w.db, w.committeeId, id);
    for (const e of events) expect(e.payload.memberIds).toEqual([w.members[0], w.members[1]]);
    expect(events.find((e) => e.type === 'social_info.instructed')!.payload).toMatchObject({ level: 'city', leader: '王书记' });
    expect(events.find((e) => e.type === 'social_info.published')!.payload).toMatchObject({ number: 1, periodicalName: '社情民意' });

    // The author sees the whole trail; another member of the committee does not see the item at all.
    const trail = await itemTimeline(w.db, w.member(0), id);
    expect(trail.items.map((t) => t.type)).toEqual(types);
    await failsWith(getItem(w.db, w.member(2), id), 'social_info.not_found');
  });

  it("editing keeps the author's original as version 1 and shows the diff", async () => {
    const w = await infoWorld();
    const id = await editing(w);
    await editItem(w.db, w.editor, id, { title: '关于农村留守老人冬季取暖安全隐患的报告', note: '标题精简' });
    await editItem(w.db, w.editor, id, { body: BODY.replace('并为独居老人安装报警器。', '并为独居老人免费安装一氧化碳报警器。') });
    const { versions, diff } = await itemVersions(w.db, w.member(0), id);
    expect(versions.map((v) => [v.version, v.kind])).toEqual([[1, 'original'], [2, 'edit'], [3, 'edit']]);
    expect(versions[0]).toMatchObject({ title: TITLE, body: BODY });
    expect(diff.title).toEqual([{ op: 'removed', text: TITLE }, { op: 'added', text: '关于农村留守老人冬季取暖安全隐患的报告' }]);
    expect(diff.body.filter((d) => d.op !== 'same')).toHaveLength(2);
    expect(diff.body.filter((d) => d.op === 'same')).toHaveLength(2);
    const current = await getItem(w.db, w.member(0), id);
    expect(current.body).toContain('一氧化碳报警器');
  });

  it('returned with a reason, resubmitted revised by the author; archived with a reason; the limit is configurable', async () => {
    const w = await infoWorld();
    const id = await submitted(w);
    await returnItem(w.db, w.editor, id, { reason: '请补充具体数据' });
    expect(await getItem(w.db, w.member(0), id)).toMatchObject({ state: 'returned', reason: '请补充具体数据', abilities: { resubmit: true } });
    await failsWith(resubmitItem(w.db, w.member(1), id, {}), 'social_info.not_found');
    await failsWith(resubmitItem(w.db, w.editor, id, {}), 'social_info.not_allowed');
    await resubmitItem(w.db, w.member(0), id, { body: BODY + '\n据统计，全镇独居老人 326 人。' });
    expect((await itemVersions(w.db, w.member(0), id)).versions.map((v) => v.kind)).toEqual(['original', 'resubmission']);
    await archiveItem(w.db, w.editor, id, { reason: '与已刊发信息重复' });
    expect(await getItem(w.db, w.member(0), id)).toMatchObject({ state: 'archived', reason: '与已刊发信息重复' });

    await updateInfoSettings(w.db, w.editor, { maxChars: 100 });
    await failsWith(submitted(w, 0, { body: BODY + BODY }), 'social_info.too_long');
    await submitted(w, 0, { body: '村里缺少定期入户排查，老人对煤气中毒的防范知识了解不多。' });
  });

  it('similar items are offered for merging; a merged item points to its target', async () => {
    const w = await infoWorld();
    const a = await submitted(w, 0);
    const b = await submitted(w, 1, { title: '农村独居老人冬季燃煤取暖中毒风险大', body: '不少农村独居老人冬季用土炉燃煤取暖，一氧化碳中毒事故时有发生，建议开展入户排查并推广清洁取暖。' });
    const c = await submitted(w, 2, { title: '关于规范城区共享单车停放的建议', body: '城区共享单车乱停乱放，占用盲道和人行道，建议划定停放区域，企业加强调度。' });
    const sim = await similarItems(w.db, w.editor, b, 10);
    expect(sim.items[0].id).toBe(a);
    expect(sim.items.map((i) => i.id)).not.toContain(c);
    await mergeItem(w.db, w.editor, b, { targetId: a });
    expect(await getItem(w.db, w.member(1), b)).toMatchObject({ state: 'merged', mergedIntoId: a });
    await failsWith(mergeItem(w.db, w.editor, c, { targetId: b }), 'social_info.merge_target_invalid');
  });

  it('staff submit for an organisation; send-back leaves the issue; officers see their progress against the quota', async () => {
    const w = await infoWorld();
    const org = await submitItem(w.db, w.editor, { title: TITLE, body: BODY, sourceKind: 'organisation', sourceName: '民盟市委会' });
    await failsWith(submitItem(w.db, w.editor, { title: TITLE, body: BODY, sourceKind: 'sector' }), 'social_info.source_name_required');
    expect(await getItem(w.db, w.editor, org)).toMatchObject({ sourceLabel: '党派团体', sourceName: '民盟市委会', authors: [] });

    const id = await editing(w, 3);
    await issueWith(w, [id]);
    await sendBack(w.db, w.leader, id, { note: '数据需核实' });
    expect(await getItem(w.db, w.editor, id)).toMatchObject({ state: 'editing', issue: null });

    const year = chinaYear(); // the server's year (China time), not this machine's: they differ on 31 December after 16:00 UTC
    await failsWith(submitted(w, 3, { sourceKind: 'officer' }), 'social_info.not_an_officer');
    await appointOfficer(w.db, w.editor, { year, memberId: w.members[3] });
    await submitted(w, 3, { sourceKind: 'officer' });
    await appointOfficer(w.db, w.editor, { year, memberId: w.members[2], monthlyQuota: 2 });
    const progress = await officersProgress(w.db, w.editor, year);
    const zhao = progress.officers.find((o) => o.memberId === w.members[3])!;
    expect(zhao).toMatchObject({ monthlyQuota: 1, total: 2, owed: 12, monthsMet: 1 });
    expect(progress.officers.find((o) => o.memberId === w.members[2])).toMatchObject({ monthlyQuota: 2, total: 0, monthsMet: 0 });
  });

  it('a published item emits social_info.published once per item of the issue', async () => {
    const w = await infoWorld();
    const { id } = await published(w);
    expect((await eventsOf(w.db, w.committeeId, id)).filter((e) => e.type === 'social_info.published')).toHaveLength(1);
  });
});
