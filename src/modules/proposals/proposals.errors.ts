import { defineErrors } from '../../platform/errors.js';

export const ProposalErrors = defineErrors({
  'proposal.not_found': { kind: 'not_found', zh: '未找到该提案，或您无权查看', en: 'Proposal not found' },
  'proposal.invalid_transition': {
    kind: 'conflict',
    zh: (p) => `提案当前状态为“${p.stateLabel}”，不能${p.actionLabel}`,
    en: (p) => `The proposal is ${p.state}; "${p.action}" is not possible now`,
  },
  'proposal.not_allowed': {
    kind: 'forbidden',
    zh: (p) => `您不能对该提案执行“${p.actionLabel}”`,
    en: (p) => `You may not "${p.action}" this proposal`,
  },
  'proposal.needs_member': { kind: 'forbidden', zh: '只有委员本人可以提出提案', en: 'Only a member can propose' },
  'proposal.format_errors': {
    kind: 'invalid',
    zh: (p) => `提案格式不符合要求：${p.summary}`,
    en: (p) => `The proposal does not meet the format rules: ${p.summary}`,
  },
  'proposal.category_unknown': { kind: 'invalid', zh: (p) => `提案类别“${p.category}”不在本会的类别设置中`, en: 'Unknown category' },
  'proposal.session_unknown': { kind: 'invalid', zh: '所选会议不属于本政协', en: 'The session does not belong to this committee' },
  'proposal.submitter_required': { kind: 'invalid', zh: '党派团体、界别和专委会提案须填写提案单位名称', en: 'A group proposal needs the submitting body' },
  'proposal.cosigner_unknown': { kind: 'invalid', zh: '联名委员须为本会在任委员，且不能是第一提案人本人', en: 'Co-signers must be active members of this committee, other than the first signer' },
  'proposal.individual_has_cosigners': { kind: 'invalid', zh: '个人提案不能邀请联名委员；请将类型改为“委员联名”', en: 'An individual proposal has no co-signers; choose the joint kind' },
  'proposal.joint_needs_cosigner': { kind: 'invalid', zh: '联名提案须至少有一位委员确认联名后才能提交', en: 'A joint proposal needs at least one confirmed co-signer' },
  'proposal.pre_review_required': { kind: 'conflict', zh: '本会实行预审、复审两级审查，请先预审', en: 'This committee reviews in two passes: pre-review first' },
  'proposal.reject_reason_unknown': { kind: 'invalid', zh: '不予立案须选择本会设置中的理由', en: 'Choose a configured reason for not filing' },
  'proposal.merge_target_invalid': {
    kind: 'conflict',
    zh: '并案须并入本会一件已立案、尚未答复的提案（不能并入自身或已并案的提案）',
    en: 'Merge into a filed, unanswered proposal of this committee (not itself, not a merged one)',
  },
  'proposal.lead_unit_required': { kind: 'invalid', zh: '交办须指定一个主办单位', en: 'An assignment needs one lead unit' },
  'proposal.split_needs_units': { kind: 'invalid', zh: '分办须指定至少两个承办单位', en: 'A split assignment needs at least two units' },
  'proposal.unit_unknown': { kind: 'invalid', zh: '承办单位须为本会在用的承办单位，且不能重复', en: 'Units must be active units of this committee, each once' },
  'proposal.objection_window_closed': {
    kind: 'conflict',
    zh: (p) => `异议期已于 ${p.until} 截止；如确需调整，请联系提案委员会办公室`,
    en: (p) => `The objection window closed on ${p.until}`,
  },
  'proposal.deadline_invalid': {
    kind: 'invalid',
    zh: (p) => `延期后的答复期限须晚于原期限，且不晚于 ${p.max}`,
    en: (p) => `The new deadline must be later than the current one and no later than ${p.max}`,
  },
  'proposal.reply_incomplete': {
    kind: 'invalid',
    zh: (p) => `答复尚不完整，请填写：${p.missing}`,
    en: (p) => `The reply is incomplete: ${p.missing}`,
  },
  'proposal.reply_class_unknown': { kind: 'invalid', zh: '答复类别不在本会的设置中', en: 'Unknown reply class' },
  'proposal.already_countersigned': { kind: 'conflict', zh: '本单位已会签', en: 'Your unit has already countersigned' },
  'proposal.not_a_rater': { kind: 'invalid', zh: '只有该提案的提案人和联名人可以评价', en: 'Only the proposers and co-signers rate the reply' },
  'proposal.already_rated': { kind: 'conflict', zh: '已对本轮答复作出评价', en: 'This reply has already been rated' },
});
