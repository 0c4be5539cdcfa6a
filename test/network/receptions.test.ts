import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { remindReceptionDuties } from '../../src/modules/network/index.js';
import { occurrences } from '../../src/modules/network/domain/schedule.js';
import { addDays } from '../../src/platform/calendar.js';
import { chinaDate } from '../../src/platform/time.js';
import type { JobEngine } from '../../src/platform/jobs.js';
import { testApp } from '../support/app.js';
import { deliveriesDone, startEngine } from '../support/jobs.js';
import { auditOf, eventsOf, networkWorld, regionTree, type World } from './support.js';

async function placeWithRota(w: World) {
  const t = await regionTree(w.office);
  const res = await w.office.request({ method: 'POST', url: '/api/network/places', payload: {
    type: 'station', name: '鲁家沟镇委员工作站', regionId: t.town1, members: [{ memberId: w.memberIds[0], role: '站长' }],
  } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { t, placeId: res.json().id as string };
}

describe('reception days (委员接待日)', () => {
  let app: FastifyInstance;
  let engine: JobEngine;
  // The app registers performance's subscriber; the engine delivers the events, as a server does.
  beforeAll(async () => { app = await testApp(); engine = await startEngine(); });
  afterAll(async () => { await engine?.stop(); await app?.close(); });
  /** Notices written in this committee (the job walks every committee; other files run beside this one). */
  const notices = async (w: World) => (await w.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where committee_id = ${w.committeeId}`)).rows[0].n;
  const records = async (w: World) => (await w.db.execute<{ kind: string; status: string; sourceRef: string; memberId: string }>(sql`
    select r.kind, r.status, r.source_ref as "sourceRef", rm.member_id as "memberId" from perf_duty_records r join perf_record_members rm on rm.record_id = r.id
    where r.committee_id = ${w.committeeId} order by rm.member_id`)).rows;

  it('rules fall on China dates: weekly on ISO weekdays, monthly on days the month has', () => {
    expect(occurrences({ kind: 'weekly', days: [3], startsOn: '2026-03-01', endsOn: null }, '2026-03-01', '2026-03-31')).toEqual(['2026-03-04', '2026-03-11', '2026-03-18', '2026-03-25']);
    expect(occurrences({ kind: 'monthly', days: [10, 20, 31], startsOn: '2026-01-15', endsOn: '2026-04-15' }, '2026-01-01', '2026-12-31'))
      .toEqual(['2026-01-20', '2026-01-31', '2026-02-10', '2026-02-20', '2026-03-10', '2026-03-20', '2026-03-31', '2026-04-10']);
    expect(occurrences({ kind: 'weekly', days: [7], startsOn: '2026-01-01', endsOn: null }, '2026-03-01', '2026-03-08')).toEqual(['2026-03-01', '2026-03-08']);
  });

  it('a rota gives members their duty days, a reminder the day before (once), and each reception a duty record revoked when voided', async () => {
    const w = await networkWorld(app);
    const { placeId } = await placeWithRota(w);
    const rule = await w.office.request({ method: 'POST', url: `/api/network/places/${placeId}/schedule`, payload: { kind: 'monthly', days: [10, 20], memberIds: [w.memberIds[0], w.memberIds[1]], startsOn: '2026-01-01' } });
    expect(rule.statusCode).toBe(201);
    expect(rule.json().schedule).toEqual([expect.objectContaining({ label: '每月10日、20日', members: expect.arrayContaining([expect.objectContaining({ name: '张明' })]) })]);
    const badWeekday = await w.office.request({ method: 'POST', url: `/api/network/places/${placeId}/schedule`, payload: { kind: 'weekly', days: [9], memberIds: [w.memberIds[0]], startsOn: '2026-01-01' } });
    expect(badWeekday.statusCode).toBe(400);
    expect(badWeekday.json().error.code).toBe('network.day_invalid');
    expect((await w.member.request({ method: 'POST', url: `/api/network/places/${placeId}/schedule`, payload: { kind: 'weekly', days: [3], memberIds: [w.memberIds[0]], startsOn: '2026-01-01' } })).statusCode).toBe(403);

    const duties = (await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2026-03-31' })).json();
    expect(duties).toEqual([
      expect.objectContaining({ date: '2026-03-10', placeName: '鲁家沟镇委员工作站', rule: '每月10日、20日', recorded: false }),
      expect.objectContaining({ date: '2026-03-20', recorded: false }),
    ]);
    expect((await w.leader.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2026-03-31' })).json()).toEqual([]);
    expect((await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2027-06-01' })).statusCode).toBe(400);
    expect((await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-02-30&to=2026-03-01' })).statusCode).toBe(400);
    const schedule = (await w.member.request({ method: 'GET', url: `/api/network/places/${placeId}/schedule?from=2026-03-01&to=2026-03-31` })).json();
    expect(schedule.map((d: { date: string }) => d.date)).toEqual(['2026-03-10', '2026-03-20']);

    // The reminder: the day before the 10th, both members' accounts, once however often the job runs.
    const m2User = w.member2.userId;
    await remindReceptionDuties(w.db, '2026-03-09');
    expect(await notices(w)).toBe(2);
    await remindReceptionDuties(w.db, '2026-03-09');
    expect(await notices(w)).toBe(2);
    const { rows: notes } = await w.db.execute<{ userId: string; title: string; dedupeKey: string }>(sql`
      select user_id as "userId", title, dedupe_key as "dedupeKey" from notifications where committee_id = ${w.committeeId} order by user_id`);
    expect(notes.map((n) => n.userId).sort()).toEqual([w.member.userId, m2User].sort());
    expect(notes[0].title).toBe('明天（2026-03-10）您在鲁家沟镇委员工作站值守委员接待日');
    expect(notes[0].dedupeKey).toMatch(/^network-duty:.+:2026-03-10$/);
    await remindReceptionDuties(w.db, '2026-03-11');
    expect(await notices(w)).toBe(2);

    // The member records the reception they held, with its visit log.
    const held = await w.member.request({ method: 'POST', url: `/api/network/places/${placeId}/receptions`, payload: {
      heldOn: '2026-03-10', visits: [
        { visitor: '村民张大爷', matter: '村道硬化', answer: '已转镇政府', outcome: 'referred' },
        { visitor: '村民', matter: '医保缴费', answer: '当场讲解政策', outcome: 'answered' },
      ],
    } });
    expect(held.statusCode).toBe(201);
    const receptionId = held.json().id as string;
    expect((await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2026-03-31' })).json()[0]).toMatchObject({ date: '2026-03-10', recorded: true });
    const events = await eventsOf(w.db, w.committeeId, receptionId);
    expect(events.map((e) => e.type)).toEqual(['network.reception_held', 'duty.recorded']);
    expect(events[1].payload).toMatchObject({
      kind: 'liaison', sourceRef: `network:reception:${receptionId}`, occurredOn: '2026-03-10', title: '鲁家沟镇委员工作站委员接待日',
      members: [{ memberId: w.memberIds[0], role: 'participant' }], metrics: { peopleReceived: 2 },
    });
    expect((await auditOf(w.db, w.committeeId, receptionId)).map((a) => a.action)).toEqual(['network_reception.record']);
    // Performance turned the event into the member's duty record (联系界别群众).
    await deliveriesDone(w.db, w.committeeId);
    expect(await records(w)).toEqual([{ kind: 'liaison', status: 'verified', sourceRef: `network:reception:${receptionId}`, memberId: w.memberIds[0] }]);

    // Member 2 is on the rota, so may record too; a reception in the future is refused.
    const future = await w.member2.request({ method: 'POST', url: `/api/network/places/${placeId}/receptions`, payload: { heldOn: addDays(chinaDate(), 2) } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('日期不能晚于今天');
    // A member may not record for someone else alone.
    const other = await w.member2.request({ method: 'POST', url: `/api/network/places/${placeId}/receptions`, payload: { heldOn: '2026-03-20', memberIds: [w.memberIds[0]] } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('network.not_on_duty');

    // The visit log: another visit by the member who held it; member 2 sees only their own receptions.
    expect((await w.member.request({ method: 'POST', url: `/api/network/receptions/${receptionId}/visits`, payload: { visitor: '村民', matter: '灌溉水渠', outcome: 'recorded' } })).statusCode).toBe(201);
    expect((await w.member2.request({ method: 'POST', url: `/api/network/receptions/${receptionId}/visits`, payload: { visitor: '村民', matter: '灌溉水渠', outcome: 'recorded' } })).statusCode).toBe(403);
    expect((await w.member2.request({ method: 'GET', url: '/api/network/receptions' })).json()).toEqual([]);
    const log = (await w.office.request({ method: 'GET', url: `/api/network/receptions?placeId=${placeId}` })).json();
    expect(log).toEqual([expect.objectContaining({ id: receptionId, status: 'held', abilities: ['void', 'add_visit'], members: [expect.objectContaining({ name: '张明' })] })]);
    expect(log[0].visits.map((v: { outcomeLabel: string }) => v.outcomeLabel)).toEqual(['转交办理', '当场解答', '记录待办']);

    // Voiding (office only) revokes the duty record.
    expect((await w.member.request({ method: 'POST', url: `/api/network/receptions/${receptionId}/void`, payload: { reason: '重复登记' } })).statusCode).toBe(403);
    expect((await w.office.request({ method: 'POST', url: `/api/network/receptions/${receptionId}/void`, payload: { reason: '重复登记' } })).statusCode).toBe(200);
    expect((await w.office.request({ method: 'POST', url: `/api/network/receptions/${receptionId}/void`, payload: { reason: '重复登记' } })).statusCode).toBe(409);
    expect((await eventsOf(w.db, w.committeeId, receptionId)).slice(-2)).toEqual([
      expect.objectContaining({ type: 'network.reception_voided' }),
      { type: 'duty.revoked', payload: { sourceRef: `network:reception:${receptionId}` } },
    ]);
    expect((await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2026-03-31' })).json()[0].recorded).toBe(false);
    await deliveriesDone(w.db, w.committeeId);
    expect((await records(w)).map((r) => r.status)).toEqual(['void']);

    // Ending the rule: no duty days after it, no reminders.
    const ruleId = rule.json().schedule[0].id as string;
    expect((await w.office.request({ method: 'POST', url: `/api/network/schedule-rules/${ruleId}/end`, payload: { endsOn: '2026-03-15' } })).statusCode).toBe(200);
    expect((await w.member.request({ method: 'GET', url: '/api/network/my-duties?from=2026-03-01&to=2026-03-31' })).json().map((d: { date: string }) => d.date)).toEqual(['2026-03-10']);
    await remindReceptionDuties(w.db, '2026-03-19');
    expect(await notices(w)).toBe(2);
  });

  it('care pairings (结对关爱): a member pairs with a person, visits, counts policies and difficulties solved', async () => {
    const w = await networkWorld(app);
    const pair = await w.member.request({ method: 'POST', url: '/api/network/care-pairs', payload: { personName: '王奶奶', situation: '独居老人', startedOn: '2026-01-05' } });
    expect(pair.statusCode).toBe(201);
    const id = pair.json().id as string;
    expect((await w.member.request({ method: 'POST', url: '/api/network/care-pairs', payload: { memberId: w.memberIds[1], personName: '某', situation: '困难家庭', startedOn: '2026-01-05' } })).statusCode).toBe(403);
    for (const v of [{ visitedOn: '2026-02-01', policies: ['临时救助', '医疗救助'], difficultiesSolved: 1 }, { visitedOn: '2026-03-01', note: '送去冬衣' }]) {
      expect((await w.member.request({ method: 'POST', url: `/api/network/care-pairs/${id}/visits`, payload: v })).statusCode).toBe(201);
    }
    expect((await w.member2.request({ method: 'POST', url: `/api/network/care-pairs/${id}/visits`, payload: { visitedOn: '2026-03-01' } })).statusCode).toBe(403);
    expect((await w.member2.request({ method: 'GET', url: '/api/network/care-pairs' })).json()).toEqual([]);
    expect((await w.office.request({ method: 'GET', url: '/api/network/care-pairs' })).json()).toEqual([
      expect.objectContaining({ id, memberName: '张明', personName: '王奶奶', visits: 2, policiesApplied: 2, difficultiesSolved: 1, endedOn: null }),
    ]);
    expect((await w.office.request({ method: 'POST', url: `/api/network/care-pairs/${id}/end`, payload: { endedOn: '2026-06-30' } })).statusCode).toBe(200);
    expect((await auditOf(w.db, w.committeeId, id)).map((a) => a.action)).toEqual(['network_care.create', 'network_care.visit', 'network_care.visit', 'network_care.end']);
    const fig = (await w.leader.request({ method: 'GET', url: '/api/figures/network/receptions?year=2026' })).json();
    expect(fig).toMatchObject({ careVisits: 2, difficultiesSolved: 1 });
  });
});
