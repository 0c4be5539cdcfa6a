import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { DemandErrors as E } from '../demands.errors.js';
import { findByTrackingCode } from '../demands.repository.js';
import { demandWorkflow } from '../domain/demand-workflow.js';

/**
 * What the tracking code shows: the state, the dates, the answer (or the reason and where to go),
 * the rating. Never the person's data, the matter as written (it may name people), the member or
 * the place: whoever holds the code learns only how the demand went.
 */
export async function trackDemand(db: Executor, code: string, lang: Lang) {
  const d = await findByTrackingCode(db, code);
  if (!d) throw new AppError(E['demand.tracking_not_found']);
  return {
    trackingCode: d.trackingCode, committeeName: d.committeeName, kind: d.kind,
    state: d.state, stateLabel: demandWorkflow.stateLabel(d.state, lang),
    submittedAt: d.createdAt, referredAt: d.referredAt, referredTo: d.referredAt ? d.unitName : null, deadline: d.deadline,
    answeredAt: d.answeredAt, answer: d.answer, declineReason: d.declineReason, redirectTo: d.redirectTo,
    convertedTo: d.convertTarget, closedAt: d.closedAt, rating: d.rating,
    mayRate: d.rating === null && (d.state === 'answered' || d.state === 'declined'),
  };
}
export type TrackingView = Awaited<ReturnType<typeof trackDemand>>;
