import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { testApp } from '../support/app.js';
import { auditOf, DEMAND, demandWorld, eventsOf } from './support.js';

describe('demands: intake, masked personal data, triage to a unit, the clerk answers', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(() => app?.close());

  it('staff record a demand; lists and records show personal data masked; only handlers may reveal it, and each reveal is audited', async () => {
    const w = await demandWorld(app);
    const res = await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ state: 'received', channel: 'reception', kind: '基础设施', person: { name: '张**', phone: '138****1234', idNo: '620***********1234' }, mayReveal: true });
    expect(d.trackingCode).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{12}$/);
    expect(d.abilities).toEqual(['answer_on_spot', 'refer', 'assign_member', 'convert', 'decline']);

    // The leader and other staff see it, masked, and may not reveal.
    const leaderList = (await w.leader.request({ method: 'GET', url: '/api/demands' })).json();
    expect(leaderList.items).toEqual([expect.objectContaining({ id: d.id, person: { name: '张**', phone: '138****1234', idNo: '620***********1234' }, mayReveal: false, abilities: [] })]);
    expect(JSON.stringify(leaderList)).not.toContain('13812341234');
    expect(JSON.stringify(leaderList)).not.toContain('张建国');
    expect((await w.leader.request({ method: 'POST', url: `/api/demands/${d.id}/personal-data` })).statusCode).toBe(403);
    expect((await w.infoStaff.request({ method: 'POST', url: `/api/demands/${d.id}/personal-data` })).statusCode).toBe(403);
    // A member who neither recorded nor took it up, and the clerk of a unit it was not referred to, do not see it at all.
    expect((await w.member2.request({ method: 'GET', url: `/api/demands/${d.id}` })).statusCode).toBe(404);
    expect((await w.clerk.request({ method: 'GET', url: `/api/demands/${d.id}` })).statusCode).toBe(404);
    expect((await w.clerk.request({ method: 'GET', url: '/api/demands' })).json().items).toEqual([]);

    const revealed = await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/personal-data` });
    expect(revealed.json()).toEqual({ name: '张建国', phone: '13812341234', idNo: '620102198001011234', erased: false });
    const audit = await auditOf(w.db, w.committeeId, d.id);
    expect(audit.map((a) => a.action)).toEqual(['demand.submit', 'demand.personal_data_read']);
    expect(audit[1].after).toEqual({ fields: ['name', 'phone', 'idNo'] });
    // The audit log outlives the retention period, so it never holds the values.
    expect(JSON.stringify(audit)).not.toContain('13812341234');
    expect(JSON.stringify(audit)).not.toContain('张建国');
  });

  it('转办 to a unit with a working-day deadline; its clerk alone sees it, reveals the contact and answers; the person reads the answer by code and rates it', async () => {
    const w = await demandWorld(app);
    const d = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    // Only the triage office refers.
    expect((await w.member.request({ method: 'POST', url: `/api/demands/${d.id}/refer`, payload: { unitId: w.unitId } })).statusCode).toBe(403);
    const referred = await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/refer`, payload: { unitId: w.unitId, workingDays: 10 } });
    expect(referred.statusCode).toBe(200);
    expect(referred.json()).toMatchObject({ state: 'referred', unitId: w.unitId, unitName: '市交通运输局', abilities: ['return_referral'] });
    expect(referred.json().deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Referring twice is a conflict: 403 comes before 409 for those who may not.
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/refer`, payload: { unitId: w.unitId } })).statusCode).toBe(409);

    const clerkList = (await w.clerk.request({ method: 'GET', url: '/api/demands' })).json();
    expect(clerkList.items).toEqual([expect.objectContaining({ id: d.id, mayReveal: true, abilities: ['return_referral', 'unit_answer'] })]);
    expect((await w.clerk2.request({ method: 'GET', url: `/api/demands/${d.id}` })).statusCode).toBe(404);
    expect((await w.clerk2.request({ method: 'POST', url: `/api/demands/${d.id}/unit-answer`, payload: { answer: '不是我们' } })).statusCode).toBe(404);
    expect((await w.clerk.request({ method: 'POST', url: `/api/demands/${d.id}/personal-data` })).json().phone).toBe('13812341234');
    // The office may not answer in the unit's name.
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/unit-answer`, payload: { answer: '代答' } })).statusCode).toBe(403);

    const answered = await w.clerk.request({ method: 'POST', url: `/api/demands/${d.id}/unit-answer`, payload: { answer: '已列入2026年农村公路建设计划，6月底前完成硬化。' } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', answer: '已列入2026年农村公路建设计划，6月底前完成硬化。' });

    const track = await app.inject({ method: 'GET', url: `/api/public/track/${d.trackingCode.toLowerCase()}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ state: 'answered', answer: '已列入2026年农村公路建设计划，6月底前完成硬化。', referredTo: '市交通运输局', mayRate: true });
    for (const secret of ['张建国', '13812341234', '620102198001011234', '中川村', DEMAND.matter, '1234']) expect(track.body).not.toContain(secret);

    const rated = await app.inject({ method: 'POST', url: `/api/public/track/${d.trackingCode}/rating`, payload: { rating: 5, comment: '很满意' } });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'closed', rating: 5, mayRate: false });
    expect((await app.inject({ method: 'POST', url: `/api/public/track/${d.trackingCode}/rating`, payload: { rating: 1 } })).statusCode).toBe(409);

    const audit = await auditOf(w.db, w.committeeId, d.id);
    expect(audit.map((a) => a.action)).toEqual(['demand.submit', 'demand.refer', 'demand.personal_data_read', 'demand.unit_answer', 'demand.rate']);
    expect(audit.at(-1)).toMatchObject({ actor_label: 'anonymous', before: { state: 'answered' }, after: { state: 'closed', rating: 5 } });
    expect((await eventsOf(w.db, w.committeeId, d.id)).map((e) => e.type)).toEqual(['demands.received', 'demands.referred', 'demands.answered_by_unit', 'demands.rated']);
  });

  it('委员领办, 当场解答, decline with where to go, return of a referral, conversion with its link coming back by event', async () => {
    const w = await demandWorld(app);
    const make = async () => (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();

    const a = await make();
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${a.id}/answer-on-spot`, payload: { answer: '现场解释了补助政策' } })).json().state).toBe('answered');

    const b = await make();
    const declined = await w.office.request({ method: 'POST', url: `/api/demands/${b.id}/decline`, payload: { reason: '属于个人信访事项', redirectTo: '安定区信访局（电话 0932-8211234）' } });
    expect(declined.json()).toMatchObject({ state: 'declined', declineReason: '属于个人信访事项' });
    // Never silently dropped: declining needs where to go.
    const c0 = await make();
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${c0.id}/decline`, payload: { reason: '不属于' } })).statusCode).toBe(400);
    const tb = (await app.inject({ method: 'GET', url: `/api/public/track/${b.trackingCode}` })).json();
    expect(tb).toMatchObject({ state: 'declined', redirectTo: '安定区信访局（电话 0932-8211234）', mayRate: true });

    const c = await make();
    await w.office.request({ method: 'POST', url: `/api/demands/${c.id}/refer`, payload: { unitId: w.unitId } });
    const back = await w.clerk.request({ method: 'POST', url: `/api/demands/${c.id}/return`, payload: { reason: '属于教育部门职责' } });
    expect(back.json()).toEqual({ id: c.id, visible: false });
    expect((await w.office.request({ method: 'GET', url: `/api/demands/${c.id}` })).json()).toMatchObject({ state: 'received', unitId: null });
    // Once returned the clerk no longer sees it.
    expect((await w.clerk.request({ method: 'GET', url: `/api/demands/${c.id}` })).statusCode).toBe(404);

    const e = await make();
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${e.id}/assign-member`, payload: { memberId: w.memberIds[0] } })).json()).toMatchObject({ state: 'member_handling', memberName: '张明' });
    const mine = (await w.member.request({ method: 'GET', url: `/api/demands/${e.id}` })).json();
    expect(mine).toMatchObject({ mayReveal: true, abilities: ['convert', 'member_answer'] });
    expect((await w.member2.request({ method: 'POST', url: `/api/demands/${e.id}/convert`, payload: { target: 'social_info' } })).statusCode).toBe(404);
    const converted = await w.member.request({ method: 'POST', url: `/api/demands/${e.id}/convert`, payload: { target: 'social_info' } });
    expect(converted.json()).toMatchObject({ state: 'converted', convertTarget: 'social_info', convertedRef: null });
    const ev = (await eventsOf(w.db, w.committeeId, e.id)).at(-1)!;
    expect(ev).toMatchObject({ type: 'demands.conversion_requested', payload: { target: 'social_info', sourceRef: `demands:demand:${e.id}`, memberId: w.memberIds[0], title: DEMAND.matter } });
    expect(JSON.stringify(ev.payload)).not.toContain('13812341234');

    // The target module answers with its draft's id (here emitted by hand, as social-info will); a second delivery changes nothing.
    const { recordConversionLink } = await import('../../src/modules/demands/commands/record-link.js');
    const itemId = '11111111-2222-4333-8444-555555555555';
    const link = { id: 1, type: 'social_info.drafted_from_source', committeeId: w.committeeId, entityId: itemId, payload: { sourceRef: `demands:demand:${e.id}`, id: itemId }, createdAt: new Date().toISOString() };
    expect(await recordConversionLink(w.db, link)).toBe(true);
    expect(await recordConversionLink(w.db, link)).toBe(false);
    expect((await w.office.request({ method: 'GET', url: `/api/demands/${e.id}` })).json()).toMatchObject({ convertedRef: itemId });
    // Another committee's event cannot link this demand.
    expect(await recordConversionLink(w.db, { ...link, committeeId: '00000000-0000-4000-8000-000000000000', payload: { ...link.payload, id: '99999999-2222-4333-8444-555555555555' } })).toBe(false);
  });

  it('retention: the job erases the personal data of demands closed longer ago than the committee keeps it, audited, and nothing else', async () => {
    const w = await demandWorld(app);
    await w.office.request({ method: 'PATCH', url: '/api/demands/settings', payload: { retentionDays: 30 } });
    const old = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    const fresh = (await w.office.request({ method: 'POST', url: '/api/demands', payload: DEMAND })).json();
    for (const d of [old, fresh]) {
      await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/answer-on-spot`, payload: { answer: '已答复' } });
      await w.office.request({ method: 'POST', url: `/api/demands/${d.id}/close`, payload: {} });
    }
    // Closed 31 days ago (moved back by hand: the test cannot wait a month).
    await w.db.execute(sql`update demands set closed_at = now() - interval '31 days' where committee_id = ${w.committeeId} and id = ${old.id}`);
    const { erasePersonalData } = await import('../../src/modules/demands/index.js');
    expect(await erasePersonalData(w.db)).toBeGreaterThanOrEqual(1);
    const after = (await w.office.request({ method: 'GET', url: `/api/demands/${old.id}` })).json();
    expect(after).toMatchObject({ person: { name: null, phone: null, idNo: null }, personErased: true, mayReveal: false, answer: '已答复', matter: DEMAND.matter });
    expect((await w.office.request({ method: 'POST', url: `/api/demands/${fresh.id}/personal-data` })).json().phone).toBe('13812341234');
    expect((await auditOf(w.db, w.committeeId, old.id)).at(-1)).toMatchObject({ action: 'demand.personal_data_erased', actor_label: 'demands.erase_personal_data' });
    // A rerun finds nothing more of this committee.
    await erasePersonalData(w.db);
    expect((await auditOf(w.db, w.committeeId, old.id)).filter((a) => a.action === 'demand.personal_data_erased')).toHaveLength(1);
  });
});
