import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { chinaDate } from '../../../platform/time.js';
import { careEndInput, careInput, careVisitInput, type CareInput, type CareVisitInput } from '../contracts.js';
import { NetworkErrors as E } from '../network.errors.js';
import { isNetworkOffice, memberIdsOf, type Caller } from '../network.policy.js';
import { endCareRow, findCare, findRegion, insertCare, insertCareVisit, type CareRow } from '../network.repository.js';
import { requireMembers } from './access.js';

/** The member a caller acts for: the office names any member; a member only themselves. */
function actingMember(caller: Caller, memberId: string | undefined): string {
  if (isNetworkOffice(caller) && memberId) return memberId;
  const mine = memberIdsOf(caller);
  if (!mine.length) throw new AppError(E['network.member_required']);
  if (memberId && !mine.includes(memberId)) throw new AppError(E['network.not_allowed'], { actionLabel: '为其他委员登记结对', actionLabelEn: 'record a pairing for another member' });
  return memberId ?? mine[0]!;
}

const mayAct = (caller: Caller, pair: CareRow) => isNetworkOffice(caller) || memberIdsOf(caller).includes(pair.memberId);

/** 结对关爱: pairs a member with a person in need. */
export async function createCarePair(db: Db, caller: Caller, raw: CareInput): Promise<string> {
  const input = careInput.parse(raw);
  const memberId = actingMember(caller, input.memberId);
  if (input.startedOn > chinaDate()) throw new AppError(E['network.date_future']);
  return transact(db, caller.actor, async (uow) => {
    await requireMembers(uow.tx, caller.committeeId, [memberId]);
    if (input.regionId && !(await findRegion(uow.tx, caller.committeeId, input.regionId))) throw new AppError(E['network.region_not_found']);
    const values = { memberId, personName: input.personName, situation: input.situation, regionId: input.regionId ?? null, startedOn: input.startedOn };
    const id = await insertCare(uow.tx, caller.committeeId, values);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_care.create', entity: 'network_care', entityId: id, after: values });
    return id;
  });
}

async function loadPair(db: Parameters<typeof findCare>[0], caller: Caller, id: string): Promise<CareRow> {
  const pair = await findCare(db, caller.committeeId, id, true);
  if (!pair) throw new AppError(E['network.care_not_found']);
  if (!mayAct(caller, pair)) throw new AppError(E['network.not_allowed'], { actionLabel: '登记其他委员的结对关爱', actionLabelEn: "act on another member's pairing" });
  return pair;
}

/** A care visit: what was done, policies applied for the person, difficulties solved. */
export async function recordCareVisit(db: Db, caller: Caller, pairId: string, raw: CareVisitInput): Promise<string> {
  const input = careVisitInput.parse(raw);
  if (input.visitedOn > chinaDate()) throw new AppError(E['network.date_future']);
  return transact(db, caller.actor, async (uow) => {
    await loadPair(uow.tx, caller, pairId);
    const id = await insertCareVisit(uow.tx, caller.committeeId, pairId, input);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_care.visit', entity: 'network_care', entityId: pairId, after: { visitId: id, ...input } });
    return id;
  });
}

/** Ends a pairing (the person no longer needs it, or moved away). */
export async function endCarePair(db: Db, caller: Caller, pairId: string, raw: { endedOn: string }): Promise<void> {
  const { endedOn } = careEndInput.parse(raw);
  await transact(db, caller.actor, async (uow) => {
    const pair = await loadPair(uow.tx, caller, pairId);
    await endCareRow(uow.tx, caller.committeeId, pairId, endedOn);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_care.end', entity: 'network_care', entityId: pairId, before: { endedOn: pair.endedOn }, after: { endedOn } });
  });
}
