import { defineWorkflow, type TransitionDef } from '../../../platform/workflow.js';

/**
 * The life of a self-reported duty record, as one table. Automatic records are born verified
 * and become void when their source is revoked (a withdrawn proposal, a corrected attendance).
 *
 *   submitted ──verify──▶ verified ──void──▶ void
 *       │ ▲                  │
 *       │ └────unverify──────┘   (a self-reported record verified by mistake goes back to the queue)
 *       │ └──reject──▶ rejected
 *       └──withdraw──▶ withdrawn
 *
 * Only verified records count. A verifier never decides on a record that names themselves.
 * 撤销核实 (unverify) is for self-reported records only: an automatic record has no queue to go
 * back to, it is corrected by voiding it.
 */
export const RECORD_STATUSES = {
  submitted: '待核实',
  verified: '已核实',
  rejected: '未通过',
  withdrawn: '已撤回',
  void: '已作废',
} as const;
export type RecordStatus = keyof typeof RECORD_STATUSES;

export type RecordActor = 'owner' | 'verifier' | 'report_verifier';

export type RecordTransition = TransitionDef<RecordStatus, RecordActor>;

export const RECORD_TRANSITIONS = {
  verify: { from: ['submitted'], to: 'verified', by: ['verifier'], label: '核实' },
  reject: { from: ['submitted'], to: 'rejected', by: ['verifier'], label: '退回' },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: ['owner'], label: '撤回' },
  void: { from: ['verified'], to: 'void', by: ['verifier'], label: '作废' },
  unverify: { from: ['verified'], to: 'submitted', by: ['report_verifier'], label: '撤销核实', labelEn: 'undo verification' },
} as const satisfies Record<string, RecordTransition>;
export const recordWorkflow = defineWorkflow({
  name: 'duty_record',
  title: 'Duty records (履职记录)',
  initial: 'submitted',
  states: RECORD_STATUSES,
  actors: {
    owner: 'a member the record names, or who submitted it (self-reported records only)',
    verifier: 'staff who verify (member affairs), never on a record naming themselves',
    report_verifier: 'a verifier, on a self-reported record (automatic records are corrected by voiding)',
  },
  transitions: RECORD_TRANSITIONS,
  errors: { notAllowed: 'performance.record_not_allowed', invalidTransition: 'performance.invalid_record_transition' },
});

export type RecordAction = keyof typeof RECORD_TRANSITIONS;
export const RECORD_ACTIONS = recordWorkflow.actionList;
