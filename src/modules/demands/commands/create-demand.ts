import crypto from 'node:crypto';
import { claimAttachments } from '../../../platform/attachments.js';
import type { Db } from '../../../platform/db/database.js';
import { transact, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { placeInCommittee } from '../../network/index.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { distinct, tokenize } from '../../../platform/text/index.js';
import { intakeInput, type IntakeInput } from '../contracts.js';
import { DemandErrors as E } from '../demands.errors.js';
import { isOffice, memberIdsOf } from '../demands.policy.js';
import { insertDemand, memberExists, readSettings, type NewDemand } from '../demands.repository.js';
import { maskPerson, TRACKING_ALPHABET, TRACKING_LENGTH } from '../domain/personal-data.js';
import { parseDemandSettings } from '../domain/settings.js';
import { DEMAND_EVENTS } from '../events.js';
import { requireOffice } from './access.js';

export const DEMAND_FILES = 'demand';

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_LENGTH; i++) s += TRACKING_ALPHABET[crypto.randomInt(TRACKING_ALPHABET.length)];
  return s;
}

export const demandTokens = (matter: string, details: string) => distinct(tokenize(`${matter}\n${details}`));

export async function requireKind(uow: UnitOfWork, committeeId: string, kind: string): Promise<void> {
  const { kinds } = parseDemandSettings(await readSettings(uow.tx, committeeId));
  if (!kinds.includes(kind)) throw new AppError(E['demand.kind_unknown'], { kind });
}

/**
 * Inserts a demand with its audit and event rows in the caller's unit of work. The audit row and
 * the event carry no personal data (only whether each field was given, masked): the audit log is
 * append-only, so what it holds outlives the retention period.
 */
export async function insertDemandIn(uow: UnitOfWork, committeeId: string, v: Omit<NewDemand, 'trackingCode' | 'tokens'>): Promise<{ id: string; trackingCode: string } | null> {
  const trackingCode = newTrackingCode();
  const id = await insertDemand(uow.tx, committeeId, { ...v, trackingCode, tokens: demandTokens(v.matter, v.details) });
  if (!id) return null;
  const person = maskPerson({ name: v.personName, phone: v.personPhone, idNo: v.personIdNo });
  await uow.audit({
    committeeId, action: 'demand.submit', entity: 'demand', entityId: id,
    after: { state: 'received', channel: v.channel, kind: v.kind, matter: v.matter, placeId: v.placeId, placeText: v.placeText, memberId: v.memberId, person },
  });
  await uow.emit({ type: DEMAND_EVENTS.submit, committeeId, entityId: id, payload: { demandId: id, channel: v.channel, kind: v.kind, memberId: v.memberId, placeId: v.placeId } });
  return { id, trackingCode };
}

/**
 * Staff record a demand raised at a reception or by phone; a member one raised to them at a
 * reception or in the field (the member is then its handler). Photos are files the caller uploaded.
 */
export async function recordDemand(db: Db, caller: Caller, raw: IntakeInput): Promise<{ id: string; trackingCode: string }> {
  const input = intakeInput.parse(raw);
  const memberId = isOffice(caller) ? null : memberIdsOf(caller)[0] ?? null;
  if (!memberId) requireOffice(caller, '登记群众诉求', 'record a demand');
  return transact(db, caller.actor, async (uow) => {
    await requireKind(uow, caller.committeeId, input.kind);
    if (memberId && !(await memberExists(uow.tx, caller.committeeId, memberId))) throw new AppError(E['demand.member_unknown']);
    // Another committee's place is refused like an unknown one (its existence is not told).
    if (input.placeId && !(await placeInCommittee(uow.tx, caller.committeeId, input.placeId))) throw new AppError(E['demand.place_unknown']);
    const out = await insertDemandIn(uow, caller.committeeId, {
      channel: input.channel, kind: input.kind, matter: input.matter, details: input.details ?? '', placeId: input.placeId ?? null,
      placeText: input.placeText ?? '', personName: input.personName ?? null, personPhone: input.personPhone ?? null, personIdNo: input.personIdNo ?? null,
      recordedBy: caller.actor.userId, memberId, challengeNonce: null,
    });
    if (!out) throw new Error('a demand without a challenge cannot conflict');
    if (input.attachmentIds?.length) {
      await claimAttachments(uow.tx, { committeeId: caller.committeeId, ids: input.attachmentIds, ownerKind: DEMAND_FILES, ownerId: out.id, actorUserId: caller.actor.userId });
    }
    return out;
  });
}
