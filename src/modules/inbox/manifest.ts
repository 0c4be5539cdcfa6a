import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { purgeUnclaimed, storeAttachment } from '../../platform/attachments.js';
import { defineModule } from '../../platform/modules.js';
import { notify } from '../../platform/notifications.js';
import { notifications } from '../../platform/platform.schema.js';
import { attachmentRoutes } from './attachment.routes.js';
import { notificationRoutes } from './notification.routes.js';

/**
 * The routes over two platform pieces every module uses: uploaded files (src/platform/attachments.ts)
 * and in-app notifications (src/platform/notifications.ts). Modules store and claim files and send
 * notifications through those functions; this module lets people upload, read and mark them.
 */
export function inboxModule(opts: { maxUploadMb: number }) {
  return defineModule({
    name: 'inbox',
    routes: [...attachmentRoutes(opts), ...notificationRoutes],
    jobs: [
      {
        name: 'attachments.purge_unclaimed',
        cron: '30 3 * * *', // 03:30 China time, when nobody uploads
        run: async (db) => `deleted ${await purgeUnclaimed(db)} unclaimed uploads older than a day`,
      },
    ],
    probeFixtures: {
      // An upload of the given committee (unowned: only its uploader, nobody here, may read it).
      attachment: async (db, committeeId) =>
        (await storeAttachment(db, { committeeId, fileName: '调研照片说明.txt', mime: 'text/plain; charset=utf-8', content: Buffer.from('金川区调研记录'), uploadedBy: null })).id,
      // A notification for someone of the given committee.
      notification: async (db, committeeId) => {
        const userId = crypto.randomUUID();
        const dedupeKey = `probe:${crypto.randomUUID()}`;
        await notify(db, { committeeId, userIds: [userId], kind: 'probe', title: '您有一件提案待签收', dedupeKey });
        const [row] = await db.select({ id: notifications.id }).from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, dedupeKey)));
        return String(row!.id);
      },
    },
  });
}
