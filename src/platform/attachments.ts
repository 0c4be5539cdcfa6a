import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from './db/database.js';
import type { Executor, Tx } from './db/unit-of-work.js';
import { AppError } from './errors.js';
import type { RequestContext } from './modules.js';
import { attachments } from './platform.schema.js';

/**
 * Uploaded files. A file is uploaded first (unowned, visible to its uploader only) and then
 * claimed by the command that uses it (a self-reported duty record, a proposal, an item), in
 * that command's transaction. Who may read a claimed file is decided by the module that owns
 * the kind (registerAttachmentOwner), so a file is exactly as visible as its record.
 */
export interface AttachmentMeta {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

export type OwnerReadCheck = (db: Db, ctx: RequestContext, ownerId: string) => Promise<boolean>;
const owners = new Map<string, OwnerReadCheck>();

/** A module declares who may read the files of its records (called from its manifest's init). */
export function registerAttachmentOwner(kind: string, canRead: OwnerReadCheck): void {
  owners.set(kind, canRead);
}
export function attachmentOwnerCheck(kind: string): OwnerReadCheck | undefined {
  return owners.get(kind);
}

const meta = {
  id: attachments.id, fileName: attachments.fileName, mime: attachments.mime, size: attachments.size, createdAt: attachments.createdAt,
};

export async function storeAttachment(
  db: Executor,
  args: { committeeId: string; fileName: string; mime: string; content: Buffer; uploadedBy: string | null },
): Promise<AttachmentMeta> {
  const sha256 = createHash('sha256').update(args.content).digest('hex');
  const [row] = await db
    .insert(attachments)
    .values({
      committeeId: args.committeeId, fileName: args.fileName, mime: args.mime, size: args.content.length, sha256,
      content: args.content, uploadedBy: args.uploadedBy,
    })
    .returning(meta);
  return row!;
}

/**
 * Binds uploaded files to a record, inside the caller's transaction. Each id must be a file of
 * this committee that is still unowned and was uploaded by the same user (or is already bound
 * to this very record, so re-saving a form is harmless); otherwise nothing is bound.
 */
export async function claimAttachments(
  tx: Tx,
  args: { committeeId: string; ids: readonly string[]; ownerKind: string; ownerId: string; actorUserId: string | null },
): Promise<AttachmentMeta[]> {
  const ids = [...new Set(args.ids)];
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: attachments.id, ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, uploadedBy: attachments.uploadedBy })
    .from(attachments)
    .where(and(eq(attachments.committeeId, args.committeeId), inArray(attachments.id, ids)))
    .for('update');
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = found.get(id);
    const mine = r && (r.ownerKind === null ? args.actorUserId === null || r.uploadedBy === args.actorUserId : r.ownerKind === args.ownerKind && r.ownerId === args.ownerId);
    if (!mine) throw new AppError('attachments.not_found', { id });
  }
  return tx
    .update(attachments)
    .set({ ownerKind: args.ownerKind, ownerId: args.ownerId })
    .where(and(eq(attachments.committeeId, args.committeeId), inArray(attachments.id, ids)))
    .returning(meta);
}

/**
 * For an edit form that shows the record's files: binds `ids` (as claimAttachments) and deletes
 * the files this record held that are no longer listed, in the caller's transaction. Returns the
 * record's files afterwards. Use it where the form sends the full list; claimAttachments where
 * files are only ever added.
 */
export async function syncAttachments(
  tx: Tx,
  args: { committeeId: string; ids: readonly string[]; ownerKind: string; ownerId: string; actorUserId: string | null },
): Promise<AttachmentMeta[]> {
  await claimAttachments(tx, args);
  const keep = [...new Set(args.ids)];
  await tx
    .delete(attachments)
    .where(and(
      eq(attachments.committeeId, args.committeeId), eq(attachments.ownerKind, args.ownerKind), eq(attachments.ownerId, args.ownerId),
      ...(keep.length ? [notInArray(attachments.id, keep)] : []),
    ));
  return listAttachments(tx, args.committeeId, args.ownerKind, args.ownerId);
}

export async function listAttachments(db: Executor, committeeId: string, ownerKind: string, ownerId: string): Promise<AttachmentMeta[]> {
  return db
    .select(meta)
    .from(attachments)
    .where(and(eq(attachments.committeeId, committeeId), eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId)))
    .orderBy(attachments.createdAt);
}

/** The file with its content, when `ctx` may read it: its uploader, or whoever may read the owning record. */
export async function readAttachment(db: Db, ctx: RequestContext, id: string): Promise<(AttachmentMeta & { content: Buffer }) | null> {
  const [row] = await db
    .select({ ...meta, content: attachments.content, ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, uploadedBy: attachments.uploadedBy })
    .from(attachments)
    .where(and(eq(attachments.committeeId, ctx.committeeId), eq(attachments.id, id)));
  if (!row) return null;
  const uploader = !!ctx.actor.userId && row.uploadedBy === ctx.actor.userId;
  let allowed = uploader;
  if (!allowed && row.ownerKind && row.ownerId) {
    const check = owners.get(row.ownerKind);
    allowed = !!check && (await check(db, ctx, row.ownerId));
  }
  if (!allowed) return null;
  return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size, createdAt: row.createdAt, content: row.content };
}

/** Unclaimed uploads older than a day are litter from abandoned forms. */
export async function purgeUnclaimed(db: Executor, olderThanHours = 24): Promise<number> {
  const r = await db
    .delete(attachments)
    .where(and(isNull(attachments.ownerKind), sql`${attachments.createdAt} < now() - make_interval(hours => ${olderThanHours})`))
    .returning({ id: attachments.id });
  return r.length;
}
