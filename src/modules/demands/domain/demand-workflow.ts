import { defineWorkflow } from '../../../platform/workflow.js';
import { DemandErrors as E } from '../demands.errors.js';

/**
 * 群众诉求 triage. A demand is never silently dropped: every way out of `received` either answers
 * the person (当场解答, through a unit or a member), turns it into a proposal or a 社情民意 item, or
 * declines it as not CPPCC business with the reason and where to go instead (e.g. 信访). The person
 * reads the outcome on the tracking page and may rate it, which closes the demand.
 */
export const DEMAND_STATES = {
  received: '已受理',
  referred: '已转办',
  member_handling: '委员领办中',
  answered: '已答复',
  converted: '已转为提案/社情民意',
  declined: '不属于政协职能（已告知去向）',
  closed: '已办结',
} as const;
export type DemandState = keyof typeof DEMAND_STATES;

export const demandWorkflow = defineWorkflow({
  name: 'demand',
  title: "People's demands (群众诉求)",
  initial: 'received',
  states: DEMAND_STATES,
  statesEn: {
    received: 'received', referred: 'referred to a unit', member_handling: 'taken up by a member', answered: 'answered',
    converted: 'converted into a proposal or 社情民意 item', declined: 'declined (told where to go)', closed: 'closed',
  },
  actors: {
    office: 'staff of the general office or member affairs (the triage office)',
    unit: 'a clerk of the unit the demand is referred to',
    member: 'the member who took the demand up',
    person: 'the person who raised it, by the tracking code',
  },
  transitions: {
    answer_on_spot: { from: ['received'], to: 'answered', by: ['office'], label: '当场解答', labelEn: 'answer on the spot' },
    refer: { from: ['received'], to: 'referred', by: ['office'], label: '转办', labelEn: 'refer to a unit' },
    assign_member: { from: ['received'], to: 'member_handling', by: ['office'], label: '委员领办', labelEn: 'hand to a member' },
    convert: { from: ['received', 'member_handling'], to: 'converted', by: ['office', 'member'], label: '转为提案或社情民意', labelEn: 'convert into a proposal or 社情民意' },
    decline: { from: ['received'], to: 'declined', by: ['office'], label: '不属于政协职能', labelEn: 'decline as not CPPCC business' },
    return_referral: { from: ['referred'], to: 'received', by: ['unit', 'office'], label: '退回重新分办', labelEn: 'send back for triage' },
    unit_answer: { from: ['referred'], to: 'answered', by: ['unit'], label: '单位答复', labelEn: 'answer as the unit' },
    member_answer: { from: ['member_handling'], to: 'answered', by: ['member'], label: '委员答复', labelEn: 'answer as the member' },
    rate: { from: ['answered', 'declined'], to: 'closed', by: ['person'], label: '评价', labelEn: 'rate' },
    close: { from: ['answered', 'declined', 'converted'], to: 'closed', by: ['office'], label: '办结', labelEn: 'close' },
  },
  errors: { notAllowed: E['demand.not_allowed'], invalidTransition: E['demand.invalid_transition'] },
});
export type DemandAction = (typeof demandWorkflow.actionList)[number];
export type DemandActor = keyof typeof demandWorkflow.actors;
