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
  'consultation.meeting_not_found': { kind: 'not_found', zh: '协商会议不存在', en: 'No such consultation meeting' },
  'consultation.expert_not_found': { kind: 'not_found', zh: '专家不在本会专家智库中', en: "No such expert in the committee's roster" },
  'consultation.member_unknown': { kind: 'invalid', zh: '受邀委员不存在', en: 'An invited member does not exist' },
  'consultation.plan_not_issued': {
    kind: 'conflict', zh: '只有已印发计划中的项目可以安排会议', en: 'Meetings are arranged only for items of an issued plan',
  },
  'consultation.meeting_frozen': {
    kind: 'conflict', zh: (p) => `会议${p.stateLabel}，不能再修改`, en: (p) => `The meeting is ${p.stateLabelEn}; it can no longer be changed`,
  },
  'consultation.ends_before_start': { kind: 'invalid', zh: '结束时间不能早于开始时间', en: 'The end cannot be before the start' },
  'consultation.place_required': { kind: 'invalid', zh: '请填写会议地点或线上会议链接', en: 'Give a place or an online link' },
  'consultation.no_invitees': { kind: 'conflict', zh: '还没有邀请委员，不能发出通知', en: 'Invite members before sending the notice' },
  'consultation.minutes_missing': { kind: 'conflict', zh: '纪要未上传，不能结束会议', en: 'Upload the minutes before closing the meeting' },
  'consultation.minutes_empty': { kind: 'invalid', zh: '请填写纪要正文或上传纪要文件', en: 'Give the minutes as text or as a file' },
  'consultation.not_invited': { kind: 'forbidden', zh: '您未受邀参加本次会议', en: 'You are not invited to this meeting' },
  'consultation.reply_closed': {
    kind: 'conflict', zh: (p) => `会议${p.stateLabel}，不能再回复或提交发言`, en: (p) => `The meeting is ${p.stateLabelEn}; replies and speeches are closed`,
  },
  'consultation.leave_reason_required': { kind: 'invalid', zh: '请假请填写事由', en: 'Give a reason for the leave' },
  'consultation.expert_exists': { kind: 'conflict', zh: '专家智库中已有同名同单位的专家', en: 'That expert is already on the roster' },
  'consultation.outcome_not_found': { kind: 'not_found', zh: '协商成果不存在', en: 'No such outcome document' },
  'consultation.referral_not_found': { kind: 'not_found', zh: '转办记录不存在', en: 'No such referral' },
  'consultation.recommendation_not_found': { kind: 'not_found', zh: '建议条目不存在', en: 'No such recommendation' },
  'consultation.outcome_source_required': { kind: 'invalid', zh: '请指明协商成果来自哪次会议或哪个计划项目', en: 'Name the meeting or the plan item the document comes from' },
  'consultation.meeting_not_held': { kind: 'conflict', zh: '会议尚未召开，不能形成协商成果', en: 'The meeting has not been held yet' },
  'consultation.outcome_not_draft': { kind: 'conflict', zh: '已报送的协商成果不能再修改', en: 'A document that was sent can no longer be changed' },
  'consultation.no_recommendations': { kind: 'conflict', zh: '协商成果中还没有建议条目，不能报送', en: 'The document has no recommendations yet' },
  'consultation.not_sent': {
    kind: 'conflict', zh: '该建议所在的协商成果尚未报送，不能登记采纳结果', en: 'The recommendation was never sent, so it has no adoption result',
  },
  'consultation.unit_unknown': { kind: 'invalid', zh: '承办单位不存在', en: 'No such handling unit' },
  'consultation.deadline_invalid': { kind: 'invalid', zh: '反馈期限不能早于转办日期', en: 'The deadline cannot be before the referral' },
  'consultation.online_topic_not_found': { kind: 'not_found', zh: '网络议政议题不存在', en: 'No such online topic' },
  'consultation.opinion_not_found': { kind: 'not_found', zh: '意见不存在', en: 'No such opinion' },
  'consultation.window_invalid': { kind: 'invalid', zh: '结束时间须晚于开始时间', en: 'The window must end after it opens' },
  'consultation.window_closed': {
    kind: 'conflict', zh: (p) => `不在议政时间内（${p.from} 至 ${p.until}）`, en: (p) => `Outside the window (${p.from} to ${p.until})`,
  },
  'consultation.opinion_not_published': { kind: 'conflict', zh: '只有已发布的意见可以纳入协商成果', en: 'Only published opinions can be carried into a document' },
  'consultation.speech_unknown': { kind: 'invalid', zh: '发言不属于本次会议', en: 'A speech does not belong to this meeting' },
});
