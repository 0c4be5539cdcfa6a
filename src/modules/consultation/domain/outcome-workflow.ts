import { defineWorkflow } from '../../../platform/workflow.js';
import { ConsultationErrors as E } from '../consultation.errors.js';

/**
 * 协商成果 after a meeting (DOMAIN.md §5): 成果报送 → 批示 → 转办 → 书面反馈 → 采纳/落实 → 跟踪问效.
 * The office drafts and sends the document (to the party committee and/or the government),
 * records the leaders' 批示 (the state stays), refers it to handling units with a deadline, and
 * concludes it (办结) once followed up. Each referred unit's clerk writes its 书面反馈; when the
 * last referred unit has answered, the document is 已反馈.
 *
 * office: staff of the general office (政协办公室), or staff with no office.
 * referred_unit: a clerk of a handling unit the document was referred to, still to answer.
 */
export const OUTCOME_STATES = {
  draft: '起草',
  sent: '已报送',
  referred: '已转办',
  answered: '已反馈',
  concluded: '已办结',
} as const;
export type OutcomeState = keyof typeof OUTCOME_STATES;

export const OUTCOME_KINDS = { report: '协商专报', proposal: '建议案', reference: '参阅件' } as const;
export type OutcomeKind = keyof typeof OUTCOME_KINDS;
export const OUTCOME_KIND_KEYS = Object.keys(OUTCOME_KINDS) as [OutcomeKind, ...OutcomeKind[]];

export const RECIPIENTS = { party_committee: '党委', government: '政府' } as const;
export type Recipient = keyof typeof RECIPIENTS;

export const RESULTS = { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '未采纳', in_progress: '落实中', implemented: '已落实' } as const;
export type Result = keyof typeof RESULTS;
/** Results that count as adopted (采纳) in the figures. */
export const ADOPTED_RESULTS: readonly Result[] = ['adopted', 'partly_adopted', 'in_progress', 'implemented'];

export const outcomeWorkflow = defineWorkflow({
  name: 'consultation_outcome',
  title: 'Consultation outcome documents (协商成果)',
  initial: 'draft',
  states: OUTCOME_STATES,
  statesEn: { draft: 'draft', sent: 'sent', referred: 'referred to units', answered: 'answered by the units', concluded: 'concluded' },
  actors: {
    office: 'staff of the general office (政协办公室), or staff with no office',
    referred_unit: 'a clerk of a handling unit the document was referred to, still to answer',
  },
  transitions: {
    send: { from: ['draft'], to: 'sent', by: ['office'], label: '报送', labelEn: 'send' },
    instruct: { from: ['sent', 'referred', 'answered'], to: 'same', by: ['office'], label: '登记批示', labelEn: 'record an instruction' },
    refer: { from: ['sent', 'referred', 'answered'], to: 'referred', by: ['office'], label: '转办', labelEn: 'refer to units' },
    feedback: { from: ['referred'], to: ['referred', 'answered'], by: ['referred_unit'], label: '书面反馈', labelEn: 'give written feedback' },
    conclude: { from: ['sent', 'referred', 'answered'], to: 'concluded', by: ['office'], label: '办结', labelEn: 'conclude' },
  },
  errors: { notAllowed: E['consultation.not_allowed'], invalidTransition: E['consultation.invalid_transition'] },
  drawSelfMoves: 'note',
});
export type OutcomeAction = (typeof outcomeWorkflow.actionList)[number];
