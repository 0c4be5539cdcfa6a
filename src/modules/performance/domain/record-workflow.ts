/**
 * The life of a self-reported duty record, as one table. Automatic records are born verified
 * and become void when their source is revoked (a withdrawn proposal, a corrected attendance).
 *
 *   submitted ──verify──▶ verified ──void──▶ void
 *       │ └──reject──▶ rejected
 *       └──withdraw──▶ withdrawn
 *
 * Only verified records count. A verifier never decides on a record that names themselves.
 */
export const RECORD_STATUSES = {
  submitted: '待核实',
  verified: '已核实',
  rejected: '未通过',
  withdrawn: '已撤回',
  void: '已作废',
} as const;
export type RecordStatus = keyof typeof RECORD_STATUSES;

export type RecordActor = 'owner' | 'verifier';

export interface RecordTransition {
  from: readonly RecordStatus[];
  to: RecordStatus;
  by: RecordActor;
  label: string;
}

export const RECORD_TRANSITIONS = {
  verify: { from: ['submitted'], to: 'verified', by: 'verifier', label: '核实' },
  reject: { from: ['submitted'], to: 'rejected', by: 'verifier', label: '退回' },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: 'owner', label: '撤回' },
  void: { from: ['verified'], to: 'void', by: 'verifier', label: '作废' },
} as const satisfies Record<string, RecordTransition>;
export type RecordAction = keyof typeof RECORD_TRANSITIONS;
export const RECORD_ACTIONS = Object.keys(RECORD_TRANSITIONS) as RecordAction[];

export type RecordPlan = { ok: true; to: RecordStatus } | { ok: false; reason: 'not_allowed' | 'invalid_transition' };

/** Whether `actors` may take `action` on a record in `status`, and where it ends. */
export function planRecordTransition(status: RecordStatus, action: RecordAction, actors: ReadonlySet<RecordActor>): RecordPlan {
  const t: RecordTransition = RECORD_TRANSITIONS[action];
  if (!actors.has(t.by)) return { ok: false, reason: 'not_allowed' };
  if (!t.from.includes(status)) return { ok: false, reason: 'invalid_transition' };
  return { ok: true, to: t.to };
}
