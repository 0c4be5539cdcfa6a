import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appointOfficer, getItem, listItems, submitItem } from '../../src/modules/social-info/index.js';
import { testApp, loginAs } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, TITLE, callerFor, failsWith, infoWorld, submitted } from './support.js';
import { chinaYear } from '../../src/platform/time.js';

describe('social information: tenancy and visibility', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it("an officer of one committee gets 404 for another committee's item, over HTTP and in commands", async () => {
    const home = await infoWorld();
    const other = await infoWorld();
    const year = chinaYear(); // the server's year (China time), not this machine's: they differ on 31 December after 16:00 UTC
    await appointOfficer(home.db, home.editor, { year, memberId: home.members[0] });
    const foreign = await submitted(other, 0);
    const mine = await submitted(home, 0);

    const officer = await makeUser(home.db, home.committeeId, [{ role: 'member', memberId: home.members[0] }]);
    const s = await loginAs(app, officer.username);
    const ok = await s.request({ method: 'GET', url: `/api/social-info/items/${mine}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: mine, title: TITLE });
    const res = await s.request({ method: 'GET', url: `/api/social-info/items/${foreign}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('social_info.not_found');
    expect((await s.request({ method: 'GET', url: `/api/social-info/items/${foreign}/timeline` })).statusCode).toBe(404);

    const editor = await makeUser(home.db, home.committeeId, [{ role: 'staff', office: 'info' }]);
    const e = await loginAs(app, editor.username);
    expect((await e.request({ method: 'POST', url: `/api/social-info/items/${foreign}/screen`, payload: {} })).statusCode).toBe(404);
    await failsWith(getItem(home.db, home.editor, foreign), 'social_info.not_found');
    await failsWith(getItem(home.db, callerFor(home.committeeId, [{ role: 'member', memberId: other.members[0] }]), foreign), 'social_info.not_found');
  });

  it('searches Chinese text among the items the caller may see', async () => {
    const w = await infoWorld();
    await submitted(w, 0);
    await submitItem(w.db, w.member(1), { title: '关于规范城区共享单车停放的建议', body: '城区共享单车乱停乱放，占用盲道和人行道，建议划定停放区域。' });
    const hits = await listItems(w.db, w.editor, { q: '老人取暖', page: 1, pageSize: 20 });
    expect(hits.items.map((i) => i.title)).toEqual([TITLE]);
    const bikes = await listItems(w.db, w.editor, { q: '共享单车', page: 1, pageSize: 20 });
    expect(bikes.total).toBe(1);
    // A member sees only their own items, even when the words match another's.
    expect((await listItems(w.db, w.member(1), { q: '老人取暖', page: 1, pageSize: 20 })).total).toBe(0);
    expect((await listItems(w.db, w.member(0), { q: '取暖', page: 1, pageSize: 20 })).total).toBe(1);

    const member = await makeUser(w.db, w.committeeId, [{ role: 'member', memberId: w.members[0] }]);
    const s = await loginAs(app, member.username);
    const res = await s.request({ method: 'POST', url: '/api/social-info/items', payload: { title: TITLE, body: BODY, urgent: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted', urgent: true, authors: [{ memberId: w.members[0] }] });
  });
});
