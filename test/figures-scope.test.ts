import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeScope } from '../src/platform/scope.js';
import { chinaYear } from '../src/platform/time.js';
import { loginAs, testApp, type Session } from './support/app.js';
import { makeUser } from './support/factories.js';
import { filed, proposalWorld, submitted, type World } from './proposals/support.js';
import { infoWorld, published, submitted as infoSubmitted } from './social-info/support.js';

/**
 * Figures across levels (全市各级): a city reads its own figures and, with scope=tree, its counties'
 * with them; a county reads its own subtree and nothing of its city; members may not read figures;
 * another committee is a 404.
 */
describe('figures over a committee scope', () => {
  let app: FastifyInstance;
  let city: World;
  let county: World;
  let elsewhere: World;
  let cityLeader: Session;
  let countyLeader: Session;
  let cityMember: Session;
  const year = chinaYear();

  beforeAll(async () => {
    city = await proposalWorld({ units: 2 });
    county = await proposalWorld({ units: 2, parentCode: city.committee.code });
    elsewhere = await proposalWorld({ units: 2 });
    for (let i = 0; i < 3; i++) await filed(city, i);
    await submitted(city, 3);
    for (let i = 0; i < 2; i++) await filed(county, i);
    await filed(elsewhere, 0);
    app = await testApp();
    cityLeader = await loginAs(app, (await makeUser(city.db, city.committeeId, [{ role: 'leader' }])).username);
    countyLeader = await loginAs(app, (await makeUser(county.db, county.committeeId, [{ role: 'leader' }])).username);
    cityMember = await loginAs(app, (await makeUser(city.db, city.committeeId, [{ role: 'member', memberId: city.members[0] }])).username);
  });
  afterAll(() => app?.close());

  const figures = (s: Session, query: string, committeeId?: string) => s.request({ method: 'GET', url: `/api/proposals/figures?${query}`, committeeId });

  it('walks committees.parent_id down from the committee addressed, never up', async () => {
    expect((await committeeScope(city.db, city.committeeId, 'tree')).committeeIds).toEqual([city.committeeId, county.committeeId]);
    expect((await committeeScope(city.db, county.committeeId, 'tree')).committeeIds).toEqual([county.committeeId]);
    expect((await committeeScope(city.db, city.committeeId, 'self')).committeeIds).toEqual([city.committeeId]);
  });

  it('a city reads its own year, and with scope=tree its counties’ too', async () => {
    const self = await figures(cityLeader, `year=${year}`);
    expect(self.statusCode).toBe(200);
    expect(self.json().totals).toMatchObject({ received: 4, filed: 3 });
    expect(self.json().scope).toMatchObject({ kind: 'self', committees: 1, year });
    const tree = await figures(cityLeader, `year=${year}&scope=tree`);
    expect(tree.json().totals).toMatchObject({ received: 6, filed: 5 });
    expect(tree.json().scope).toMatchObject({ kind: 'tree', committees: 2, year });
    // Across levels the figures are of a year: this one when none is given.
    expect((await figures(cityLeader, 'scope=tree')).json().scope).toMatchObject({ kind: 'tree', year });
  });

  it('a county sees nothing of its city, even with scope=tree', async () => {
    const tree = await figures(countyLeader, `year=${year}&scope=tree`);
    expect(tree.statusCode).toBe(200);
    expect(tree.json().totals).toMatchObject({ received: 2, filed: 2 });
    expect((await figures(countyLeader, `year=${year}&scope=tree`, city.committeeId)).statusCode).toBe(404);
  });

  it('refuses a member (403), another committee (404) and a session across levels (400, worded)', async () => {
    expect((await figures(cityMember, `year=${year}&scope=tree`)).statusCode).toBe(403);
    expect((await figures(cityLeader, `year=${year}&scope=tree`, elsewhere.committeeId)).statusCode).toBe(404);
    const bad = await figures(cityLeader, `sessionId=${city.sessionId}&scope=tree`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('全市各级统计按年度');
    expect((await figures(cityLeader, 'scope=nation')).statusCode).toBe(400);
  });

  it('社情民意 figures sum a city and its counties with scope=tree; a county sees only its own', async () => {
    const infoCity = await infoWorld();
    const infoCounty = await infoWorld({ parentCode: infoCity.code });
    await published(infoCity, 0);
    await infoSubmitted(infoCity, 1);
    await published(infoCounty, 0);
    const cityStaff = await loginAs(app, (await makeUser(infoCity.db, infoCity.committeeId, [{ role: 'staff', office: 'info' }])).username);
    const countyStaff = await loginAs(app, (await makeUser(infoCounty.db, infoCounty.committeeId, [{ role: 'staff', office: 'info' }])).username);
    const get = (s: Session, q: string) => s.request({ method: 'GET', url: `/api/social-info/figures?year=${year}${q}` });
    const self = (await get(cityStaff, '')).json();
    expect(self.totals).toMatchObject({ received: 2, published: 1 });
    expect(self.scope).toEqual({ kind: 'self', committees: 1 });
    const tree = (await get(cityStaff, '&scope=tree')).json();
    expect(tree.totals).toMatchObject({ received: 3, published: 2 });
    expect(tree.scope).toEqual({ kind: 'tree', committees: 2 });
    expect((await get(countyStaff, '&scope=tree')).json().totals).toMatchObject({ received: 1, published: 1 });
  });
});
