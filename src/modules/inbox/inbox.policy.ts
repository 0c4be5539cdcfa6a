import { definePermissions } from '../../platform/access.js';

/**
 * Everyone who holds a role in the committee uploads files (a member's evidence photo, a
 * clerk's reply, a leader's instruction) and reads their own notifications. Whether a stored
 * file may be read is decided per file by readAttachment: its uploader, or whoever may read the
 * record that claimed it (the owning module's check).
 */
const inCommittee = (g: readonly unknown[]) => g.length > 0;
export const InboxPermissions = definePermissions({
  'attachments.upload': inCommittee,
  'attachments.read': inCommittee,
  'notifications.read': inCommittee,
});
