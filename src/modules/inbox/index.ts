/**
 * The inbox module's public surface: upload/read routes for files and the notification routes.
 * Other modules use the platform functions directly — storeAttachment/claimAttachments/
 * listAttachments/registerAttachmentOwner (src/platform/attachments.ts) and notify
 * (src/platform/notifications.ts) — and the shared shapes below.
 */
export { inboxModule } from './manifest.js';
export { InboxPermissions } from './inbox.policy.js';
export { InboxErrors } from './inbox.errors.js';
export * from './contracts.js';
export { classifyFile, FILE_KINDS, ALLOWED_EXTENSIONS } from './file-types.js';
export { uploadAttachment, contentDisposition } from './attachment.routes.js';
