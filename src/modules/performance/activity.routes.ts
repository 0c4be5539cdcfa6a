import { z } from 'zod';
import { defineRoute } from '../../platform/modules.js';
import { cancelActivity } from './commands/cancel-activity.js';
import { checkIn } from './commands/check-in.js';
import { closeActivity } from './commands/close-activity.js';
import { createActivity } from './commands/create-activity.js';
import { markAttendance } from './commands/mark-attendance.js';
import { requestLeave } from './commands/request-leave.js';
import { signUpForActivity } from './commands/sign-up.js';
import { updateActivity } from './commands/update-activity.js';
import { activityInput, activityPatch, attendanceInput, cancelInput, checkInInput, leaveInput, yearParam } from './contracts.js';
import { ACTIVITY_TYPE_KEYS } from './domain/kinds.js';
import { PerformancePermissions as P } from './performance.policy.js';
import { getActivity, listVisibleActivities } from './queries/activities.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { tags } from './route-kit.js';

const SOME_MEMBER = '00000000-0000-4000-8000-000000000001';

/** 履职活动: create, change, cancel, list, sign up, check in (code), 请假, attendance by staff, close. */
export const activityRoutes = [
  defineRoute({
    method: 'GET', url: '/api/performance/activities', summary: 'Activities of a year (a member sees those they are invited to or may join)', tags,
    access: { permission: P['performance.read'] },
    querystring: z.object({ year: yearParam.optional(), type: z.enum(ACTIVITY_TYPE_KEYS).optional() }),
    handler: (req, ctx) => listVisibleActivities(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities', summary: 'Create an activity with its invitees; returns it with the check-in code', tags,
    access: { permission: P['performance.organise'] }, body: activityInput,
    example: { body: { type: 'plenary', title: '政协第五届委员会第四次会议', startsAt: '2026-01-10T09:00:00+08:00', halfDays: 5, inviteAll: true } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createActivity(ctx.db, caller, req.body);
      reply.status(201);
      return getActivity(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/performance/activities/:id', summary: 'One activity: attendance for staff, own status and abilities for a member', tags,
    access: { permission: P['performance.read'] }, params: idParams, resource: 'activity',
    handler: (req, ctx) => getActivity(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/performance/activities/:id', summary: 'Change an open activity (title, time, half-days, place) and invite more members', tags,
    access: { permission: P['performance.organise'] }, params: idParams, resource: 'activity', body: activityPatch,
    example: { body: { place: '政协机关二楼会议室', addInviteeIds: [SOME_MEMBER] } },
    async handler(req, ctx) {
      await updateActivity(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/cancel', summary: 'Cancel (取消) an open activity nobody has checked in to, with a reason', tags,
    access: { permission: P['performance.organise'] }, params: idParams, resource: 'activity', body: cancelInput,
    example: { body: { reason: '因天气原因取消' } },
    async handler(req, ctx) {
      await cancelActivity(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/sign-up', summary: 'Sign up (报名) for an activity', tags,
    access: { permission: P['performance.participate'] }, params: idParams, resource: 'activity',
    async handler(req, ctx) {
      await signUpForActivity(ctx.db, callerOf(ctx), req.params.id);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/check-in', summary: 'Check in (签到) with the activity code; the duty record appears at once', tags,
    access: { permission: P['performance.participate'] }, params: idParams, resource: 'activity', body: checkInInput,
    example: { body: { code: '123456' } }, rateLimit: 30,
    async handler(req, ctx) {
      await checkIn(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/leave', summary: 'Ask for leave (请假) with a reason', tags,
    access: { permission: P['performance.participate'] }, params: idParams, resource: 'activity', body: leaveInput,
    example: { body: { reason: '外出参加省里的培训' } },
    async handler(req, ctx) {
      await requestLeave(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/attendance', summary: 'Staff mark attendance: attended, excused (with reason) or absent', tags,
    access: { permission: P['performance.organise'] }, params: idParams, resource: 'activity', body: attendanceInput,
    example: { body: { entries: [{ memberId: SOME_MEMBER, status: 'attended' }] } },
    async handler(req, ctx) {
      await markAttendance(ctx.db, callerOf(ctx), req.params.id, req.body);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/performance/activities/:id/close', summary: 'Close attendance: members neither present nor excused become absent (deduction for meetings)', tags,
    access: { permission: P['performance.organise'] }, params: idParams, resource: 'activity',
    async handler(req, ctx) {
      await closeActivity(ctx.db, callerOf(ctx), req.params.id);
      return getActivity(ctx.db, callerOf(ctx), req.params.id);
    },
  }),
];
