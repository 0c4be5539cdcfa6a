import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { JobEngine } from '../../src/platform/jobs.js';
import { addDays } from '../../src/platform/calendar.js';
import { chinaDate } from '../../src/platform/time.js';
import { testApp } from '../support/app.js';
import { deliveriesDone, redeliver, startEngine } from '../support/jobs.js';
import { auditOf, consultWorld, eventsOf, issuedPlan, type World } from './support.js';

const itemOf = async (w: World, planId: string, n = 0) =>
  (await w.office.request({ method: 'GET', url: `/api/consultation/plans/${planId}` })).json().items[n].id as string;

/** A meeting `days` calendar days from today, 09:00 China time. */
const at = (days: number) => `${addDays(chinaDate(), days)}T09:00:00+08:00`;

async function activityOf(w: World, meetingId: string): Promise<string> {
  await deliveriesDone(w.db, w.committeeId);
  const m = (await w.office.request({ method: 'GET', url: `/api/consultation/meetings/${meetingId}` })).json();
  expect(m.activityId).toBeTruthy();
  return m.activityId;
}

describe('consultation meetings: arranged from the plan, notified, held, closed with minutes', () => {
  let app: FastifyInstance;
  let engine: JobEngine;
  beforeAll(async () => { app = await testApp(); engine = await startEngine(); });
  afterAll(async () => { await engine?.stop(); await app?.close(); });

  it('a plan item yields meetings with working-day deadlines; closing needs the minutes; each move has its audit and event', async () => {
    const w = await consultWorld(app);
    // The committee's calendar (kept with the proposal settings): one holiday inside the notice window.
    await w.db.execute(sql`update committees set settings = jsonb_set(settings, '{proposals}', '{"holidays":["2026-06-08"]}'::jsonb, true) where id = ${w.committeeId}`);
    const planId = await issuedPlan(w.office);
    const itemId = await itemOf(w, planId);
    const expert = await w.office.request({ method: 'POST', url: '/api/consultation/experts', payload: { name: '王教授', field: '区域经济', affiliation: '兰州大学' } });
    expect(expert.statusCode).toBe(201);

    const bad = await w.office.request({ method: 'POST', url: `/api/consultation/plan-items/${itemId}/meetings`, payload: { startsAt: '2026-06-18T09:00:00+08:00' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'consultation.place_required', message: '请填写会议地点或线上会议链接' });

    const created = await w.office.request({
      method: 'POST', url: `/api/consultation/plan-items/${itemId}/meetings`,
      payload: { startsAt: '2026-06-18T09:00:00+08:00', place: '市政协四楼会议室', agenda: '一、通报\n二、发言', officials: ['市发展改革委主任'], memberIds: w.memberIds, expertIds: [expert.json().id] },
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    // 15 working days before Thu 18 June, skipping the holiday Mon 8 June: Wed 27 May; materials 10 before: Wed 3 June; minutes 7 after: Mon 29 June.
    expect(m).toMatchObject({
      title: '促进民营经济高质量发展', form: '专题协商会', state: 'preparing', stateLabel: '筹备', abilities: ['notify', 'cancel'],
      deadlines: { notice: '2026-05-27', materials: '2026-06-03', minutes: '2026-06-29' }, invitedCount: 2,
      experts: [{ name: '王教授', affiliation: '兰州大学' }],
    });

    // While prepared, a list given replaces the invitations and a list not given stays.
    const narrowed = await w.office.request({ method: 'PATCH', url: `/api/consultation/meetings/${m.id}`, payload: { memberIds: [w.memberIds[0]] } });
    expect(narrowed.json()).toMatchObject({ invitedCount: 1, experts: [{ name: '王教授' }] });
    expect((await w.office.request({ method: 'PATCH', url: `/api/consultation/meetings/${m.id}`, payload: { memberIds: w.memberIds } })).json().invitedCount).toBe(2);

    // A member cannot see a meeting still being prepared, nor act as the office.
    expect((await w.member.request({ method: 'GET', url: `/api/consultation/meetings/${m.id}` })).statusCode).toBe(404);
    expect((await w.member.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/notify` })).statusCode).toBe(403);
    expect((await w.member.request({ method: 'PATCH', url: `/api/consultation/meetings/${m.id}`, payload: { place: '别处' } })).statusCode).toBe(403);

    // Holding before the notice is the wrong state.
    const early = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/hold` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态为“筹备”，不能召开');

    const notified = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/notify` });
    expect(notified.json()).toMatchObject({ state: 'notified', abilities: ['hold', 'cancel'] });
    const { rows: notices } = await w.db.execute<{ title: string }>(sql`select title from notifications where committee_id = ${w.committeeId} and kind = 'consultation.meeting_invitation'`);
    expect(notices.map((n) => n.title)).toEqual(['会议通知：促进民营经济高质量发展', '会议通知：促进民营经济高质量发展']);

    // Members reply; 请假 needs a reason.
    const noReason = await w.member2.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/reply`, payload: { reply: 'leave' } });
    expect(noReason.statusCode).toBe(400);
    expect((await w.member2.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/reply`, payload: { reply: 'leave', reason: '外出学习' } })).json().myReply)
      .toEqual({ reply: 'leave', reason: '外出学习' });

    // Speeches: written before the meeting, oral speakers chosen and ordered by the office.
    const sp = await w.member.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/speeches`, payload: { title: '关于民营企业融资的建议', body: '建议设立应急转贷资金池，降低民营企业融资成本。' } });
    expect(sp.statusCode).toBe(201);
    const speechId = sp.json().speeches[0].id as string;
    // The other member reads it only by title.
    const seen = (await w.member2.request({ method: 'GET', url: `/api/consultation/meetings/${m.id}` })).json();
    expect(seen.speeches).toEqual([expect.objectContaining({ title: '关于民营企业融资的建议', body: null })]);
    expect(seen.invitations).toHaveLength(1);
    const arranged = await w.office.request({ method: 'PUT', url: `/api/consultation/meetings/${m.id}/speakers`, payload: { order: [speechId] } });
    expect(arranged.json().speeches[0]).toMatchObject({ oralOrder: 1, memberName: '张明' });
    expect((await w.office.request({ method: 'PUT', url: `/api/consultation/meetings/${m.id}/speakers`, payload: { order: ['00000000-0000-4000-8000-000000000009'] } })).statusCode).toBe(400);

    expect((await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/hold` })).json().state).toBe('held');
    // A speech after the meeting is refused.
    const late = await w.member.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/speeches`, payload: { title: '补充发言', body: '会后补充的书面发言内容。' } });
    expect(late.statusCode).toBe(409);

    // Closing without minutes is refused in the user's language.
    const noMinutes = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/close` });
    expect(noMinutes.statusCode).toBe(409);
    expect(noMinutes.json().error).toMatchObject({ code: 'consultation.minutes_missing', message: '纪要未上传，不能结束会议' });
    const noMinutesEn = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/close`, headers: { 'accept-language': 'en' } });
    expect(noMinutesEn.json().error.message).toBe('Upload the minutes before closing the meeting');
    expect((await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/minutes`, payload: {} })).statusCode).toBe(400);
    const minuted = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/minutes`, payload: { text: '会议听取了市发展改革委情况通报，6位委员发言。' } });
    expect(minuted.json().minutes.text).toContain('情况通报');
    const closed = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/close` });
    expect(closed.json()).toMatchObject({ state: 'closed', stateLabel: '已结束', abilities: [] });

    expect((await auditOf(w.db, w.committeeId, m.id)).map((a) => a.action)).toEqual([
      'consultation_meeting.create', 'consultation_meeting.edit', 'consultation_meeting.edit', 'consultation_meeting.notify', 'consultation_meeting.reply', 'consultation_meeting.speakers',
      'consultation_meeting.hold', 'consultation_meeting.minutes', 'consultation_meeting.close',
    ]);
    expect((await eventsOf(w.db, w.committeeId, m.id)).map((e) => e.type)).toEqual([
      'consultation.meeting_created', 'consultation.meeting_changed', 'consultation.meeting_changed', 'consultation.meeting_notified', 'activity.requested', 'activity.reply', 'consultation.speakers_arranged',
      'consultation.meeting_held', 'consultation.meeting_minutes_recorded', 'consultation.meeting_closed',
    ]);

    // Performance made one activity for the meeting (a second delivery makes none), with the leave marked there,
    // and credited the speech as a duty record of kind `speech`.
    const activityId = await activityOf(w, m.id);
    await redeliver(w.db, w.committeeId, 'performance.sourced_activities');
    await redeliver(w.db, w.committeeId, 'performance.duty_records');
    const { rows: acts } = await w.db.execute<{ id: string; type: string }>(sql`select id, type from perf_activities where committee_id = ${w.committeeId} and source_ref = ${'consultation:meeting:' + m.id}`);
    expect(acts).toEqual([{ id: activityId, type: 'thematic_consultation' }]);
    const { rows: att } = await w.db.execute<{ member_id: string; status: string; reason: string | null }>(sql`select member_id, status, reason from perf_attendance
      where committee_id = ${w.committeeId} and activity_id = ${activityId} order by status`);
    expect(att).toEqual([
      { member_id: w.memberIds[1], status: 'excused', reason: '外出学习' },
      { member_id: w.memberIds[0], status: 'invited', reason: null },
    ]);
    const { rows: credits } = await w.db.execute<{ kind: string; title: string; member_id: string }>(sql`select r.kind, r.title, rm.member_id from perf_duty_records r
      join perf_record_members rm on rm.record_id = r.id where r.committee_id = ${w.committeeId} and r.source_ref = ${'consultation:speech:' + speechId}`);
    expect(credits).toEqual([{ kind: 'speech', title: '促进民营经济高质量发展口头发言：关于民营企业融资的建议', member_id: w.memberIds[0] }]);
  });

  it("check-in is performance's: through the meeting's activity, a check-in outside the window is a 4xx there", async () => {
    const w = await consultWorld(app);
    const planId = await issuedPlan(w.office);
    const itemId = await itemOf(w, planId, 2);
    const m = (await w.office.request({ method: 'POST', url: `/api/consultation/plan-items/${itemId}/meetings`, payload: { startsAt: at(20), onlineLink: 'https://meet.example.cn/xs-2026', memberIds: [w.memberIds[0]] } })).json();
    expect(m.form).toBe('双月协商座谈会');
    await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/notify` });
    const activityId = await activityOf(w, m.id);
    const activity = (await w.office.request({ method: 'GET', url: `/api/performance/activities/${activityId}` })).json();
    expect(activity).toMatchObject({ type: 'bimonthly_consultation', title: m.title });
    const early = await w.member.request({ method: 'POST', url: `/api/performance/activities/${activityId}/check-in`, payload: { code: activity.checkInCode } });
    expect(early.statusCode).toBeGreaterThanOrEqual(400);
    expect(early.statusCode).toBeLessThan(500);
    expect(early.json().error.code).toBe('performance.check_in_not_open');

    // Moved to today: the activity follows (the change is told to performance), and the same check-in now counts.
    await w.office.request({ method: 'PATCH', url: `/api/consultation/meetings/${m.id}`, payload: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    await deliveriesDone(w.db, w.committeeId);
    const ok = await w.member.request({ method: 'POST', url: `/api/performance/activities/${activityId}/check-in`, payload: { code: activity.checkInCode } });
    expect(ok.statusCode).toBe(200);
    const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from perf_activities where committee_id = ${w.committeeId} and source_ref like 'consultation:meeting:%'`);
    expect(rows[0].n).toBe(1);
  });

  it('a meeting is only for an item of an issued plan; a cancelled one tells the invited', async () => {
    const w = await consultWorld(app);
    const draft = (await w.office.request({ method: 'POST', url: '/api/consultation/plans', payload: { year: 2027 } })).json().id as string;
    const item = (await w.office.request({ method: 'POST', url: `/api/consultation/plans/${draft}/items`, payload: { title: '和美乡村建设', form: '专题协商会', lead: '农业和农村委员会' } })).json().items[0].id;
    const refused = await w.office.request({ method: 'POST', url: `/api/consultation/plan-items/${item}/meetings`, payload: { startsAt: at(30), place: '会议室' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('consultation.plan_not_issued');

    const planId = await issuedPlan(w.office);
    const m = (await w.office.request({ method: 'POST', url: `/api/consultation/plan-items/${await itemOf(w, planId, 1)}/meetings`, payload: { startsAt: at(30), place: '会议室', memberIds: w.memberIds } })).json();
    await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/notify` });
    const cancelled = await w.office.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/cancel`, payload: { reason: '因故推迟，另行通知' } });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: '因故推迟，另行通知', abilities: [] });
    const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where committee_id = ${w.committeeId} and kind = 'consultation.meeting_cancelled'`);
    expect(rows[0].n).toBe(2);
    // Leaders read the meeting but do not move it.
    expect((await w.leader.request({ method: 'GET', url: `/api/consultation/meetings/${m.id}` })).statusCode).toBe(200);
    expect((await w.leader.request({ method: 'POST', url: `/api/consultation/meetings/${m.id}/hold` })).statusCode).toBe(403);
  });
});
