import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkIn, closeActivity, createActivity, getActivity, getMemberStanding, listVisibleActivities, markAttendance, requestLeave, signUpForActivity,
} from '../../src/modules/performance/index.js';
import { perfWorld, recordsOf, failsWith, type PerfWorld } from './support.js';

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();

describe('activities: invitation, sign-up, check-in with the code, 请假, absence, attendance records', () => {
  let w: PerfWorld;
  let plenary: string;
  let code: string;
  beforeAll(async () => {
    w = await perfWorld();
    plenary = await createActivity(w.db, w.staff, { type: 'plenary', title: '政协第五届委员会第五次会议', startsAt: new Date().toISOString(), halfDays: 5, inviteAll: true });
    code = (await getActivity(w.db, w.staff, plenary)).checkInCode!;
  });

  it('invites every active member and gives staff a 6-digit code that members never see', async () => {
    const a = await getActivity(w.db, w.staff, plenary);
    expect(code).toMatch(/^\d{6}$/);
    expect(a.attendance!.map((x) => x.status)).toEqual(Array(6).fill('invited'));
    const mine = await getActivity(w.db, w.member(0), plenary);
    expect(mine.checkInCode).toBeNull();
    expect(mine.attendance).toBeNull();
    expect(mine.mine).toMatchObject({ status: 'invited' });
    expect(mine.abilities).toMatchObject({ signUp: true, checkIn: true, requestLeave: true, markAttendance: false });
  });

  it('a member checks in with the code and the attendance record appears at once (per half-day)', async () => {
    await failsWith(checkIn(w.db, w.member(0), plenary, { code: code === '000000' ? '111111' : '000000' }), 'performance.wrong_code');
    await checkIn(w.db, w.member(0), plenary, { code });
    await checkIn(w.db, w.member(0), plenary, { code }); // twice is harmless
    const recs = await recordsOf(w.db, w.committeeId, { kind: 'plenary' });
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ status: 'verified', units: 5, sourceType: 'activity.attended', members: [{ memberId: w.members[0], role: null }] });
    const s = await getMemberStanding(w.db, w.committeeId, w.members[0]);
    expect(s.rules.source).toBe('default'); // no rules set: the 安庆 preset
    expect(s.byKind).toEqual([expect.objectContaining({ kind: 'plenary', count: 1, units: 5, points: 20 })]);
    expect(s.total).toBe(20);
    expect((await getActivity(w.db, w.member(0), plenary)).abilities.checkIn).toBe(false);
  });

  it('请假 with a reason; sign-up; closing makes the rest absent, with a deduction for the plenary', async () => {
    await requestLeave(w.db, w.member(1), plenary, { reason: '参加省政协培训班' });
    await signUpForActivity(w.db, w.member(2), plenary);
    await checkIn(w.db, w.member(4), plenary, { code });
    await closeActivity(w.db, w.staff, plenary);
    const a = await getActivity(w.db, w.staff, plenary);
    expect(Object.fromEntries(a.attendance!.map((x) => [x.name, [x.status, x.reason]]))).toEqual({
      张明: ['attended', null], 李华: ['excused', '参加省政协培训班'], 王芳: ['absent', null], 赵强: ['absent', null], 刘洋: ['attended', null], 陈静: ['absent', null],
    });
    const absences = await recordsOf(w.db, w.committeeId, { kind: 'absence_plenary' });
    expect(absences.map((r) => r.members[0].memberId).sort()).toEqual([w.members[2], w.members[3], w.members[5]].sort());
    const s = await getMemberStanding(w.db, w.committeeId, w.members[3]);
    expect(s.deductions).toEqual([expect.objectContaining({ kind: 'absence_plenary', points: 10 })]);
    expect(s.total).toBe(0); // never below 0
    await failsWith(checkIn(w.db, w.member(3), plenary, { code }), 'performance.activity_closed');
    await failsWith(closeActivity(w.db, w.staff, plenary), 'performance.activity_closed');
  });

  it('staff correct attendance after closing: the absence record is voided, the attendance record made', async () => {
    await markAttendance(w.db, w.staff, plenary, { entries: [{ memberId: w.members[3], status: 'attended' }, { memberId: w.members[0], status: 'excused', reason: '公务' }] });
    const recs = await recordsOf(w.db, w.committeeId);
    const of = (i: number, kind: string) => recs.filter((r) => r.kind === kind && r.members[0].memberId === w.members[i]).map((r) => r.status);
    expect(of(3, 'absence_plenary')).toEqual(['void']);
    expect(of(3, 'plenary')).toEqual(['verified']);
    expect(of(0, 'plenary')).toEqual(['void']);
    // And back: the void record is revived, not duplicated.
    await markAttendance(w.db, w.staff, plenary, { entries: [{ memberId: w.members[0], status: 'attended' }] });
    expect((await recordsOf(w.db, w.committeeId, { kind: 'plenary' })).filter((r) => r.members[0].memberId === w.members[0]).map((r) => r.status)).toEqual(['verified']);
    await failsWith(markAttendance(w.db, w.staff, plenary, { entries: [{ memberId: '00000000-0000-4000-8000-000000000009', status: 'attended' }] }), 'performance.member_unknown');
  });

  it('check-in opens two hours before the start; invite-only activities refuse others; open ones accept sign-ups', async () => {
    const later = await createActivity(w.db, w.staff, { type: 'research', title: '乡村振兴专题调研', startsAt: inDays(3), inviteeIds: [w.members[0]] });
    const laterCode = (await getActivity(w.db, w.staff, later)).checkInCode!;
    await failsWith(checkIn(w.db, w.member(0), later, { code: laterCode }), 'performance.check_in_not_open');
    await failsWith(signUpForActivity(w.db, w.member(1), later), 'performance.not_invited');
    await failsWith(getActivity(w.db, w.member(1), later), 'performance.activity_not_found');
    const open = await createActivity(w.db, w.general, { type: 'reading_day', title: '书香政协读书日', startsAt: new Date().toISOString(), openSignUp: true });
    await signUpForActivity(w.db, w.member(1), open);
    const openCode = (await getActivity(w.db, w.staff, open)).checkInCode!;
    await checkIn(w.db, w.member(5), open, { code: openCode }); // not signed up, but the activity is open
    const list = await listVisibleActivities(w.db, w.member(1), {});
    expect(list.items.map((x) => [x.title, x.myStatus])).toContainEqual(['书香政协读书日', 'signed_up']);
    expect(list.items.map((x) => x.title)).not.toContain('乡村振兴专题调研');
    await failsWith(requestLeave(w.db, w.member(5), open, { reason: '临时有事' }), 'performance.invalid_attendance_change');
  });

  it('refuses unknown invitees and another committee’s activity', async () => {
    await failsWith(createActivity(w.db, w.staff, { type: 'training', title: '委员履职培训班', startsAt: inDays(1), inviteeIds: ['00000000-0000-4000-8000-000000000009'] }), 'performance.member_unknown');
    const other = await perfWorld();
    await failsWith(getActivity(w.db, other.staff, plenary), 'performance.activity_not_found');
    await failsWith(checkIn(w.db, other.member(0), plenary, { code }), 'performance.activity_not_found');
  });
});
