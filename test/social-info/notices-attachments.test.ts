import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readAttachment, storeAttachment } from '../../src/platform/attachments.js';
import type { RequestContext } from '../../src/platform/modules.js';
import {
  archiveItem, forwardItem, getItem, mergeItem, recordResult, releaseIssue, resubmitItem, returnItem, signIssue, submitItem,
} from '../../src/modules/social-info/index.js';
import { testApp, loginAs } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, TITLE, callerFor, editing, failsWith, infoWorld, issueWith, submitted, type World } from './support.js';

async function noticesOf(w: World, userId: string) {
  const { rows } = await w.db.execute<{ kind: string; title: string; body: string | null; link: string }>(sql`
    select kind, title, body, link from notifications where committee_id = ${w.committeeId} and user_id = ${userId} order by created_at, id`);
  return rows;
}

const ctxFor = (w: World, userId: string | null, grants: RequestContext['grants']) =>
  ({ db: w.db, committeeId: w.committeeId, grants, principal: null, actor: { userId, label: 't', requestId: 'r' } }) as unknown as RequestContext;

describe('social information: authors are notified; items carry attachments', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); }); // runs the manifest init (attachment owner)
  afterAll(() => app?.close());

  it('every step reaches the user accounts of all authors, in the step\'s transaction, linking to the item', async () => {
    const w = await infoWorld();
    const lead = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }]);
    const co = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[1] }]);
    const bystander = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[2] }]);

    const id = await editing(w, 0, { memberIds: [w.members[1]] });
    const issueId = await issueWith(w, [id], { year: 2026 });
    await signIssue(w.db, w.leader, issueId);
    await releaseIssue(w.db, w.editor, issueId);
    await forwardItem(w.db, w.editor, id, { destinations: ['省政协', '市委'], forwardedOn: '2026-03-01' });
    await recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '省政协', publication: '甘肃政协信息', onDate: '2026-03-10' });
    await recordResult(w.db, w.editor, id, { kind: 'instruction', destination: '市委', leader: '王书记', level: 'city', onDate: '2026-03-12', text: '请市应急局牵头落实。' });
    // A failed step notifies nobody (the notice is in the rolled-back transaction).
    await failsWith(recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '全国政协', onDate: '2026-03-05' }), 'social_info.not_forwarded');

    const expected = [
      ['social_info.published', `您报送的社情民意信息《${TITLE}》刊发于《社情民意》2026年第1期`],
      ['social_info.forwarded', `您报送的社情民意信息《${TITLE}》已报送省政协、市委`],
      ['social_info.adopted', `您报送的社情民意信息《${TITLE}》被省政协采用（甘肃政协信息）`],
      ['social_info.instructed', `您报送的社情民意信息《${TITLE}》获市级领导王书记批示`],
    ];
    for (const user of [lead, co]) {
      const notes = await noticesOf(w, user.id);
      expect(notes.map((n) => [n.kind, n.title])).toEqual(expected);
      expect(new Set(notes.map((n) => n.link))).toEqual(new Set([`/social-info/items/${id}`]));
      expect(notes[3].body).toBe('请市应急局牵头落实。');
    }
    expect(await noticesOf(w, bystander.id)).toEqual([]);

    const r = await submitted(w, 0);
    await returnItem(w.db, w.editor, r, { reason: '请补充具体数据' });
    const x = await submitted(w, 0);
    await archiveItem(w.db, w.editor, x, { reason: '与已刊发信息重复' });
    const target = await submitted(w, 2, { title: '农村独居老人冬季燃煤取暖中毒风险大' });
    const m = await submitted(w, 0);
    await mergeItem(w.db, w.editor, m, { targetId: target });
    const more = (await noticesOf(w, lead.id)).slice(4);
    expect(more.map((n) => [n.kind, n.body])).toEqual([
      ['social_info.returned', '请补充具体数据'], ['social_info.archived', '与已刊发信息重复'], ['social_info.merged', null],
    ]);
    expect(more[2].title).toBe(`您报送的社情民意信息《${TITLE}》已与同一事项的《农村独居老人冬季燃煤取暖中毒风险大》合并编发`);

    // Staff who submitted for an organisation hear of it too, but nobody is told of their own step.
    const staff = await makeUser(w.db, w.committeeId, [{ role: 'staff', office: 'info' }]);
    const staffCaller = { ...callerFor(w.committeeId, [{ role: 'staff', office: 'info' }]), actor: { userId: staff.id, label: 'staff' } };
    const org = await submitItem(w.db, staffCaller, { title: TITLE, body: BODY, sourceKind: 'organisation', sourceName: '民盟市委会' });
    await returnItem(w.db, staffCaller, org, { reason: '请注明数据来源' });
    expect(await noticesOf(w, staff.id)).toEqual([]);
    await resubmitItem(w.db, staffCaller, org, {});
    await returnItem(w.db, w.editor, org, { reason: '请注明数据来源' });
    expect((await noticesOf(w, staff.id)).map((n) => n.kind)).toEqual(['social_info.returned']);
  });

  it('files uploaded beforehand are claimed by submit and resubmit, listed on the item, and as visible as the item', async () => {
    const w = await infoWorld();
    const author = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }]);
    const other = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[2] }]);
    const upload = (by: string, name: string) =>
      storeAttachment(w.db, { committeeId: w.committeeId, fileName: name, mime: 'image/jpeg', content: Buffer.from(`photo ${name}`), uploadedBy: by });
    const photo = await upload(author.id, '土炉取暖现场.jpg');

    const s = await loginAs(app, author.username);
    const res = await s.request({ method: 'POST', url: '/api/social-info/items', payload: { title: TITLE, body: BODY, attachmentIds: [photo.id] } });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['土炉取暖现场.jpg']);

    // Someone else's upload cannot be claimed: the whole submission fails and nothing is written.
    const foreign = await upload(other.id, '别人的照片.jpg');
    const bad = await s.request({ method: 'POST', url: '/api/social-info/items', payload: { title: TITLE, body: BODY, attachmentIds: [foreign.id] } });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.code).toBe('attachments.not_found');
    const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from social_info_items where committee_id = ${w.committeeId}`);
    expect(rows[0].n).toBe(1);

    // Resubmission adds a file.
    await returnItem(w.db, w.editor, item.id, { reason: '请补充现场照片' });
    const second = await upload(author.id, '入户排查表.pdf');
    const again = await s.request({ method: 'POST', url: `/api/social-info/items/${item.id}/resubmit`, payload: { attachmentIds: [second.id] } });
    expect(again.statusCode).toBe(200);
    expect(again.json().attachments.map((a: { fileName: string }) => a.fileName).sort()).toEqual(['入户排查表.pdf', '土炉取暖现场.jpg'].sort());

    // Visibility follows the item: the office and the author read the file, another member does not.
    expect(await readAttachment(w.db, ctxFor(w, null, [{ role: 'staff', office: 'info' }]), photo.id)).toMatchObject({ fileName: '土炉取暖现场.jpg' });
    expect(await readAttachment(w.db, ctxFor(w, null, [{ role: 'member', memberId: w.members[0] }]), photo.id)).not.toBeNull();
    expect(await readAttachment(w.db, ctxFor(w, other.id, [{ role: 'member', memberId: w.members[2] }]), photo.id)).toBeNull();
    expect((await getItem(w.db, w.editor, item.id)).attachments).toHaveLength(2);
  });
});
