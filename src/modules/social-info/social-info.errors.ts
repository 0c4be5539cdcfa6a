import { defineErrors } from '../../platform/errors.js';

export const InfoErrors = defineErrors({
  'social_info.not_found': { kind: 'not_found', zh: '未找到该社情民意信息，或您无权查看', en: 'Item not found' },
  'social_info.issue_not_found': { kind: 'not_found', zh: '未找到该期刊物，或您无权查看', en: 'Issue not found' },
  'social_info.periodical_not_found': { kind: 'not_found', zh: '未找到该刊物', en: 'Periodical not found' },
  'social_info.invalid_transition': {
    kind: 'conflict',
    zh: (p) => `信息当前状态为“${p.stateLabel}”，不能${p.actionLabel}`,
    en: (p) => `The item is ${p.state}; "${p.action}" is not possible now`,
  },
  'social_info.not_allowed': {
    kind: 'forbidden',
    zh: (p) => `您不能对该信息执行“${p.actionLabel}”`,
    en: (p) => `You may not "${p.action}" this item`,
  },
  'social_info.too_long': {
    kind: 'invalid',
    zh: (p) => `信息正文不超过 ${p.max} 字（现 ${p.count} 字），请一事一报、精简文字`,
    en: (p) => `The body may have at most ${p.max} characters (has ${p.count})`,
  },
  'social_info.author_required': { kind: 'invalid', zh: '委员或信息员报送须以委员身份登录，或注明作者委员', en: 'A member item needs a member author' },
  'social_info.source_name_required': { kind: 'invalid', zh: '党派团体、界别、专委会或委员工作站报送须填写报送单位名称', en: 'A group item needs the submitting body' },
  'social_info.member_unknown': { kind: 'invalid', zh: '作者须为本会在任委员', en: 'Authors must be active members of this committee' },
  'social_info.topic_unknown': { kind: 'invalid', zh: '所选选题不属于本会或已停用', en: 'Unknown topic' },
  'social_info.merge_target_invalid': { kind: 'conflict', zh: '只能合并到本会另一条尚未刊发、未合并的信息', en: 'Merge into another open item of this committee' },
  'social_info.issue_not_draft': { kind: 'conflict', zh: '该期已签发或已印发，不能再调整信息', en: 'The issue is no longer a draft' },
  'social_info.issue_status': {
    kind: 'conflict',
    zh: (p) => `该期当前状态为“${p.statusLabel}”，不能${p.actionLabel}`,
    en: (p) => `The issue is ${p.status}; cannot ${p.action}`,
  },
  'social_info.issue_empty': { kind: 'conflict', zh: '该期尚未编入信息', en: 'The issue has no items' },
  'social_info.destination_unknown': { kind: 'invalid', zh: (p) => `报送单位“${p.destination}”不在本会的设置中`, en: 'Unknown destination' },
  'social_info.not_forwarded': { kind: 'conflict', zh: '该信息尚未报送到这个单位', en: 'The item was not forwarded there' },
  'social_info.not_published': { kind: 'conflict', zh: '只有已刊发的信息可以报送', en: 'Only published items are forwarded' },
  'social_info.not_an_officer': { kind: 'invalid', zh: '您本年度未被聘为信息员，请选择以委员身份报送', en: 'You are not an information officer this year' },
  'social_info.officer_exists': { kind: 'conflict', zh: '该委员本年度已聘为信息员', en: 'Already appointed this year' },
  'social_info.periodical_exists': { kind: 'conflict', zh: '已有同名刊物', en: 'A periodical with this name exists' },
});
