import { definePermissions, has } from '../../../platform/access.js';
import { defineErrors } from '../../../platform/errors.js';

/**
 * Who may read the proposals' figures and the session's book. Reading single records and lists
 * stays with 'proposals.read' (visibility decides per record).
 */
export const ReportPermissions = definePermissions({
  /** 提案统计: staff of any office and the committee's leaders. */
  'proposals.figures': has.any(has.anyStaff, has.role('leader')),
  /** 提案汇编: staff only. */
  'proposals.book': has.anyStaff,
});

export const ReportErrors = defineErrors({
  'proposal_export.reply_not_released': {
    kind: 'conflict',
    zh: '该提案的答复尚未审核发布，暂不能生成答复函',
    en: 'The reply to this proposal has not been released yet, so there is no reply letter',
  },
  'proposal_export.reply_forbidden': {
    kind: 'forbidden',
    zh: '答复函只提供给提案人、主办单位和政协机关工作人员',
    en: 'The reply letter is for the proposers, the answering unit and the committee staff only',
  },
  'proposal_export.session_not_found': {
    kind: 'not_found',
    zh: '未找到该次会议，请从会议列表中选择',
    en: 'Session not found; choose one from the list of sessions',
  },
});
