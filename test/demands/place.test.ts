import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPlace, createRegion } from '../../src/modules/network/index.js';
import type { Caller } from '../../src/platform/http/route-kit.js';
import type { Db } from '../../src/platform/db/database.js';
import { testApp } from '../support/app.js';
import { makeCommittee } from '../support/factories.js';
import { DEMAND, demandWorld } from './support.js';

const probe = { userId: null, label: 'test' };

/** A town region and a 委员工作站 in it, through the network module's commands. */
async function placeOf(db: Db, committeeId: string, name: string): Promise<string> {
  const office: Caller = { committeeId, actor: probe, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false };
  const regionId = await createRegion(db, office, { level: 'town', code: String(621102100 + crypto.randomInt(0, 899)), name: '凤翔镇' });
  return createPlace(db, office, { type: 'station', name, regionId });
}

describe("demands: a demand's place is one of the committee's network places", () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it("records the committee's own place; refuses another committee's place and an unknown one alike, with a 400 in zh and en", async () => {
    const w = await demandWorld(app);
    const own = await placeOf(w.db, w.committeeId, '凤翔镇委员工作站');
    const ok = await w.office.request({ method: 'POST', url: '/api/demands', payload: { ...DEMAND, placeId: own } });
    expect(ok.statusCode).toBe(201);
    expect((await w.office.request({ method: 'GET', url: `/api/demands/${ok.json().id}` })).json()).toMatchObject({ placeId: own });

    const other = await makeCommittee(w.db, { level: 'city' });
    const foreign = await placeOf(w.db, other.id, '他会委员工作站');
    for (const placeId of [foreign, crypto.randomUUID()]) {
      const res = await w.member.request({ method: 'POST', url: '/api/demands', payload: { ...DEMAND, channel: 'field', placeId } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'demand.place_unknown', message: '所选的委员工作站（室）不存在或不属于本会' });
      const en = await w.member.request({ method: 'POST', url: '/api/demands', headers: { 'accept-language': 'en' }, payload: { ...DEMAND, channel: 'field', placeId } });
      expect(en.json().error.message).toBe('No such place (station, studio or room) in this committee');
    }
    // Nothing was recorded for the refused ones.
    expect((await w.office.request({ method: 'GET', url: '/api/demands' })).json().items).toHaveLength(1);
  });
});
