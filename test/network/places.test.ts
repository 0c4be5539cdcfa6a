import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { placeInCommittee } from '../../src/modules/network/index.js';
import { testApp } from '../support/app.js';
import { auditOf, eventsOf, multipart, networkWorld, PNG, regionTree } from './support.js';

describe('network: regions and places (阵地)', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('the office builds the region tree; a child sits one level below its parent; codes are unique per committee', async () => {
    const w = await networkWorld(app);
    const t = await regionTree(w.office);
    const towns = (await w.member.request({ method: 'GET', url: `/api/network/regions?parentId=${t.county}` })).json();
    expect(towns.map((r: { name: string }) => r.name)).toEqual(['鲁家沟镇', '内官营镇']);
    const bad = await w.office.request({ method: 'POST', url: '/api/network/regions', payload: { parentId: t.county, level: 'village', code: '621102999001', name: '跳级村' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'network.region_level', message: '“村（社区）”不能直接设在“县区”之下' });
    const badEn = await w.office.request({ method: 'POST', url: '/api/network/regions', headers: { 'accept-language': 'en' }, payload: { parentId: t.county, level: 'village', code: '621102999001', name: '跳级村' } });
    expect(badEn.json().error.message).toBe('A village cannot sit directly below a county');
    const dup = await w.office.request({ method: 'POST', url: '/api/network/regions', payload: { parentId: t.county, level: 'town', code: '621102100', name: '重复镇' } });
    expect(dup.statusCode).toBe(409);
    const code = await w.office.request({ method: 'POST', url: '/api/network/regions', payload: { level: 'town', code: '12ab', name: '坏代码' } });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.code).toBe('request.invalid');
    // Members may not edit the table; info-office staff neither.
    expect((await w.member.request({ method: 'POST', url: '/api/network/regions', payload: { level: 'town', code: '621102200', name: '某镇' } })).statusCode).toBe(403);
    expect((await w.infoStaff.request({ method: 'POST', url: '/api/network/regions', payload: { level: 'town', code: '621102200', name: '某镇' } })).statusCode).toBe(403);
  });

  it('a place with conveners, members placed, photos and the standards checklist; members read; every change audited', async () => {
    const w = await networkWorld(app);
    const t = await regionTree(w.office);
    const up = multipart(PNG, '议事室门牌.png');
    const photo = await w.office.request({ method: 'POST', url: '/api/attachments', ...up });
    expect(photo.statusCode).toBe(201);
    const photoId = photo.json().id as string;

    const body = {
      type: 'room', name: '将台村协商议事室', regionId: t.villages[0], address: '鲁家沟镇将台村村委会二楼', openingHours: '每周三 9:00–12:00',
      firstConvener: { name: '王建国', post: '将台村党支部书记' }, execConvener: { memberId: w.memberIds[0] },
      members: [{ memberId: w.memberIds[0], role: '执行召集人' }, { memberId: w.memberIds[1], role: '驻室委员', since: '2025-03-01' }],
      photoIds: [photoId],
    };
    const created = await w.office.request({ method: 'POST', url: '/api/network/places', payload: body });
    expect(created.statusCode).toBe(201);
    const place = created.json();
    expect(place).toMatchObject({
      typeLabel: '协商议事室', region: { name: '将台村', level: 'village' }, firstConvener: { name: '王建国', post: '将台村党支部书记' },
      execConvener: { memberId: w.memberIds[0], name: '张明' }, photos: [expect.objectContaining({ id: photoId })],
      abilities: expect.arrayContaining(['edit', 'close']),
    });
    expect(place.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`).sort()).toEqual(['张明:执行召集人', '李华:驻室委员']);
    expect(place.standards.map((s: { item: string }) => s.item)).toEqual(['有阵地', '有标识', '有制度', '有流程', '有活动', '有成效']);
    expect(place.standards.every((s: { met: boolean }) => !s.met)).toBe(true);

    // A member reads the place and its photo, but may not change it.
    const seen = await w.member.request({ method: 'GET', url: `/api/network/places/${place.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual([]);
    expect((await w.member.request({ method: 'GET', url: `/api/attachments/${photoId}` })).statusCode).toBe(200);
    expect((await w.member.request({ method: 'PATCH', url: `/api/network/places/${place.id}`, payload: { openingHours: '全天' } })).statusCode).toBe(403);
    // Another committee's office: 404 for the place; the demands module's check finds it only in its own committee.
    expect((await w.cityOffice.request({ method: 'GET', url: `/api/network/places/${place.id}` })).statusCode).toBe(404);
    expect(await placeInCommittee(w.db, w.committeeId, place.id)).toEqual({ id: place.id, name: '将台村协商议事室', type: 'room' });
    expect(await placeInCommittee(w.db, w.city.id, place.id)).toBeUndefined();

    const tick = await w.office.request({ method: 'PUT', url: `/api/network/places/${place.id}/standards`, payload: { item: '有标识', met: true, metOn: '2026-03-02' } });
    expect(tick.statusCode).toBe(200);
    expect(tick.json().standards.find((s: { item: string }) => s.item === '有标识')).toMatchObject({ met: true, metOn: '2026-03-02', checkedBy: expect.any(String) });
    const unknown = await w.office.request({ method: 'PUT', url: `/api/network/places/${place.id}/standards`, payload: { item: '有食堂', met: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('“有食堂”不是本会设置的建设标准');

    const edited = await w.office.request({ method: 'PATCH', url: `/api/network/places/${place.id}`, payload: { openingHours: '每周三、周五 9:00–12:00', members: [{ memberId: w.memberIds[0], role: '执行召集人' }] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ openingHours: '每周三、周五 9:00–12:00', members: [expect.objectContaining({ name: '张明' })] });

    const badType = await w.office.request({ method: 'POST', url: '/api/network/places', headers: { 'accept-language': 'en' }, payload: { ...body, name: '另一个', type: 'canteen', photoIds: [] } });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message).toBe('"canteen" is not one of the committee\'s place types');
    const dup = await w.office.request({ method: 'POST', url: '/api/network/places', payload: { ...body, photoIds: [] } });
    expect(dup.statusCode).toBe(409);
    const strangerMember = await w.office.request({ method: 'POST', url: '/api/network/places', payload: { ...body, name: '别处', photoIds: [], members: [{ memberId: '00000000-0000-4000-8000-000000000009', role: '驻室委员' }] } });
    expect(strangerMember.statusCode).toBe(400);

    // 归雁联络服务站 with a chamber of commerce in another city.
    const guiyan = await w.office.request({ method: 'POST', url: '/api/network/places', payload: {
      type: 'liaison', name: '安定区归雁联络服务站（兰州）', regionId: t.county, partner: { org: '兰州定西商会', city: '兰州市' }, execConvener: { name: '商会秘书长 赵强' },
    } });
    expect(guiyan.statusCode).toBe(201);
    expect(guiyan.json()).toMatchObject({ typeLabel: '联络服务站', partner: { org: '兰州定西商会', city: '兰州市' }, execConvener: { name: '商会秘书长 赵强' } });

    const list = (await w.leader.request({ method: 'GET', url: `/api/network/places?regionId=${t.town1}` })).json();
    expect(list).toMatchObject({ total: 1, items: [expect.objectContaining({ name: '将台村协商议事室', regionName: '将台村', members: 1 })] });

    expect((await w.office.request({ method: 'DELETE', url: `/api/network/places/${place.id}` })).statusCode).toBe(200);
    expect((await w.office.request({ method: 'GET', url: '/api/network/places' })).json().items.map((p: { name: string }) => p.name)).toEqual(['安定区归雁联络服务站（兰州）']);
    expect((await w.office.request({ method: 'GET', url: '/api/network/places?status=closed' })).json().total).toBe(1);

    const audit = await auditOf(w.db, w.committeeId, place.id);
    expect(audit.map((a) => a.action)).toEqual(['network_place.create', 'network_place.standard', 'network_place.edit', 'network_place.close']);
    expect(audit[0].after).toMatchObject({ name: '将台村协商议事室', photoIds: [photoId] });
    expect(audit[2].before).toMatchObject({ openingHours: '每周三 9:00–12:00', members: expect.arrayContaining([expect.objectContaining({ memberId: w.memberIds[1], role: '驻室委员' })]) });
    expect((await eventsOf(w.db, w.committeeId, place.id)).map((e) => e.type)).toEqual(['network.place_created', 'network.place_closed']);
  });

  it('settings: the office changes the standards list; a removed type refuses new places', async () => {
    const w = await networkWorld(app);
    const t = await regionTree(w.office);
    const patched = await w.office.request({ method: 'PATCH', url: '/api/network/settings', payload: { standards: ['有阵地', '有标识', '有台账'], placeTypes: [{ key: 'station', label: '委员工作站', level: 'town' }] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().standards).toEqual(['有阵地', '有标识', '有台账']);
    const refused = await w.office.request({ method: 'POST', url: '/api/network/places', payload: { type: 'room', name: '某议事室', regionId: t.villages[0] } });
    expect(refused.statusCode).toBe(400);
    const dupKeys = await w.office.request({ method: 'PATCH', url: '/api/network/settings', payload: { placeTypes: [{ key: 'a1', label: '甲类', level: 'town' }, { key: 'a1', label: '乙类', level: 'town' }] } });
    expect(dupKeys.statusCode).toBe(400);
    expect((await w.member.request({ method: 'PATCH', url: '/api/network/settings', payload: { standards: ['有阵地'] } })).statusCode).toBe(403);
    expect((await auditOf(w.db, w.committeeId, w.committeeId)).map((a) => a.action)).toContain('network.settings_changed');
  });
});
