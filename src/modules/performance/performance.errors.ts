import { defineErrors } from '../../platform/errors.js';

export const PerformanceErrors = defineErrors({
  'performance.activity_not_found': { kind: 'not_found', zh: '未找到该履职活动，或您无权查看', en: 'Activity not found' },
  'performance.record_not_found': { kind: 'not_found', zh: '未找到该履职记录，或您无权查看', en: 'Duty record not found' },
  'performance.assessment_not_found': { kind: 'not_found', zh: '未找到该考核结果，或您无权查看', en: 'Assessment not found' },
  'performance.member_not_found': { kind: 'not_found', zh: '未找到该委员', en: 'Member not found' },
  'performance.needs_member': { kind: 'forbidden', zh: '只有委员本人可以执行此操作', en: 'Only a member can do this' },
  'performance.not_invited': { kind: 'forbidden', zh: '本活动仅限受邀委员参加', en: 'This activity is for invited members only' },
  'performance.activity_closed': { kind: 'conflict', zh: '活动已结束考勤，如需更正请联系委员工作室', en: 'Attendance of this activity is closed' },
  'performance.activity_not_open': {
    kind: 'conflict',
    zh: (p) => `活动${p.statusLabel}，不能修改或取消`,
    en: (p) => `The activity is ${p.statusLabel}; it cannot be changed or cancelled`,
  },
  'performance.activity_has_attendance': {
    kind: 'conflict',
    zh: (p) => `已有 ${p.n} 位委员签到，活动已举行，请结束考勤而不是取消`,
    en: (p) => `${p.n} members have checked in: close the activity's attendance instead of cancelling it`,
  },
  'performance.activity_ends_before_start': { kind: 'invalid', zh: '结束时间不能早于开始时间', en: 'The end cannot be before the start' },
  'performance.wrong_code': { kind: 'invalid', zh: '签到码不正确', en: 'Wrong check-in code' },
  'performance.check_in_not_open': {
    kind: 'conflict',
    zh: (p) => `不在签到时间内（${p.from} 至 ${p.until}）`,
    en: (p) => `Check-in is open from ${p.from} until ${p.until}`,
  },
  'performance.invalid_attendance_change': {
    kind: 'conflict',
    zh: (p) => `您在本活动中的状态为“${p.statusLabel}”，不能${p.actionLabel}`,
    en: (p) => `Your attendance is ${p.status}; you cannot ${p.action}`,
  },
  'performance.member_unknown': { kind: 'invalid', zh: '所选委员须为本会在任委员，且不能重复', en: 'Members must be active members of this committee, each once' },
  'performance.kind_not_self_reportable': {
    kind: 'invalid',
    zh: (p) => `“${p.label}”由系统自动记录，不能自行填报`,
    en: (p) => `"${p.kind}" is recorded automatically and cannot be self-reported`,
  },
  'performance.metrics_invalid': { kind: 'invalid', zh: (p) => `统计指标有误：${p.message}`, en: (p) => `Invalid metrics: ${p.message}` },
  'performance.date_invalid': { kind: 'invalid', zh: '履职日期不能晚于今天', en: 'The date cannot be in the future' },
  'performance.invalid_record_transition': {
    kind: 'conflict',
    zh: (p) => `该记录当前状态为“${p.statusLabel}”，不能${p.actionLabel}`,
    en: (p) => `The record is ${p.status}; "${p.action}" is not possible`,
  },
  'performance.record_not_allowed': { kind: 'forbidden', zh: (p) => `您不能对该记录执行“${p.actionLabel}”`, en: (p) => `You may not "${p.action}" this record` },
  'performance.cannot_verify_own': { kind: 'forbidden', zh: '不能审核本人的履职记录', en: 'You cannot verify or reject your own duty records' },
  'performance.rules_frozen': {
    kind: 'conflict',
    zh: (p) => `${p.year} 年度考核结果已发布，积分规则已冻结`,
    en: (p) => `The ${p.year} assessment is published; its rules are frozen`,
  },
  'performance.assessment_published': {
    kind: 'conflict',
    zh: (p) => `${p.year} 年度考核结果已发布，不能重新计算；如需更正，请发起修订`,
    en: (p) => `The ${p.year} assessment is published; correct it with a revision`,
  },
  'performance.assessment_not_draft': { kind: 'conflict', zh: '只有最新的未发布考核结果可以发布', en: 'Only the latest unpublished run can be published' },
  'performance.assessment_not_published': { kind: 'conflict', zh: '考核结果尚未发布，请直接重新计算', en: 'The assessment is not published yet; run it again instead' },
  'performance.assessment_not_latest': { kind: 'conflict', zh: '该考核结果已被新的修订版本取代', en: 'This run has been superseded by a later revision' },
  'performance.report_not_required': { kind: 'forbidden', zh: '年度述职仅由常委及以上委员提交', en: 'Only standing-committee members submit an annual duty report' },
  'performance.report_card_not_own': { kind: 'forbidden', zh: '委员只能查看本人的履职成绩单', en: 'Members can only see their own report card' },
  'performance.year_invalid': { kind: 'invalid', zh: (p) => `年度须在 ${p.min}–${p.max} 之间`, en: (p) => `The year must be between ${p.min} and ${p.max}` },
});
