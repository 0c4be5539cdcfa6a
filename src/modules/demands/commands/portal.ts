import crypto from 'node:crypto';
import { claimAttachments, storeAttachment } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor, type Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { classifyFile } from '../../inbox/index.js';
import { publicDemandInput, type PublicDemandInput } from '../contracts.js';
import { DemandErrors as E } from '../demands.errors.js';
import { committeeByCode, portalKey } from '../demands.repository.js';
import { parseDemandSettings, type DemandSettings } from '../domain/settings.js';
import { DEMAND_FILES, insertDemandIn, requireKind } from './create-demand.js';

/**
 * The public portal's checks, none of which needs an outside service.
 *
 * Challenge (proof of work): the server hands out `<payload>.<mac>`, payload = base64url JSON
 * { c: committee id, n: 16 random bytes, e: expiry (ms), b: bits }, mac = HMAC-SHA256 under the
 * committee's portal key. The browser finds a `solution` (base 36) such that
 * sha256(`<challenge>:<solution>`) starts with `b` zero bits. The server keeps no state for a
 * challenge it hands out; a solved one is spent by the submission it carries (its nonce is stored
 * on the demand under a unique index), so one solution buys exactly one demand.
 *
 * Photos: an upload through the public path answers a receipt, HMAC('photo:<id>'); only a file with
 * its receipt can be claimed by a public submission, so nobody can claim a file a staff member
 * uploaded and left unclaimed.
 */
const CHALLENGE_TTL_MS = 30 * 60 * 1000;
export const PHOTO_MAX_MB = 5;
const PHOTO_KINDS = new Set(['jpeg', 'png', 'webp', 'heic']);

const keys = new Map<string, Buffer>();
async function keyOf(db: Executor, committeeId: string): Promise<Buffer> {
  let k = keys.get(committeeId);
  if (!k) {
    k = await portalKey(db, committeeId, crypto.randomBytes(32));
    keys.set(committeeId, k);
  }
  return k;
}
const mac = (key: Buffer, s: string) => crypto.createHmac('sha256', key).update(s).digest('base64url');
const sameMac = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface Portal { committeeId: string; name: string; settings: DemandSettings }

export async function portalOf(db: Executor, code: string): Promise<Portal> {
  const c = await committeeByCode(db, code);
  if (!c) throw new AppError(E['demand.portal_not_found']);
  return { committeeId: c.id, name: c.name, settings: parseDemandSettings(c.settings) };
}

export async function issueChallenge(db: Executor, p: Portal, now = Date.now()): Promise<{ challenge: string; bits: number; expiresAt: string }> {
  const payload = Buffer.from(JSON.stringify({ c: p.committeeId, n: crypto.randomBytes(16).toString('hex'), e: now + CHALLENGE_TTL_MS, b: p.settings.powBits })).toString('base64url');
  return { challenge: `${payload}.${mac(await keyOf(db, p.committeeId), payload)}`, bits: p.settings.powBits, expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString() };
}

export function leadingZeroBits(hash: Buffer): number {
  let n = 0;
  for (const byte of hash) {
    if (byte === 0) { n += 8; continue; }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** Finds a solution (tests, the bench and the demo; the browser does the same with WebCrypto). */
export function solveChallenge(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const s = i.toString(36);
    if (leadingZeroBits(crypto.createHash('sha256').update(`${challenge}:${s}`).digest()) >= bits) return s;
  }
}

/** The challenge's nonce when it is ours, unexpired, for this committee and solved; else 400. */
export async function verifyChallenge(db: Executor, p: Portal, challenge: string, solution: string, now = Date.now()): Promise<string> {
  const bad = () => new AppError(E['demand.challenge_invalid']);
  const [payload, sig, extra] = challenge.split('.');
  if (!payload || !sig || extra !== undefined) throw bad();
  if (!sameMac(sig, mac(await keyOf(db, p.committeeId), payload))) throw bad();
  let body: { c?: unknown; n?: unknown; e?: unknown; b?: unknown };
  try { body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')); } catch { throw bad(); }
  if (body.c !== p.committeeId || typeof body.n !== 'string' || typeof body.e !== 'number' || typeof body.b !== 'number') throw bad();
  if (body.e < now) throw bad();
  const bits = leadingZeroBits(crypto.createHash('sha256').update(`${challenge}:${solution}`).digest());
  if (bits < body.b) throw bad();
  return body.n;
}

export const photoReceipt = async (db: Executor, committeeId: string, id: string) => mac(await keyOf(db, committeeId), `photo:${id}`);

/** Stores one photo sent through the public page (unclaimed until a submission claims it with its receipt). */
export async function uploadPublicPhoto(db: Db, actor: Actor, p: Portal, file: { fileName: string; content: Buffer }) {
  const name = file.fileName.replace(/^.*[\\/]/, '').slice(0, 80) || 'photo';
  if (file.content.length === 0) throw new AppError(E['demand.photo_missing']);
  const c = classifyFile(file.fileName, file.content);
  if (!c.ok || !PHOTO_KINDS.has(c.kind.key)) throw new AppError(E['demand.photo_type'], { name });
  const fileName = `照片.${c.kind.extensions[0]}`;
  const meta = await transact(db, actor, async (uow) => {
    const m = await storeAttachment(uow.tx, { committeeId: p.committeeId, fileName, mime: c.kind.mime, content: file.content, uploadedBy: null });
    await uow.audit({ committeeId: p.committeeId, action: 'attachment.upload', entity: 'attachment', entityId: m.id, after: { fileName, mime: m.mime, size: m.size, via: 'public_demand_page' } });
    return m;
  });
  return { id: meta.id, receipt: await photoReceipt(db, p.committeeId, meta.id), size: meta.size, mime: meta.mime };
}

/** 网上提交: the public form. Answers the tracking code (the only thing the person keeps). */
export async function submitPublicDemand(db: Db, actor: Actor, p: Portal, raw: PublicDemandInput): Promise<{ trackingCode: string }> {
  const input = publicDemandInput.parse(raw);
  const nonce = await verifyChallenge(db, p, input.challenge, input.solution);
  for (const photo of input.photos ?? []) {
    if (!sameMac(photo.receipt, await photoReceipt(db, p.committeeId, photo.id))) throw new AppError(E['demand.photo_invalid']);
  }
  return transact(db, actor, async (uow) => {
    await requireKind(uow, p.committeeId, input.kind);
    const out = await insertDemandIn(uow, p.committeeId, {
      channel: 'online', kind: input.kind, matter: input.matter, details: input.details ?? '', placeId: null, placeText: input.placeText ?? '',
      personName: input.personName ?? null, personPhone: input.personPhone ?? null, personIdNo: input.personIdNo ?? null,
      recordedBy: null, memberId: null, challengeNonce: nonce,
    });
    if (!out) throw new AppError(E['demand.challenge_used']);
    const ids = (input.photos ?? []).map((x) => x.id);
    if (ids.length) {
      try {
        await claimAttachments(uow.tx, { committeeId: p.committeeId, ids, ownerKind: DEMAND_FILES, ownerId: out.id, actorUserId: null });
      } catch (err) {
        if (err instanceof AppError) throw new AppError(E['demand.photo_invalid']);
        throw err;
      }
    }
    return { trackingCode: out.trackingCode };
  });
}
