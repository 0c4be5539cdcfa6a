import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { chinaDate } from '../../../platform/time.js';
import { reasonInput, receptionInput, ruleInput, visitInput, type ReceptionInput, type RuleInput, type VisitInput } from '../contracts.js';
import { DUTY_RECORDED, DUTY_REVOKED, NETWORK_EVENTS, receptionSourceRef } from '../events.js';
import { NetworkErrors as E } from '../network.errors.js';
import { isNetworkOffice, memberIdsOf, type Caller } from '../network.policy.js';
import {
  endRule, findReception, findRule, insertReception, insertRule, insertVisits, isPlacedAt, rulesOfPlace, voidReceptionRow,
} from '../network.repository.js';
import { loadPlace, requireMembers, requireOffice } from './access.js';

/** 接待日安排: a recurring rule at a place with the members on duty (office). */
export async function addReceptionRule(db: Db, caller: Caller, placeId: string, raw: RuleInput): Promise<string> {
  const input = ruleInput.parse(raw);
  requireOffice(caller, '安排委员接待日', 'schedule reception days');
  if (input.kind === 'weekly' && input.days.some((d) => d > 7)) throw new AppError(E['network.day_invalid']);
  if (input.endsOn && input.endsOn < input.startsOn) throw new AppError(E['network.day_invalid']);
  return transact(db, caller.actor, async (uow) => {
    const place = await loadPlace(uow.tx, caller.committeeId, placeId, true);
    if (place.status === 'closed') throw new AppError(E['network.place_closed']);
    await requireMembers(uow.tx, caller.committeeId, input.memberIds);
    const values = {
      placeId, kind: input.kind, days: [...new Set(input.days)].sort((a, b) => a - b), memberIds: [...new Set(input.memberIds)],
      startsOn: input.startsOn, endsOn: input.endsOn ?? null, note: input.note ?? '',
    };
    const id = await insertRule(uow.tx, caller.committeeId, values);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_rule.create', entity: 'network_place', entityId: placeId, after: { ruleId: id, ...values } });
    return id;
  });
}

/** Ends a rota rule from a date on (the days before it stay in the schedule's history). */
export async function endReceptionRule(db: Db, caller: Caller, ruleId: string, endsOn: string): Promise<void> {
  requireOffice(caller, '调整委员接待日', 'change reception days');
  await transact(db, caller.actor, async (uow) => {
    const rule = await findRule(uow.tx, caller.committeeId, ruleId);
    if (!rule) throw new AppError(E['network.rule_not_found']);
    const to = endsOn < rule.startsOn ? rule.startsOn : endsOn;
    await endRule(uow.tx, caller.committeeId, ruleId, to);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_rule.end', entity: 'network_place', entityId: rule.placeId, before: { ruleId, endsOn: rule.endsOn }, after: { ruleId, endsOn: to } });
  });
}

/**
 * 接待: records a reception held at a place with its visit log, and credits each receiving member
 * with a duty record (`duty.recorded`, kind liaison) in the same transaction. The office records
 * any; a member records their own, at a place they are placed at or on its rota.
 */
export async function recordReception(db: Db, caller: Caller, placeId: string, raw: ReceptionInput): Promise<string> {
  const input = receptionInput.parse(raw);
  if (input.heldOn > chinaDate()) throw new AppError(E['network.date_future']);
  const office = isNetworkOffice(caller);
  const mine = memberIdsOf(caller);
  if (!office && !mine.length) throw new AppError(E['network.member_required']);
  const memberIds = [...new Set(input.memberIds ?? (office ? [] : [mine[0]!]))];
  if (!memberIds.length) throw new AppError(E['network.member_unknown']);
  return transact(db, caller.actor, async (uow) => {
    const place = await loadPlace(uow.tx, caller.committeeId, placeId);
    if (place.status === 'closed') throw new AppError(E['network.place_closed']);
    await requireMembers(uow.tx, caller.committeeId, memberIds);
    if (!office) {
      const self = memberIds.find((m) => mine.includes(m));
      const onRota = self && (await rulesOfPlace(uow.tx, caller.committeeId, placeId)).some((r) => r.memberIds.includes(self));
      if (!self || !(onRota || (await isPlacedAt(uow.tx, caller.committeeId, placeId, [self])))) throw new AppError(E['network.not_on_duty']);
    }
    const visits = input.visits ?? [];
    const id = await insertReception(uow.tx, caller.committeeId, { placeId, heldOn: input.heldOn, memberIds, note: input.note ?? '', recordedBy: caller.actor.userId });
    await insertVisits(uow.tx, caller.committeeId, id, visits);
    const after = { placeId, heldOn: input.heldOn, memberIds, note: input.note ?? '', visits: visits.length };
    await uow.audit({ committeeId: caller.committeeId, action: 'network_reception.record', entity: 'network_reception', entityId: id, after });
    await uow.emit({ type: NETWORK_EVENTS.receptionHeld, committeeId: caller.committeeId, entityId: id, payload: { receptionId: id, ...after } });
    await uow.emit({
      type: DUTY_RECORDED, committeeId: caller.committeeId, entityId: id,
      payload: {
        kind: 'liaison', sourceRef: receptionSourceRef(id), title: `${place.name}委员接待日`, occurredOn: input.heldOn,
        members: memberIds.map((memberId) => ({ memberId, role: 'participant' })), metrics: { peopleReceived: visits.length },
      },
    });
    return id;
  });
}

/** Adds one visit to a reception's log (the office, or a member who held it). */
export async function addVisit(db: Db, caller: Caller, receptionId: string, raw: VisitInput): Promise<string> {
  const input = visitInput.parse(raw);
  return transact(db, caller.actor, async (uow) => {
    const r = await findReception(uow.tx, caller.committeeId, receptionId, true);
    if (!r) throw new AppError(E['network.reception_not_found']);
    if (!isNetworkOffice(caller) && !r.memberIds.some((m) => memberIdsOf(caller).includes(m))) throw new AppError(E['network.not_on_duty']);
    if (r.status === 'void') throw new AppError(E['network.reception_void']);
    const [id] = await insertVisits(uow.tx, caller.committeeId, receptionId, [input]);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_reception.visit', entity: 'network_reception', entityId: receptionId, after: { visitId: id, ...input } });
    return id!;
  });
}

/** 作废: a reception recorded in error no longer counts; its duty records are revoked (`duty.revoked`). */
export async function voidReception(db: Db, caller: Caller, receptionId: string, raw: { reason: string }): Promise<void> {
  const { reason } = reasonInput.parse(raw);
  requireOffice(caller, '作废接待记录', 'void a reception');
  await transact(db, caller.actor, async (uow) => {
    const r = await findReception(uow.tx, caller.committeeId, receptionId, true);
    if (!r) throw new AppError(E['network.reception_not_found']);
    if (r.status === 'void') throw new AppError(E['network.reception_void']);
    await voidReceptionRow(uow.tx, caller.committeeId, receptionId, reason);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_reception.void', entity: 'network_reception', entityId: receptionId, before: { status: 'held' }, after: { status: 'void', reason } });
    await uow.emit({ type: NETWORK_EVENTS.receptionVoided, committeeId: caller.committeeId, entityId: receptionId, payload: { receptionId, reason } });
    await uow.emit({ type: DUTY_REVOKED, committeeId: caller.committeeId, entityId: receptionId, payload: { sourceRef: receptionSourceRef(receptionId) } });
  });
}
