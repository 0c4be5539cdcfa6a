import type { DemandAction } from './domain/demand-workflow.js';

/**
 * Events of the demands module (domain_events rows in the move's transaction). Every move emits one
 * with { action, from, to, … }. `demands.conversion_requested` is the request another module turns
 * into a draft (a proposal or a 社情民意 item) for the member, idempotently by its sourceRef
 * (`demands:demand:<id>`); that module answers with DEMAND_LINK_EVENTS, which carry the sourceRef
 * and the new record's id, and the demand records the link (subscriber demands.conversion_links).
 */
export const DEMAND_EVENTS: Record<DemandAction | 'submit', string> = {
  submit: 'demands.received',
  answer_on_spot: 'demands.answered_on_spot',
  refer: 'demands.referred',
  assign_member: 'demands.member_assigned',
  convert: 'demands.conversion_requested',
  decline: 'demands.declined',
  return_referral: 'demands.referral_returned',
  unit_answer: 'demands.answered_by_unit',
  member_answer: 'demands.answered_by_member',
  rate: 'demands.rated',
  close: 'demands.closed',
};

/** What the target modules emit once the draft exists: payload { sourceRef, id }. */
export const DEMAND_LINK_EVENTS = ['proposals.drafted_from_source', 'social_info.drafted_from_source'] as const;

export const sourceRefOf = (demandId: string) => `demands:demand:${demandId}`;
export const demandIdOfSourceRef = (ref: string): string | null => {
  const m = /^demands:demand:([0-9a-f-]{36})$/.exec(ref);
  return m ? m[1] : null;
};

export interface ConversionRequest {
  demandId: string; target: 'proposal' | 'social_info'; sourceRef: string; memberId: string | null;
  title: string; content: string; kind: string; note: string | null;
}
