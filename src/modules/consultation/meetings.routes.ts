import type { Db } from '../../platform/db/database.js';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import {
  cancelMeeting, closeMeeting, createMeeting, editMeeting, holdMeeting, notifyMeeting, recordMinutes, replyToInvitation,
} from './commands/meetings.js';
import { addExpert, arrangeSpeakers, submitSpeech } from './commands/speeches.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { expertInput, meetingInput, meetingPatch, meetingsQuery, minutesInput, reasonInput, replyInput, speakersInput, speechInput } from './contracts.js';
import { listExperts } from './meetings.repository.js';
import { getMeeting, listVisibleMeetings } from './queries/get-meeting.js';

const tags = ['consultation'];
const BASE = '/api/consultation/meetings';
const MEETING = { startsAt: '2026-06-18T09:00:00+08:00', place: '市政协四楼会议室', agenda: '一、通报情况\n二、委员发言\n三、部门回应' };
const answer = (db: Db, caller: Caller, id: string) => getMeeting(db, caller, id);
/** A bodiless move of the office's. */
const move = (path: string, summary: string, run: (db: Db, caller: Caller, id: string) => Promise<unknown>) =>
  moveRoute({ base: BASE, path, summary, tags, permission: P['consultation.meetings'], resource: 'consultation_meeting', run: (db, c, id) => run(db, c, id), answer });

export const meetingRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: BASE, summary: 'Meetings (staff and leaders: all; a member: those they are invited to)', tags,
    access: { permission: P['consultation.read'] }, querystring: meetingsQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => listVisibleMeetings(ctx.db, callerOf(ctx), meetingsQuery.parse(req.query), ctx.lang),
  }),
  defineRoute({
    method: 'POST', url: '/api/consultation/plan-items/:id/meetings', summary: 'Arrange a meeting for an item of the issued plan (office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_plan_item', params: idParams, body: meetingInput, example: { body: MEETING },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createMeeting(ctx.db, caller, idParams.parse(req.params).id, meetingInput.parse(req.body));
      reply.status(201);
      return getMeeting(ctx.db, caller, id, ctx.lang);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/:id`, summary: 'One meeting: the invited, speeches, materials, minutes, deadlines, its activity', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_meeting', params: idParams,
    handler: (req, ctx) => getMeeting(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/:id`, summary: 'Change a meeting before it is held (office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_meeting', params: idParams, body: meetingPatch, example: { body: { place: '市政协三楼会议室' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await editMeeting(ctx.db, caller, id, meetingPatch.parse(req.body));
      return getMeeting(ctx.db, caller, id, ctx.lang);
    },
  }),
  move('notify', '发出通知 (invitations; asks performance for the check-in activity)', notifyMeeting),
  move('hold', '召开 (speeches are credited)', holdMeeting),
  move('close', '结束会议 (requires the minutes)', closeMeeting),
  moveRoute({
    base: BASE, path: 'cancel', summary: '取消会议', tags, permission: P['consultation.meetings'], resource: 'consultation_meeting',
    body: reasonInput, example: { reason: '因故推迟，另行通知' }, run: cancelMeeting, answer,
  }),
  moveRoute({
    base: BASE, path: 'minutes', summary: '纪要: text and/or files (office)', tags, permission: P['consultation.meetings'], resource: 'consultation_meeting',
    body: minutesInput, example: { text: '会议纪要正文' }, run: recordMinutes, answer,
  }),
  moveRoute({
    base: BASE, path: 'reply', summary: 'A member replies to the invitation: attend, or 请假 with a reason', tags, permission: P['consultation.participate'],
    resource: 'consultation_meeting', body: replyInput, example: { reply: 'leave', reason: '外出学习' }, run: replyToInvitation, answer,
  }),
  moveRoute({
    base: BASE, path: 'speeches', summary: 'A member submits (or rewrites) a written speech before the meeting', tags, permission: P['consultation.participate'],
    resource: 'consultation_meeting', body: speechInput, example: { title: '关于民营企业融资的建议', body: '建议设立民营企业应急转贷资金池，降低融资成本。' },
    status: 201, run: (db, caller, id, body) => submitSpeech(db, caller, id, body), answer,
  }),
  moveRoute({
    base: BASE, path: 'speakers', method: 'PUT', summary: 'Choose and order the oral speakers (office)', tags, permission: P['consultation.meetings'],
    resource: 'consultation_meeting', body: speakersInput, example: { order: [] }, run: arrangeSpeakers, answer,
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/experts', summary: '专家智库: the roster (staff and leaders)', tags,
    access: { permission: P['consultation.oversee'] }, handler: (_req, ctx) => listExperts(ctx.db, ctx.committeeId),
  }),
  defineRoute({
    method: 'POST', url: '/api/consultation/experts', summary: 'Add an expert to the roster (office)', tags,
    access: { permission: P['consultation.meetings'] }, body: expertInput, example: { body: { name: '王教授', field: '区域经济', affiliation: '兰州大学经济学院' } },
    async handler(req, ctx, reply) {
      const id = await addExpert(ctx.db, callerOf(ctx), expertInput.parse(req.body));
      reply.status(201);
      return { id };
    },
  }),
];
