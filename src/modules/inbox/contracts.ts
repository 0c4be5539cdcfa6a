import { z } from 'zod';

/**
 * Shapes of the inbox routes (uploaded files and in-app notifications), shared by the routes,
 * the tests and the web client. Other modules' input schemas take attachments as
 * `attachmentIds` (see `attachmentIdsInput`) and claim them with claimAttachments.
 */
export const attachmentMeta = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

/** For a module's input schema: the ids of files uploaded through POST /api/attachments. */
export const attachmentIdsInput = z.array(z.uuid()).max(20).default([]);

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Only the unread ones. */
  unread: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
}
