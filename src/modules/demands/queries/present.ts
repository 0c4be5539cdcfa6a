import type { Lang } from '../../../platform/errors.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { CHANNEL_LABELS, type Channel } from '../contracts.js';
import type { DemandRow } from '../demands.repository.js';
import { demandWorkflow } from '../domain/demand-workflow.js';
import { maskPerson } from '../domain/personal-data.js';
import { actorsOf, handles } from '../commands/access.js';

/**
 * A demand as a staff page shows it. The person's data is always masked here, for handlers too:
 * the unmasked values come only from the audited reveal (commands/reveal-person.ts), so every read
 * of them leaves an audit row. `mayReveal` tells the page whether to offer that button.
 */
export function presentDemand(caller: Caller, d: DemandRow, lang: Lang) {
  const person = maskPerson({ name: d.personName, phone: d.personPhone, idNo: d.personIdNo });
  return {
    id: d.id, trackingCode: d.trackingCode, channel: d.channel, channelLabel: CHANNEL_LABELS[d.channel as Channel]?.[lang] ?? d.channel,
    kind: d.kind, matter: d.matter, details: d.details, placeId: d.placeId, placeText: d.placeText,
    person, personErased: !!d.piiErasedAt, mayReveal: handles(caller, d) && !d.piiErasedAt && !!(d.personName || d.personPhone || d.personIdNo),
    state: d.state, stateLabel: demandWorkflow.stateLabel(d.state, lang),
    memberId: d.memberId, memberName: d.memberName, unitId: d.unitId, unitName: d.unitName, deadline: d.deadline, referredAt: d.referredAt,
    answer: d.answer, answeredAt: d.answeredAt, declineReason: d.declineReason, redirectTo: d.redirectTo,
    convertTarget: d.convertTarget, convertedRef: d.convertedRef, rating: d.rating, ratingComment: d.ratingComment, closedAt: d.closedAt,
    createdAt: d.createdAt, updatedAt: d.updatedAt,
    abilities: demandWorkflow.allowedActions(d.state, actorsOf(caller, d)),
  };
}
export type DemandView = ReturnType<typeof presentDemand>;
