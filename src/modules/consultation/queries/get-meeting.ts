import { listAttachments } from '../../../platform/attachments.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { MEETING_FILES, MINUTES_FILES } from '../commands/meetings.js';
import { SPEECH_FILES } from '../commands/speeches.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, memberIdsOf, oversees, type Caller } from '../consultation.policy.js';
import { meetingWorkflow } from '../domain/meeting-workflow.js';
import { findMeeting, invitationsOf, listMeetings, speechesOf, type MeetingRow } from '../meetings.repository.js';

/**
 * Staff and leaders see every meeting; a member those they are invited to, once notified. Anyone
 * else (a handling unit's clerk) gets a 404, as for another committee's meeting.
 */
export async function visibleMeeting(db: Executor, caller: Caller, id: string): Promise<MeetingRow> {
  const m = await findMeeting(db, caller.committeeId, id);
  if (!m) throw new AppError(E['consultation.meeting_not_found']);
  if (oversees(caller)) return m;
  const mine = memberIdsOf(caller);
  if (m.state !== 'preparing' && mine.length && (await invitationsOf(db, caller.committeeId, id)).some((i) => i.memberId && mine.includes(i.memberId))) return m;
  throw new AppError(E['consultation.meeting_not_found']);
}

/**
 * One meeting as the caller sees it: the invited and their replies, speeches (a member reads the
 * text of their own; the others only by title and order), materials, minutes, deadlines, the
 * linked activity and the abilities.
 */
export async function getMeeting(db: Executor, caller: Caller, id: string, lang: Lang = 'zh') {
  const m = await visibleMeeting(db, caller, id);
  const all = oversees(caller);
  const mine = memberIdsOf(caller);
  const [invitations, speeches, materials, minutesFiles] = await Promise.all([
    invitationsOf(db, caller.committeeId, id), speechesOf(db, caller.committeeId, id),
    listAttachments(db, caller.committeeId, MEETING_FILES, id), listAttachments(db, caller.committeeId, MINUTES_FILES, id),
  ]);
  const speechFiles = await Promise.all(speeches.map((s) => (all || mine.includes(s.memberId) ? listAttachments(db, caller.committeeId, SPEECH_FILES, s.id) : [])));
  const myInvitation = invitations.find((i) => i.memberId && mine.includes(i.memberId)) ?? null;
  const office = isOffice(caller);
  return {
    ...m,
    stateLabel: meetingWorkflow.stateLabel(m.state, lang),
    deadlines: { notice: m.noticeDue, materials: m.materialsDue, minutes: m.minutesDue },
    invitations: all ? invitations : invitations.filter((i) => i === myInvitation),
    invitedCount: invitations.filter((i) => i.memberId).length,
    experts: invitations.filter((i) => i.expertId).map((i) => ({ id: i.expertId, name: i.name, affiliation: i.detail })),
    myReply: myInvitation ? { reply: myInvitation.reply, reason: myInvitation.reason } : null,
    speeches: speeches.map((s, i) => (all || mine.includes(s.memberId)
      ? { ...s, files: speechFiles[i] }
      : { id: s.id, memberId: s.memberId, memberName: s.memberName, title: s.title, oralOrder: s.oralOrder, body: null, files: [] })),
    materials,
    minutes: m.minutesAt ? { text: m.minutesText, at: m.minutesAt, files: minutesFiles } : null,
    minutesText: undefined,
    abilities: meetingWorkflow.allowedActions(m.state, new Set(office ? (['office'] as const) : [])),
    canEdit: office && (m.state === 'preparing' || m.state === 'notified'),
    canReply: !!myInvitation && m.state === 'notified',
  };
}
export type MeetingView = Awaited<ReturnType<typeof getMeeting>>;

export async function listVisibleMeetings(db: Executor, caller: Caller, f: { year?: number; planItemId?: string; state?: string }, lang: Lang = 'zh') {
  const rows = await listMeetings(db, caller.committeeId, { ...f, ...(oversees(caller) ? {} : { memberIds: memberIdsOf(caller) }) });
  return rows.map(({ minutesText: _t, ...m }) => ({ ...m, stateLabel: meetingWorkflow.stateLabel(m.state, lang), hasMinutes: !!m.minutesAt }));
}
