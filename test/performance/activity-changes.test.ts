import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cancelActivity, checkIn, closeActivity, createActivity, getActivity, markAttendance, updateActivity,
} from '../../src/modules/performance/index.js';
import { failsWith, perfWorld, recordsOf, type PerfWorld } from './support.js';

const soon = () => new Date(Date.now() + 3600_000).toISOString();

describe('activities: staff change and cancel them', () => {
  let w: PerfWorld;
  beforeAll(async () => {
    w = await perfWorld();
  });

  it('changes an open activity and invites more members; audited; not once closed', async () => {
    const id = await createActivity(w.db, w.staff, { type: 'bimonthly_consultation', title: '双月协商座谈会', startsAt: soon(), inviteeIds: [w.members[0]] });
    const a = await updateActivity(w.db, w.staff, id, { title: '双月协商座谈会：城市更新', place: '政协机关二楼会议室', addInviteeIds: [w.members[1], w.members[2]] });
    expect(a.id).toBe(id);
    const v = await getActivity(w.db, w.staff, id);
    expect(v).toMatchObject({ title: '双月协商座谈会：城市更新', place: '政协机关二楼会议室', abilities: { edit: true, cancel: true } });
    expect(v.attendance!.map((x) => x.memberId).sort()).toEqual([w.members[0], w.members[1], w.members[2]].sort());
    // Omitted fields stay; the place is cleared only when asked.
    await updateActivity(w.db, w.staff, id, { halfDays: 2 });
    expect(await getActivity(w.db, w.staff, id)).toMatchObject({ place: '政协机关二楼会议室', halfDays: 2 });
    const { rows } = await w.db.execute<{ action: string }>(sql`select action from audit_log where committee_id = ${w.committeeId} and entity_id = ${id} order by seq`);
    expect(rows.map((r) => r.action)).toEqual(['activity.created', 'activity.updated', 'activity.updated']);
    await failsWith(updateActivity(w.db, w.staff, id, { endsAt: '2000-01-01T00:00:00Z' }), 'performance.activity_ends_before_start');
    await failsWith(updateActivity(w.db, w.staff, id, { addInviteeIds: ['00000000-0000-4000-8000-000000000009'] }), 'performance.member_unknown');
    await closeActivity(w.db, w.staff, id);
    await failsWith(updateActivity(w.db, w.staff, id, { title: '结束后改名' }), 'performance.activity_not_open');
    // Another committee's staff: 404.
    const other = await perfWorld();
    await failsWith(updateActivity(w.db, other.staff, id, { title: '越权' }), 'performance.activity_not_found');
  });

  it('cancels an activity nobody attended: no points, no absences, no check-in; once attended it must be closed instead', async () => {
    const id = await createActivity(w.db, w.staff, { type: 'research', title: '赴县区调研', startsAt: soon(), inviteeIds: [w.members[3], w.members[4]] });
    const code = (await getActivity(w.db, w.staff, id)).checkInCode!;
    await cancelActivity(w.db, w.staff, id, { reason: '因天气原因取消' });
    expect(await getActivity(w.db, w.staff, id)).toMatchObject({ status: 'cancelled', abilities: { edit: false, cancel: false, close: false } });
    await failsWith(checkIn(w.db, w.member(3), id, { code }), 'performance.activity_not_open');
    await failsWith(markAttendance(w.db, w.staff, id, { entries: [{ memberId: w.members[3], status: 'attended' }] }), 'performance.activity_not_open');
    await failsWith(closeActivity(w.db, w.staff, id), 'performance.activity_not_open');
    await failsWith(cancelActivity(w.db, w.staff, id, { reason: '再次取消' }), 'performance.activity_not_open');
    const absences = await recordsOf(w.db, w.committeeId, { kind: 'absence_meeting' });
    expect(absences.filter((r) => r.members.some((m) => m.memberId === w.members[3] || m.memberId === w.members[4]))).toEqual([]);

    const held = await createActivity(w.db, w.staff, { type: 'research', title: '赴企业调研', startsAt: soon(), inviteeIds: [w.members[3]] });
    await checkIn(w.db, w.member(3), held, { code: (await getActivity(w.db, w.staff, held)).checkInCode! });
    expect((await getActivity(w.db, w.staff, held)).abilities.cancel).toBe(false);
    await failsWith(cancelActivity(w.db, w.staff, held, { reason: '取消' }), 'performance.activity_has_attendance');
  });
});
