import { defineErrors } from '../../platform/errors.js';

export const DemandErrors = defineErrors({
  'demand.not_found': { kind: 'not_found', zh: '诉求不存在', en: 'No such demand' },
  'demand.portal_not_found': { kind: 'not_found', zh: '没有这个政协的诉求页面', en: 'No demand page for this committee' },
  'demand.tracking_not_found': { kind: 'not_found', zh: '查询码不正确，或该诉求不存在', en: 'Unknown tracking code' },
  'demand.not_allowed': {
    kind: 'forbidden', zh: (p) => `您不能${p.actionLabel}`, en: (p) => `You may not ${p.actionLabelEn} here`,
  },
  'demand.invalid_transition': {
    kind: 'conflict',
    zh: (p) => `诉求当前状态为“${p.stateLabel}”，不能${p.actionLabel}`,
    en: (p) => `The demand is ${p.stateLabelEn} now, so "${p.actionLabelEn}" is not possible`,
  },
  'demand.kind_unknown': {
    kind: 'invalid', zh: (p) => `“${p.kind}”不是本会设置的诉求类别`, en: (p) => `"${p.kind}" is not one of the committee's demand kinds`,
  },
  'demand.unit_unknown': { kind: 'invalid', zh: '承办单位不存在或已停用', en: 'No such active handling unit' },
  'demand.place_unknown': { kind: 'invalid', zh: '所选的委员工作站（室）不存在或不属于本会', en: 'No such place (station, studio or room) in this committee' },
  'demand.member_unknown': { kind: 'invalid', zh: '委员不存在', en: 'No such member' },
  'demand.member_required': { kind: 'invalid', zh: '委员领办需要指明委员', en: 'Name the member who takes it up' },
  'demand.challenge_invalid': {
    kind: 'invalid', zh: '验证已失效或答案不正确，请刷新页面后重新提交', en: 'The check has expired or was not solved; reload the page and submit again',
  },
  'demand.challenge_used': { kind: 'conflict', zh: '该验证已使用过，请刷新页面后重新提交', en: 'This check was already used; reload the page and submit again' },
  'demand.photo_invalid': { kind: 'invalid', zh: '照片凭据无效或已被使用', en: 'A photo receipt is invalid or already used' },
  'demand.photo_type': { kind: 'invalid', zh: (p) => `“${p.name}”不是照片（仅支持 JPG、PNG、WebP、HEIC）`, en: (p) => `"${p.name}" is not a photo (JPG, PNG, WebP or HEIC only)` },
  'demand.photo_too_large': { kind: 'invalid', zh: (p) => `照片不能超过 ${p.maxMb} MB`, en: (p) => `A photo may be at most ${p.maxMb} MB` },
  'demand.photo_missing': { kind: 'invalid', zh: '请选择一张照片', en: 'Choose a photo' },
  'demand.already_rated': { kind: 'conflict', zh: '已经评价过了，谢谢', en: 'This demand has already been rated' },
  'demand.not_ratable': { kind: 'conflict', zh: '诉求答复后才能评价', en: 'A demand can be rated once it has been answered' },
});
