import { sql } from 'drizzle-orm';
import { claimAttachments } from '../../../platform/attachments.js';
import { addWorkingDays, calendarOf } from '../../../platform/calendar.js';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Executor, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { DomainEvent } from '../../../platform/events.js';
import { notify } from '../../../platform/notifications.js';
import { chinaDate, chinaDateTime, yearOf } from '../../../platform/time.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, memberIdsOf, type Caller } from '../consultation.policy.js';
import { readSettings, workCalendarOf } from '../consultation.repository.js';
import { meetingInput, meetingPatch, minutesInput, reasonInput, replyInput, type MeetingInput, type MeetingPatch } from '../contracts.js';
import { meetingWorkflow, type MeetingAction, MEETING_STATES } from '../domain/meeting-workflow.js';
import { parseConsultationSettings } from '../domain/settings.js';
import { MEETING_EVENTS, meetingSourceRef, activityTypeOf } from '../events.js';
import {
  findInvitation, findMeeting, insertMeeting, invitationsOf, invitedMemberIds, invite, itemWithPlan, knownExperts, knownMembers, patchMeeting, setReply,
  speechesOf, uninviteOthers, updateMeeting, userIdsOfMembers, type MeetingRow, type MeetingValues,
} from '../meetings.repository.js';
import { requireOffice } from './access.js';

export const MEETING_FILES = 'consultation_meeting';
export const MINUTES_FILES = 'consultation_minutes';

/** Working-day deadlines from the committee's settings and calendar: notice and materials before the start, minutes after it. */
async function deadlines(db: Executor, committeeId: string, startsAt: string) {
  const [stored, cal] = await Promise.all([readSettings(db, committeeId), workCalendarOf(db, committeeId)]);
  const s = parseConsultationSettings(stored);
  const day = chinaDate(startsAt);
  const c = calendarOf(cal);
  return {
    noticeDue: addWorkingDays(day, -s.noticeWorkingDays, c),
    materialsDue: addWorkingDays(day, -s.materialsWorkingDays, c),
    minutesDue: addWorkingDays(day, s.minutesWorkingDays, c),
  };
}

function checkShape(v: { place: string | null; onlineLink: string | null; startsAt: string; endsAt: string | null }) {
  if (!v.place && !v.onlineLink) throw new AppError(E['consultation.place_required']);
  if (v.endsAt && new Date(v.endsAt) < new Date(v.startsAt)) throw new AppError(E['consultation.ends_before_start']);
}

async function checkInvitees(tx: Executor, committeeId: string, memberIds: readonly string[], expertIds: readonly string[]) {
  if (new Set(memberIds).size !== memberIds.length || (await knownMembers(tx, committeeId, memberIds)) !== memberIds.length) {
    throw new AppError(E['consultation.member_unknown']);
  }
  if (new Set(expertIds).size !== expertIds.length || (await knownExperts(tx, committeeId, expertIds)) !== expertIds.length) {
    throw new AppError(E['consultation.expert_not_found']);
  }
}

/** A meeting for a plan item of an issued plan (筹备). Returns its id. */
export async function createMeeting(db: Db, caller: Caller, planItemId: string, raw: MeetingInput): Promise<string> {
  const input = meetingInput.parse(raw);
  requireOffice(caller, '安排协商会议', 'arrange consultation meetings');
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const item = await itemWithPlan(uow.tx, committeeId, planItemId);
    if (!item) throw new AppError(E['consultation.item_not_found']);
    if (item.planState !== 'issued') throw new AppError(E['consultation.plan_not_issued']);
    const values: MeetingValues = {
      title: input.title ?? item.title, agenda: input.agenda ?? '', place: input.place ?? null, onlineLink: input.onlineLink ?? null,
      startsAt: input.startsAt, endsAt: input.endsAt ?? null, officials: input.officials ?? [], year: yearOf(chinaDate(input.startsAt)),
      ...(await deadlines(uow.tx, committeeId, input.startsAt)),
    };
    checkShape(values);
    const memberIds = input.memberIds ?? [];
    const expertIds = input.expertIds ?? [];
    await checkInvitees(uow.tx, committeeId, memberIds, expertIds);
    const id = await insertMeeting(uow.tx, committeeId, planItemId, item.form, values);
    await invite(uow.tx, committeeId, id, memberIds, expertIds);
    const files = await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds ?? [], ownerKind: MEETING_FILES, ownerId: id, actorUserId: caller.actor.userId });
    await uow.audit({
      committeeId, action: 'consultation_meeting.create', entity: 'consultation_meeting', entityId: id,
      after: { ...values, planItemId, form: item.form, state: 'preparing', members: memberIds.length, experts: expertIds.length, files: files.length },
    });
    await uow.emit({ type: MEETING_EVENTS.create, committeeId, entityId: id, payload: { meetingId: id, planItemId, form: item.form, year: values.year } });
    return id;
  });
}

const lockMeeting = async (tx: Executor, caller: Caller, id: string): Promise<MeetingRow> => {
  const m = await findMeeting(tx, caller.committeeId, id, true);
  if (!m) throw new AppError(E['consultation.meeting_not_found']);
  return m;
};

/** What performance is asked for: the activity that holds check-in and attendance (events.ts). */
const activityRequest = (m: MeetingRow, memberIds: string[]) => ({
  sourceRef: meetingSourceRef(m.id), type: activityTypeOf(m.form), title: m.title.slice(0, 100), startsAt: new Date(m.startsAt).toISOString(),
  endsAt: m.endsAt ? new Date(m.endsAt).toISOString() : null, place: (m.place ?? '线上').slice(0, 100), memberIds,
});

async function noticeTo(uow: UnitOfWork, committeeId: string, m: MeetingRow, memberIds: string[], kind: 'invitation' | 'changed' | 'cancelled') {
  const users = await userIdsOfMembers(uow.tx, committeeId, memberIds);
  const when = chinaDateTime(m.startsAt);
  const title = { invitation: `会议通知：${m.title}`, changed: `会议安排变更：${m.title}`, cancelled: `会议取消：${m.title}` }[kind];
  await notify(uow.tx, {
    committeeId, userIds: users, kind: `consultation.meeting_${kind}`, title,
    body: kind === 'cancelled' ? (m.cancelReason ?? '') : `${when}，${m.place ?? m.onlineLink ?? ''}。请回复参加或请假。`,
    link: `/consultation/meetings/${m.id}`, entity: 'consultation_meeting', entityId: m.id,
  });
}

/**
 * Changes a meeting before it is held. While it is prepared the invitation list is replaced; once
 * notified, members can only be added (each added one is notified) and a change of time or place
 * is told to everyone invited and to performance (the activity follows).
 */
export async function editMeeting(db: Db, caller: Caller, id: string, raw: MeetingPatch): Promise<void> {
  const patch = meetingPatch.parse(raw);
  requireOffice(caller, '修改协商会议', 'change consultation meetings');
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    const m = await lockMeeting(uow.tx, caller, id);
    if (m.state !== 'preparing' && m.state !== 'notified') {
      throw new AppError(E['consultation.meeting_frozen'], { stateLabel: MEETING_STATES[m.state], stateLabelEn: meetingWorkflow.stateLabel(m.state, 'en') });
    }
    const startsAt = patch.startsAt ?? m.startsAt;
    const values: MeetingValues = {
      title: patch.title ?? m.title, agenda: patch.agenda ?? m.agenda, place: patch.place !== undefined ? patch.place : m.place,
      onlineLink: patch.onlineLink !== undefined ? patch.onlineLink : m.onlineLink, startsAt, endsAt: patch.endsAt !== undefined ? patch.endsAt : m.endsAt,
      officials: patch.officials ?? m.officials, year: yearOf(chinaDate(startsAt)), ...(await deadlines(uow.tx, committeeId, startsAt)),
    };
    checkShape(values);
    await updateMeeting(uow.tx, committeeId, id, values);
    const memberIds = patch.memberIds ?? [];
    const expertIds = patch.expertIds ?? [];
    await checkInvitees(uow.tx, committeeId, memberIds, expertIds);
    if (m.state === 'preparing' && (patch.memberIds || patch.expertIds)) {
      // The lists given replace the invitations; a list not given stays as it is.
      const before = await invitationsOf(uow.tx, committeeId, id);
      await uninviteOthers(uow.tx, committeeId, id,
        patch.memberIds ?? before.flatMap((i) => (i.memberId ? [i.memberId] : [])), patch.expertIds ?? before.flatMap((i) => (i.expertId ? [i.expertId] : [])));
    }
    const added = await invite(uow.tx, committeeId, id, memberIds, expertIds);
    const files = await claimAttachments(uow.tx, { committeeId, ids: patch.attachmentIds ?? [], ownerKind: MEETING_FILES, ownerId: id, actorUserId: caller.actor.userId });
    const moved = new Date(values.startsAt).getTime() !== new Date(m.startsAt).getTime() || values.place !== m.place || values.onlineLink !== m.onlineLink;
    await uow.audit({
      committeeId, action: 'consultation_meeting.edit', entity: 'consultation_meeting', entityId: id,
      before: { startsAt: m.startsAt, place: m.place, title: m.title }, after: { ...values, addedMembers: added.length, files: files.length },
    });
    if (m.state === 'notified') {
      const next = { ...m, ...values };
      const everyone = await invitedMemberIds(uow.tx, committeeId, id);
      if (added.length) await noticeTo(uow, committeeId, next, added, 'invitation');
      if (moved) await noticeTo(uow, committeeId, next, everyone.filter((x) => !added.includes(x)), 'changed');
      if (added.length || moved || values.title !== m.title) {
        await uow.emit({ type: 'activity.requested', committeeId, entityId: id, payload: activityRequest(next, everyone) });
      }
    }
    await uow.emit({ type: MEETING_EVENTS.edit, committeeId, entityId: id, payload: { meetingId: id, moved, addedMembers: added.length } });
  });
}

/** One move of a meeting through the kernel (lock → 403 → 409 → work → state, audit, event) in one transaction. */
type MoveWork = (m: MeetingRow, uow: UnitOfWork) => Promise<{ after?: Record<string, unknown>; events?: DomainEvent[] } | void>;
function meetingMove(db: Db, caller: Caller, id: string, action: MeetingAction, work?: MoveWork) {
  const { committeeId } = caller;
  const actors = new Set(isOffice(caller) ? (['office'] as const) : []);
  return transact(db, caller.actor, (uow) => meetingWorkflow.move(uow, {
    action, committeeId, entity: 'consultation_meeting', entityId: id, event: MEETING_EVENTS[action],
    load: async () => ({ ...(await lockMeeting(uow.tx, caller, id)), actors }),
    async work(m) {
      const out = (await work?.(m, uow)) ?? {};
      return { after: out.after, events: out.events, payload: { meetingId: id, planItemId: m.planItemId, form: m.form, year: m.year } };
    },
    writeState: (to) => patchMeeting(uow.tx, committeeId, id, {
      state: to, ...(to === 'notified' ? { notifiedAt: 'now' } : to === 'held' ? { heldAt: 'now' } : to === 'closed' ? { closedAt: 'now' } : {}),
    }),
  }));
}

/**
 * 发出通知: the invited members get the notice in the app, and performance is asked for the
 * meeting's activity (check-in code, window, 请假, attendance records), keyed by the meeting.
 * A notice later than the working-day deadline is sent but recorded as late.
 */
export async function notifyMeeting(db: Db, caller: Caller, id: string) {
  return meetingMove(db, caller, id, 'notify', async (m, uow) => {
    const memberIds = await invitedMemberIds(uow.tx, caller.committeeId, id);
    if (!memberIds.length) throw new AppError(E['consultation.no_invitees']);
    await noticeTo(uow, caller.committeeId, m, memberIds, 'invitation');
    return {
      after: { invited: memberIds.length, noticeDue: m.noticeDue, late: chinaDate() > m.noticeDue },
      events: [{ type: 'activity.requested', committeeId: caller.committeeId, entityId: id, payload: activityRequest(m, memberIds) }],
    };
  });
}

/** 召开: the meeting took place; every speech submitted for it is credited (duty kind `speech`), once per speech. */
export async function holdMeeting(db: Db, caller: Caller, id: string) {
  return meetingMove(db, caller, id, 'hold', async (m, uow) => {
    const speeches = await speechesOf(uow.tx, caller.committeeId, id);
    const day = chinaDate(m.startsAt);
    const events = speeches.map((s) => ({
      type: 'duty.recorded', committeeId: caller.committeeId, entityId: s.id,
      payload: {
        kind: 'speech', sourceRef: `consultation:speech:${s.id}`, title: `${m.title}${s.oralOrder ? '口头发言' : '书面发言'}：${s.title}`.slice(0, 200),
        members: [{ memberId: s.memberId, role: 'first' }], occurredOn: day,
      },
    }));
    return { after: { speechesCredited: speeches.length }, events };
  });
}

/** 结束会议: only with minutes (纪要, text or a file); a minutes record later than the deadline is noted. */
export async function closeMeeting(db: Db, caller: Caller, id: string) {
  return meetingMove(db, caller, id, 'close', async (m) => {
    if (!m.minutesAt) throw new AppError(E['consultation.minutes_missing']);
    return { after: { minutesDue: m.minutesDue, minutesLate: chinaDate(m.minutesAt) > m.minutesDue } };
  });
}

/** 取消会议, with the reason the invited are told. */
export async function cancelMeeting(db: Db, caller: Caller, id: string, raw: { reason: string }) {
  const { reason } = reasonInput.parse(raw);
  return meetingMove(db, caller, id, 'cancel', async (m, uow) => {
    await patchMeeting(uow.tx, caller.committeeId, id, { cancelReason: reason });
    if (m.state === 'notified') await noticeTo(uow, caller.committeeId, { ...m, cancelReason: reason }, await invitedMemberIds(uow.tx, caller.committeeId, id), 'cancelled');
    return { after: { reason } };
  });
}

/** 纪要: text and/or files for a held meeting (or a closed one, to correct); required to close. */
export async function recordMinutes(db: Db, caller: Caller, id: string, raw: { text?: string; attachmentIds?: string[] }) {
  const input = minutesInput.parse(raw);
  requireOffice(caller, '上传会议纪要', 'record the minutes');
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    const m = await lockMeeting(uow.tx, caller, id);
    if (m.state !== 'held' && m.state !== 'closed') {
      throw new AppError(E['consultation.invalid_transition'], {
        stateLabel: MEETING_STATES[m.state], stateLabelEn: meetingWorkflow.stateLabel(m.state, 'en'), actionLabel: '上传纪要', actionLabelEn: 'record the minutes',
      });
    }
    const files = await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds ?? [], ownerKind: MINUTES_FILES, ownerId: id, actorUserId: caller.actor.userId });
    const text = input.text ?? m.minutesText ?? '';
    const { rows } = await uow.tx.execute<{ n: number }>(sqlCountFiles(committeeId, id));
    if (!text && rows[0].n === 0) throw new AppError(E['consultation.minutes_empty']);
    await patchMeeting(uow.tx, committeeId, id, { minutesText: text || null, minutesAt: 'now' });
    await uow.audit({ committeeId, action: 'consultation_meeting.minutes', entity: 'consultation_meeting', entityId: id, after: { textLength: text.length, files: files.length } });
    await uow.emit({ type: MEETING_EVENTS.minutes, committeeId, entityId: id, payload: { meetingId: id } });
  });
}

const sqlCountFiles = (committeeId: string, id: string) => sql`select count(*)::int as n from attachments
  where committee_id = ${committeeId} and owner_kind = ${MINUTES_FILES} and owner_id = ${id}`;

/**
 * A member's reply to the invitation: 参加, or 请假 with a reason. The reply is passed on to the
 * meeting's activity (performance marks the leave: one attendance record, there).
 */
export async function replyToInvitation(db: Db, caller: Caller, id: string, raw: { reply: 'attend' | 'leave'; reason?: string }) {
  const input = replyInput.parse(raw);
  const memberId = memberIdsOf(caller)[0];
  if (!memberId) throw new AppError(E['consultation.not_invited']);
  if (input.reply === 'leave' && (!input.reason || input.reason.length < 2)) throw new AppError(E['consultation.leave_reason_required']);
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    const m = await findMeeting(uow.tx, committeeId, id, true);
    const inv = m && (await findInvitation(uow.tx, committeeId, id, memberId, true));
    if (!m || !inv || m.state === 'preparing') throw new AppError(E['consultation.meeting_not_found']);
    if (m.state !== 'notified') throw new AppError(E['consultation.reply_closed'], { stateLabel: MEETING_STATES[m.state], stateLabelEn: meetingWorkflow.stateLabel(m.state, 'en') });
    const reason = input.reply === 'leave' ? input.reason! : null;
    await setReply(uow.tx, committeeId, inv.id, input.reply, reason);
    await uow.audit({ committeeId, action: 'consultation_meeting.reply', entity: 'consultation_meeting', entityId: id, before: { memberId, reply: inv.reply }, after: { memberId, reply: input.reply, reason } });
    await uow.emit({ type: 'activity.reply', committeeId, entityId: id, payload: { sourceRef: meetingSourceRef(id), memberId, reply: input.reply, reason } });
  });
}
