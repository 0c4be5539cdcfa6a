import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { defineRoute, type RequestContext, type RouteDef } from '../../platform/modules.js';
import { notificationListQuery, notificationView } from './contracts.js';
import { InboxErrors as E } from './inbox.errors.js';
import { InboxPermissions as P } from './inbox.policy.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead, type Recipient } from './notification.repository.js';

const tags = ['notifications'];
/** A notification's id is a bigint sequence number, not a uuid. */
const noticeIdParams = z.object({ id: z.string().regex(/^\d{1,15}$/, '通知编号应为数字') });

function recipient(ctx: RequestContext): Recipient {
  // The permission already requires a principal; a notification always belongs to a user.
  if (!ctx.actor.userId) throw new AppError('auth.required');
  return { committeeId: ctx.committeeId, userId: ctx.actor.userId };
}

export const notificationRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/notifications', tags,
    summary: 'My notifications in the current committee, newest first, paged; `unread=true` for the unread ones only. Answers { items, total, unread }',
    access: { permission: P['notifications.read'] }, querystring: notificationListQuery, example: { query: { page: '1', pageSize: '20' } },
    response: { 200: z.object({ items: z.array(notificationView), total: z.number().int(), unread: z.number().int() }) },
    handler: (req, ctx) => listNotifications(ctx.db, recipient(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: '/api/notifications/:id/read', tags,
    summary: 'Mark one of my notifications as read (another user\'s answers 404)',
    access: { permission: P['notifications.read'] }, resource: 'notification', params: noticeIdParams,
    response: { 200: notificationView },
    async handler(req, ctx) {
      const row = await markNotificationRead(ctx.db, recipient(ctx), req.params.id);
      if (!row) throw new AppError(E['notifications.not_found']);
      return row;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/notifications/read-all', tags,
    summary: 'Mark all my notifications in the current committee as read; answers { updated }',
    access: { permission: P['notifications.read'] },
    response: { 200: z.object({ updated: z.number().int() }) },
    handler: async (_req, ctx) => ({ updated: await markAllNotificationsRead(ctx.db, recipient(ctx)) }),
  }),
];
