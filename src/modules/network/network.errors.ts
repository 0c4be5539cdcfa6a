import { defineErrors } from '../../platform/errors.js';

export const NetworkErrors = defineErrors({
  'network.region_not_found': { kind: 'not_found', zh: '行政区划不存在', en: 'No such region' },
  'network.place_not_found': { kind: 'not_found', zh: '阵地不存在', en: 'No such place' },
  'network.rule_not_found': { kind: 'not_found', zh: '接待日安排不存在', en: 'No such reception schedule' },
  'network.reception_not_found': { kind: 'not_found', zh: '接待记录不存在', en: 'No such reception' },
  'network.care_not_found': { kind: 'not_found', zh: '结对关爱记录不存在', en: 'No such care pairing' },
  'network.not_allowed': { kind: 'forbidden', zh: (p) => `您不能${p.actionLabel}`, en: (p) => `You may not ${p.actionLabelEn}` },
  'network.region_exists': { kind: 'conflict', zh: (p) => `区划代码 ${p.code} 已存在`, en: (p) => `Region code ${p.code} already exists` },
  'network.region_level': {
    kind: 'invalid', zh: (p) => `“${p.child}”不能直接设在“${p.parent}”之下`, en: (p) => `A ${p.childEn} cannot sit directly below a ${p.parentEn}`,
  },
  'network.place_exists': { kind: 'conflict', zh: (p) => `已有名为“${p.name}”的阵地`, en: (p) => `A place named "${p.name}" already exists` },
  'network.type_unknown': { kind: 'invalid', zh: (p) => `“${p.type}”不是本会设置的阵地类型`, en: (p) => `"${p.type}" is not one of the committee's place types` },
  'network.standard_unknown': { kind: 'invalid', zh: (p) => `“${p.item}”不是本会设置的建设标准`, en: (p) => `"${p.item}" is not one of the committee's standards` },
  'network.member_unknown': { kind: 'invalid', zh: '委员不存在或不属于本会', en: 'No such member in this committee' },
  'network.place_closed': { kind: 'conflict', zh: '该阵地已撤销', en: 'The place is closed' },
  'network.reception_void': { kind: 'conflict', zh: '该接待记录已作废', en: 'The reception is void' },
  'network.not_on_duty': {
    kind: 'forbidden', zh: '只能登记本人参加的接待（须为该阵地的下沉委员）', en: 'You may only record receptions you held at a place you are placed at',
  },
  'network.member_required': { kind: 'invalid', zh: '以委员身份登记需要委员账号', en: 'Only a member account can do this as a member' },
  'network.date_future': { kind: 'invalid', zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'network.range_too_long': { kind: 'invalid', zh: '查询区间不能超过 366 天', en: 'The range may be at most 366 days' },
  'network.day_invalid': {
    kind: 'invalid', zh: '每周接待日应为 1–7（周一至周日），每月接待日应为 1–31', en: 'Weekly days are 1 to 7 (Monday to Sunday); monthly days are 1 to 31',
  },
});
