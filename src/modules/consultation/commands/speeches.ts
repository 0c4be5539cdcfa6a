import { claimAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { memberIdsOf, type Caller } from '../consultation.policy.js';
import { expertInput, speakersInput, speechInput } from '../contracts.js';
import { MEETING_STATES, meetingWorkflow } from '../domain/meeting-workflow.js';
import { findInvitation, findMeeting, insertExpert, setOralOrder, speechesOf, upsertSpeech } from '../meetings.repository.js';
import { requireOffice } from './access.js';

export const SPEECH_FILES = 'consultation_speech';

const closed = (state: keyof typeof MEETING_STATES) =>
  new AppError(E['consultation.reply_closed'], { stateLabel: MEETING_STATES[state], stateLabelEn: meetingWorkflow.stateLabel(state, 'en') });

/**
 * 书面发言: an invited member submits (or rewrites) their speech before the meeting is held, with
 * files. One speech per member and meeting. Returns its id.
 */
export async function submitSpeech(db: Db, caller: Caller, meetingId: string, raw: { title: string; body: string; attachmentIds?: string[] }): Promise<string> {
  const input = speechInput.parse(raw);
  const memberId = memberIdsOf(caller)[0];
  if (!memberId) throw new AppError(E['consultation.not_invited']);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const m = await findMeeting(uow.tx, committeeId, meetingId, true);
    if (!m || m.state === 'preparing' || !(await findInvitation(uow.tx, committeeId, meetingId, memberId))) throw new AppError(E['consultation.meeting_not_found']);
    if (m.state !== 'notified') throw closed(m.state);
    const { id, created } = await upsertSpeech(uow.tx, committeeId, meetingId, memberId, input.title, input.body);
    const files = await claimAttachments(uow.tx, { committeeId, ids: input.attachmentIds ?? [], ownerKind: SPEECH_FILES, ownerId: id, actorUserId: caller.actor.userId });
    await uow.audit({
      committeeId, action: created ? 'consultation_speech.submit' : 'consultation_speech.revise', entity: 'consultation_speech', entityId: id,
      after: { meetingId, memberId, title: input.title, length: input.body.length, files: files.length },
    });
    await uow.emit({ type: created ? 'consultation.speech_submitted' : 'consultation.speech_revised', committeeId, entityId: id, payload: { speechId: id, meetingId, memberId } });
    return id;
  });
}

/** 确定口头发言: staff choose the oral speakers among the submitted speeches and set their order (the rest stay written). */
export async function arrangeSpeakers(db: Db, caller: Caller, meetingId: string, raw: { order: string[] }) {
  const { order } = speakersInput.parse(raw);
  requireOffice(caller, '安排口头发言', 'arrange the oral speakers');
  const { committeeId } = caller;
  await transact(db, caller.actor, async (uow) => {
    const m = await findMeeting(uow.tx, committeeId, meetingId, true);
    if (!m) throw new AppError(E['consultation.meeting_not_found']);
    if (m.state !== 'notified' && m.state !== 'preparing') throw closed(m.state);
    const mine = new Set((await speechesOf(uow.tx, committeeId, meetingId)).map((s) => s.id));
    if (new Set(order).size !== order.length || order.some((id) => !mine.has(id))) throw new AppError(E['consultation.speech_unknown']);
    await setOralOrder(uow.tx, committeeId, meetingId, order);
    await uow.audit({ committeeId, action: 'consultation_meeting.speakers', entity: 'consultation_meeting', entityId: meetingId, after: { order } });
    await uow.emit({ type: 'consultation.speakers_arranged', committeeId, entityId: meetingId, payload: { meetingId, oral: order.length } });
  });
}

/** 专家智库: adds an expert to the committee's roster. */
export async function addExpert(db: Db, caller: Caller, raw: { name: string; field?: string; affiliation?: string }): Promise<string> {
  const input = expertInput.parse(raw);
  requireOffice(caller, '维护专家智库', 'keep the expert roster');
  return transact(db, caller.actor, async (uow) => {
    const values = { name: input.name, field: input.field ?? '', affiliation: input.affiliation ?? '' };
    const id = await insertExpert(uow.tx, caller.committeeId, values);
    if (!id) throw new AppError(E['consultation.expert_exists']);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation_expert.create', entity: 'consultation_expert', entityId: id, after: values });
    return id;
  });
}
