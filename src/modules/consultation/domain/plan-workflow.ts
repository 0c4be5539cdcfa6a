import { defineWorkflow } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';

/**
 * The approval path of an annual consultation plan (年度协商计划), as the national implementing
 * opinions and city rules have it: the 政协办公室 drafts (草案), the 政协主席会议 reviews
 * (主席会议审议), the 党委常委会会议 decides (党委常委会确定, with the date and the document number),
 * and the plan is issued (印发). A change (调整) takes the same path as a new version: `adjust` on
 * the issued version starts a draft copy, and issuing that copy supersedes the issued one
 * (`supersede`, taken only by the successor's `issue` in the same transaction).
 *
 * Who acts, relative to one plan version:
 * - office: staff of the general office (政协办公室), or staff with no office;
 * - successor: the next version being issued (no person holds this).
 */
export const PLAN_STATES = {
  draft: '草案',
  chair_review: '主席会议审议',
  decided: '党委常委会确定',
  issued: '已印发',
  superseded: '已调整（被新版本取代）',
} as const;
export type PlanState = keyof typeof PLAN_STATES;
export type PlanActor = 'office' | 'successor';

export const planWorkflow = defineWorkflow({
  name: 'consultation_plan',
  title: 'Annual consultation plans (年度协商计划)',
  initial: 'draft',
  states: PLAN_STATES,
  statesEn: { draft: 'draft', chair_review: 'under review by the chair council', decided: 'decided by the party standing committee', issued: 'issued', superseded: 'superseded' },
  actors: {
    office: 'staff of the general office (政协办公室), or staff with no office',
    successor: 'the next version of the plan, when it is issued',
  },
  transitions: {
    submit_review: { from: ['draft'], to: 'chair_review', by: ['office'], label: '提交主席会议审议', labelEn: 'submit to the chair council' },
    decide: { from: ['chair_review'], to: 'decided', by: ['office'], label: '党委常委会确定', labelEn: 'record the party decision' },
    send_back: { from: ['chair_review', 'decided'], to: 'draft', by: ['office'], label: '退回修改', labelEn: 'send back for revision' },
    issue: { from: ['decided'], to: 'issued', by: ['office'], label: '印发', labelEn: 'issue' },
    adjust: { from: ['issued'], to: 'same', by: ['office'], label: '调整', labelEn: 'adjust' },
    supersede: { from: ['issued'], to: 'superseded', by: ['successor'], label: '被新版本取代', labelEn: 'supersede' },
  },
  errors: { notAllowed: E['consultation.not_allowed'], invalidTransition: E['consultation.invalid_transition'] },
  drawSelfMoves: 'note',
});
export type PlanAction = (typeof planWorkflow.actionList)[number];
/** Actions a person may ask for through the routes (supersede happens only inside issue). */
export const PLAN_ROUTE_ACTIONS = ['submit_review', 'decide', 'send_back', 'issue', 'adjust'] as const satisfies readonly PlanAction[];
