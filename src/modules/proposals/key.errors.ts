import { defineErrors } from '../../platform/errors.js';

/** Errors of key proposals (重点提案), supervision (督办) and batch assignment. */
export const KeyErrors = defineErrors({
  'proposal.key_invalid_transition': {
    kind: 'conflict',
    zh: (p) => `该提案的重点提案状态为“${p.statusLabel}”，不能${p.actionLabel}`,
    en: (p) => `The proposal's key status is ${p.status}; "${p.action}" is not possible now`,
  },
  'proposal.key_not_allowed': {
    kind: 'forbidden',
    zh: (p) => `您不能对该提案执行“${p.actionLabel}”`,
    en: (p) => `You may not "${p.action}" this proposal`,
  },
  'proposal.key_not_shortlistable': {
    kind: 'conflict',
    zh: (p) => `只有已立案、尚未办结的提案可以列为重点提案候选（当前状态：${p.stateLabel}）`,
    en: (p) => `Only a filed proposal that is not closed can be shortlisted (it is ${p.state})`,
  },
  'proposal.key_leader_unknown': {
    kind: 'invalid',
    zh: '领衔督办领导须为本会具有“领导”角色的在用账号',
    en: 'The supervising leader must be an active user with the leader role in this committee',
  },
  'proposal.key_channel_unknown': {
    kind: 'invalid',
    zh: (p) => `督办方式“${p.channel}”不在本会设置的督办方式中`,
    en: (p) => `Unknown supervision channel "${p.channel}"`,
  },
  'proposal.key_event_kind_unknown': {
    kind: 'invalid',
    zh: (p) => `督办活动类型“${p.kind}”不在本会设置中`,
    en: (p) => `Unknown supervision event kind "${p.kind}"`,
  },
  'proposal.batch_suggestion_missing': {
    kind: 'invalid',
    zh: '没有可用的建议承办单位，请手动指定主办单位',
    en: 'No suggested unit is available; choose the lead unit yourself',
  },
});
