import type { Caller } from '../../../platform/http/route-kit.js';
import { AppError } from '../../../platform/errors.js';
import { DemandErrors as E } from '../demands.errors.js';
import { isOffice, memberIdsOf, seesAll, unitIdsOf } from '../demands.policy.js';
import type { DemandRow, Visibility } from '../demands.repository.js';
import type { DemandActor } from '../domain/demand-workflow.js';

/** Which rows a caller may see at all (staff and leaders: all of the committee; others: their own). */
export const visibilityOf = (c: Caller): Visibility => ({
  all: seesAll(c), userId: c.actor.userId, memberIds: memberIdsOf(c), unitIds: unitIdsOf(c),
});

export function canSee(c: Caller, d: Pick<DemandRow, 'recordedBy' | 'memberId' | 'unitId'>): boolean {
  const v = visibilityOf(c);
  return v.all || (!!v.userId && d.recordedBy === v.userId) || (!!d.memberId && v.memberIds.includes(d.memberId))
    || (!!d.unitId && v.unitIds.includes(d.unitId));
}

/** The caller's relations to one demand, as the transition table names them. */
export function actorsOf(c: Caller, d: Pick<DemandRow, 'memberId' | 'unitId'>): Set<DemandActor> {
  const s = new Set<DemandActor>();
  if (isOffice(c)) s.add('office');
  if (d.unitId && unitIdsOf(c).includes(d.unitId)) s.add('unit');
  if (d.memberId && memberIdsOf(c).includes(d.memberId)) s.add('member');
  return s;
}

/**
 * Handling the demand, and so seeing the person's name, phone and ID unmasked: the triage office,
 * the unit it is referred to, the member who took it up or recorded it, and whoever recorded it.
 */
export function handles(c: Caller, d: Pick<DemandRow, 'recordedBy' | 'memberId' | 'unitId'>): boolean {
  return actorsOf(c, d).size > 0 || (!!c.actor.userId && d.recordedBy === c.actor.userId);
}

/** Commands are called by seeds and tests too, so each checks the role the route checked. */
export function requireOffice(c: Caller, actionLabel: string, actionLabelEn: string): void {
  if (!isOffice(c)) throw new AppError(E['demand.not_allowed'], { actionLabel, actionLabelEn });
}
