import { addWorkingDays, calendarOf } from '../../../platform/calendar.js';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { chinaDate } from '../../../platform/time.js';
import {
  answerInput, assignMemberInput, convertInput, declineInput, noteInput, ratingInput, reasonInput, referInput,
} from '../contracts.js';
import { DemandErrors as E } from '../demands.errors.js';
import { activeUnit, calendarSettings, findByTrackingCode, findDemand, memberExists, patchDemand, readSettings, type DemandPatch, type DemandRow } from '../demands.repository.js';
import { demandWorkflow, type DemandAction, type DemandActor, type DemandState } from '../domain/demand-workflow.js';
import { parseDemandSettings } from '../domain/settings.js';
import { DEMAND_EVENTS, sourceRefOf, type ConversionRequest } from '../events.js';
import { actorsOf, canSee } from './access.js';

type Work = (d: DemandRow) => Promise<{ patch: DemandPatch; after?: Record<string, unknown>; payload?: Record<string, unknown> }>;

/** One triage move: lock the demand in the caller's committee (404), the table's checks (403, 409), the action's work, state + audit + event. */
async function demandMove(uow: UnitOfWork, caller: Caller, id: string, action: DemandAction, work: Work) {
  let patch: DemandPatch = {};
  const { committeeId } = caller;
  return demandWorkflow.move(uow, {
    action, committeeId, entity: 'demand', entityId: id, event: DEMAND_EVENTS[action],
    load: async () => {
      const d = await findDemand(uow.tx, committeeId, id, true);
      // A demand the caller may not see is a 404, as for a read: a clerk of another unit learns nothing.
      if (!d || !canSee(caller, d)) throw new AppError(E['demand.not_found']);
      return { ...d, actors: actorsOf(caller, d) };
    },
    async work(d) {
      const out = await work(d);
      patch = out.patch;
      return { after: out.after, payload: out.payload };
    },
    writeState: (to) => patchDemand(uow.tx, committeeId, id, { ...patch, state: to as DemandState }),
  });
}

const run = (db: Db, caller: Caller, id: string, action: DemandAction, work: Work) =>
  transact(db, caller.actor, (uow) => demandMove(uow, caller, id, action, work));

/** 当场解答: answered at once (at the reception, on the phone); the person reads the answer by code. */
export async function answerOnSpot(db: Db, caller: Caller, id: string, raw: { answer: string }): Promise<void> {
  const { answer } = answerInput.parse(raw);
  await run(db, caller, id, 'answer_on_spot', async () => ({ patch: { answer, answeredAt: 'now' }, after: { answer } }));
}

/** 转办 to a handling unit, with a deadline in working days (the committee's calendar). */
export async function referDemand(db: Db, caller: Caller, id: string, raw: { unitId: string; workingDays?: number; note?: string }): Promise<void> {
  const input = referInput.parse(raw);
  await transact(db, caller.actor, async (uow) => {
    await demandMove(uow, caller, id, 'refer', async () => {
      if (!(await activeUnit(uow.tx, caller.committeeId, input.unitId))) throw new AppError(E['demand.unit_unknown']);
      const settings = parseDemandSettings(await readSettings(uow.tx, caller.committeeId));
      const cal = calendarOf(await calendarSettings(uow.tx, caller.committeeId));
      const deadline = addWorkingDays(chinaDate(), input.workingDays ?? settings.referralWorkingDays, cal);
      return {
        patch: { unitId: input.unitId, deadline, referredAt: 'now' },
        after: { unitId: input.unitId, deadline, note: input.note ?? null },
        payload: { unitId: input.unitId, deadline },
      };
    });
  });
}

/** 委员领办: a member takes the demand up (and then sees the person's contact, to call back). */
export async function assignMember(db: Db, caller: Caller, id: string, raw: { memberId: string; note?: string }): Promise<void> {
  const input = assignMemberInput.parse(raw);
  await transact(db, caller.actor, async (uow) => {
    await demandMove(uow, caller, id, 'assign_member', async () => {
      if (!(await memberExists(uow.tx, caller.committeeId, input.memberId))) throw new AppError(E['demand.member_unknown']);
      return { patch: { memberId: input.memberId }, after: { memberId: input.memberId, note: input.note ?? null }, payload: { memberId: input.memberId } };
    });
  });
}

/**
 * 转为提案 / 社情民意: asks the target module for a draft in the member's name (event
 * demands.conversion_requested, idempotent there by sourceRef); the link comes back by event.
 */
export async function convertDemand(db: Db, caller: Caller, id: string, raw: { target: 'proposal' | 'social_info'; note?: string }): Promise<void> {
  const input = convertInput.parse(raw);
  await run(db, caller, id, 'convert', async (d) => {
    const request: ConversionRequest = {
      demandId: id, target: input.target, sourceRef: sourceRefOf(id), memberId: d.memberId, title: d.matter, content: d.details, kind: d.kind, note: input.note ?? null,
    };
    return { patch: { convertTarget: input.target }, after: { target: input.target }, payload: { ...request } };
  });
}

/** 不属于政协职能: declined with the reason and where to go instead, which the person reads by code. */
export async function declineDemand(db: Db, caller: Caller, id: string, raw: { reason: string; redirectTo: string }): Promise<void> {
  const input = declineInput.parse(raw);
  await run(db, caller, id, 'decline', async () => ({ patch: { declineReason: input.reason, redirectTo: input.redirectTo }, after: input }));
}

/** A unit (or the office) sends a referral back for triage, with the reason; the unit lets go. */
export async function returnReferral(db: Db, caller: Caller, id: string, raw: { reason: string }): Promise<void> {
  const { reason } = reasonInput.parse(raw);
  await run(db, caller, id, 'return_referral', async (d) => ({
    patch: { unitId: null, deadline: null }, after: { reason, unitId: null }, payload: { unitId: d.unitId, reason },
  }));
}

export async function answerAsUnit(db: Db, caller: Caller, id: string, raw: { answer: string }): Promise<void> {
  const { answer } = answerInput.parse(raw);
  await run(db, caller, id, 'unit_answer', async (d) => ({ patch: { answer, answeredAt: 'now' }, after: { answer }, payload: { unitId: d.unitId } }));
}

export async function answerAsMember(db: Db, caller: Caller, id: string, raw: { answer: string }): Promise<void> {
  const { answer } = answerInput.parse(raw);
  await run(db, caller, id, 'member_answer', async (d) => ({ patch: { answer, answeredAt: 'now' }, after: { answer }, payload: { memberId: d.memberId } }));
}

export async function closeDemand(db: Db, caller: Caller, id: string, raw: { note?: string } = {}): Promise<void> {
  const { note } = noteInput.parse(raw);
  await run(db, caller, id, 'close', async () => ({ patch: { closedAt: 'now' }, after: { note: note ?? null } }));
}

/** The person's rating on the tracking page (the code is the person's proof), which closes the demand. */
export async function rateDemand(db: Db, actor: Actor, trackingCode: string, raw: { rating: number; comment?: string }): Promise<void> {
  const input = ratingInput.parse(raw);
  await transact(db, actor, async (uow) => {
    const found = await findByTrackingCode(uow.tx, trackingCode);
    if (!found) throw new AppError(E['demand.tracking_not_found']);
    if (found.rating !== null) throw new AppError(E['demand.already_rated']);
    const person = new Set<DemandActor>(['person']);
    await demandWorkflow.move(uow, {
      action: 'rate', committeeId: found.committeeId, entity: 'demand', entityId: found.id, event: DEMAND_EVENTS.rate,
      load: async () => ({ ...(await findDemand(uow.tx, found.committeeId, found.id, true))!, actors: person }),
      refuse: (reason) => (reason === 'invalid_transition' ? new AppError(E['demand.not_ratable']) : null),
      work: async () => ({ after: { rating: input.rating, comment: input.comment ?? null }, payload: { rating: input.rating } }),
      writeState: (to) => patchDemand(uow.tx, found.committeeId, found.id, {
        state: to as DemandState, rating: input.rating, ratingComment: input.comment ?? null, ratedAt: 'now', closedAt: 'now',
      }),
    });
  });
}
