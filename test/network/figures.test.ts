import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../support/app.js';
import { networkWorld, regionTree } from './support.js';

describe('network figures, the county page and the map', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('counts places by type and county, coverage, members placed and receptions; the city reads its counties with scope=tree', async () => {
    const w = await networkWorld(app);
    const t = await regionTree(w.office);
    const place = async (body: object) => {
      const r = await w.office.request({ method: 'POST', url: '/api/network/places', payload: body });
      if (r.statusCode !== 201) throw new Error(r.body);
      return r.json().id as string;
    };
    const station = await place({ type: 'station', name: '鲁家沟镇委员工作站', regionId: t.town1, members: [{ memberId: w.memberIds[0], role: '站长' }, { memberId: w.memberIds[1], role: '驻站委员' }] });
    await place({ type: 'room', name: '将台村协商议事室', regionId: t.villages[0], members: [{ memberId: w.memberIds[0], role: '执行召集人' }] });
    await place({ type: 'room', name: '锦花村协商议事室', regionId: t.villages[3] });
    await place({ type: 'studio', name: '张明委员工作室', regionId: t.county });
    const closed = await place({ type: 'room', name: '太平村协商议事室', regionId: t.villages[2] });
    await w.office.request({ method: 'DELETE', url: `/api/network/places/${closed}` });
    for (const heldOn of ['2026-03-10', '2026-04-10']) {
      const r = await w.office.request({ method: 'POST', url: `/api/network/places/${station}/receptions`, payload: { heldOn, memberIds: [w.memberIds[0]], visits: [{ visitor: '村民', matter: '道路', outcome: 'answered' }] } });
      expect(r.statusCode).toBe(201);
    }

    const places = (await w.leader.request({ method: 'GET', url: '/api/figures/network/places' })).json();
    expect(places).toMatchObject({ total: 4, byType: { station: 1, room: 2, studio: 1 } });
    expect(places.byRegion.every((r: { region: string }) => r.region === '安定区')).toBe(true);
    const coverage = (await w.leader.request({ method: 'GET', url: '/api/figures/network/coverage' })).json();
    expect(coverage).toEqual({ villages: 5, covered: 2, ratePercent: 40, byCounty: [{ county: '安定区', villages: 5, covered: 2, ratePercent: 40 }] });
    expect((await w.leader.request({ method: 'GET', url: '/api/figures/network/members-placed' })).json()).toMatchObject({ members: 2, placements: 3 });
    expect((await w.leader.request({ method: 'GET', url: '/api/figures/network/receptions?year=2026' })).json()).toMatchObject({ receptions: 2, visits: 2, members: 1 });
    expect((await w.member.request({ method: 'GET', url: '/api/figures/network/coverage' })).statusCode).toBe(403);
    expect((await w.leader.request({ method: 'GET', url: '/api/figures/network/receptions?year=20x6' })).statusCode).toBe(400);

    // The city: nothing of its own, its county's with scope=tree.
    expect((await w.cityOffice.request({ method: 'GET', url: '/api/figures/network/coverage' })).json()).toMatchObject({ villages: 0, covered: 0 });
    expect((await w.cityOffice.request({ method: 'GET', url: '/api/figures/network/coverage?scope=tree' })).json()).toMatchObject({ villages: 5, covered: 2 });

    // The county's page: one row per town (and one for the county level), with its counts.
    const page = (await w.member.request({ method: 'GET', url: '/api/network/overview?year=2026' })).json();
    expect(page.totals).toEqual({ villages: 5, covered: 2, places: { station: 1, room: 2, studio: 1 }, receptions: 2 });
    expect(page.towns).toEqual([
      { id: null, name: '县级及以上', code: null, villages: 0, covered: 0, places: { studio: 1 }, members: 0, receptions: 0 },
      { id: t.town1, name: '鲁家沟镇', code: '621102100', villages: 3, covered: 1, places: { station: 1, room: 1 }, members: 2, receptions: 2 },
      { id: t.town2, name: '内官营镇', code: '621102101', villages: 2, covered: 1, places: { room: 1 }, members: 0, receptions: 0 },
    ]);

    const map = await w.member.request({ method: 'GET', url: '/api/network/map.svg' });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toContain('image/svg+xml');
    expect(map.body).toContain('鲁家沟镇');
    expect(map.body).toContain('1/3 村（社区）有议事室');
    expect((map.body.match(/r="2.6" fill="#27ae60"/g) ?? []).length).toBe(2); // the legend dot has another radius
    expect((map.body.match(/r="2.6" fill="#c8ccd2"/g) ?? []).length).toBe(3);
    const cityMap = await w.cityOffice.request({ method: 'GET', url: '/api/network/map.svg?scope=tree' });
    expect(cityMap.body).toContain('安定区');
    expect((await w.cityOffice.request({ method: 'GET', url: '/api/network/map.svg' })).body).toContain('尚未录入乡镇');
  });
});
