import { defineErrors } from '../../platform/errors.js';

export const ConsultationErrors = defineErrors({
  'consultation.plan_not_found': { kind: 'not_found', zh: '协商计划不存在', en: 'No such consultation plan' },
  'consultation.item_not_found': { kind: 'not_found', zh: '计划项目不存在', en: 'No such plan item' },
  'consultation.topic_not_found': { kind: 'not_found', zh: '议题不存在', en: 'No such topic' },
  'consultation.not_allowed': {
    kind: 'forbidden', zh: (p) => `您不能${p.actionLabel}`, en: (p) => `You may not ${p.actionLabelEn} here`,
  },
  'consultation.invalid_transition': {
    kind: 'conflict',
    zh: (p) => `当前状态为“${p.stateLabel}”，不能${p.actionLabel}`,
    en: (p) => `It is ${p.stateLabelEn} now, so "${p.actionLabelEn}" is not possible`,
  },
  'consultation.plan_exists': {
    kind: 'conflict', zh: (p) => `${p.year}年度协商计划已存在`, en: (p) => `The ${p.year} consultation plan already exists`,
  },
  'consultation.plan_not_draft': {
    kind: 'conflict', zh: '只有草案状态的计划可以修改项目', en: 'Items can only be changed while the plan is a draft',
  },
  'consultation.plan_empty': { kind: 'conflict', zh: '计划中还没有项目，不能提交审议', en: 'The plan has no items yet' },
  'consultation.adjusting': {
    kind: 'conflict', zh: (p) => `已有调整中的第${p.version}版，请先完成它`, en: (p) => `Version ${p.version} is already being prepared`,
  },
  'consultation.form_unknown': {
    kind: 'invalid', zh: (p) => `“${p.form}”不是本会设置的协商形式`, en: (p) => `"${p.form}" is not one of the committee's consultation forms`,
  },
  'consultation.lead_unknown': { kind: 'invalid', zh: '牵头专门委员会不存在', en: 'No such special committee' },
  'consultation.member_required': {
    kind: 'invalid', zh: '以委员身份提出议题需要委员账号', en: 'Only a member account can propose a topic as a member',
  },
  'consultation.source_name_required': {
    kind: 'invalid', zh: '请填写提出议题的单位名称', en: 'Name the body that proposes the topic',
  },
  'consultation.year_mismatch': {
    kind: 'invalid', zh: (p) => `议题属于${p.topicYear}年，计划是${p.planYear}年度的`, en: (p) => `The topic is for ${p.topicYear}; the plan is for ${p.planYear}`,
  },
  'consultation.date_invalid': { kind: 'invalid', zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
});
