import { defineErrors } from '../../platform/errors.js';

export const OrgErrors = defineErrors({
  'member.not_found': { kind: 'not_found', zh: '未找到该委员', en: 'Member not found' },
  'member.phone_taken': {
    kind: 'conflict',
    zh: (p) => `手机号 ${p.phone} 已被委员“${p.name}”使用`,
    en: (p) => `Phone ${p.phone} is already used by member ${p.name}`,
  },
  'member.sector_unknown': { kind: 'invalid', zh: '所选界别不属于本政协', en: 'The sector does not belong to this committee' },
  'member.special_committee_unknown': { kind: 'invalid', zh: '所选专委会不属于本政协', en: 'The special committee does not belong to this committee' },
  'member.left_needs_date': { kind: 'invalid', zh: '离任委员须填写离任日期和原因', en: 'A member who left needs a date and a reason' },
  'import.bad_file': {
    kind: 'invalid',
    zh: (p) => '无法读取该文件，请使用下载的 Excel 模板（.xlsx）' + (p.reason ? `：${p.reason}` : ''),
    en: (p) => 'The file cannot be read; use the downloaded .xlsx template' + (p.reason ? ` (${p.reason})` : ''),
  },
  'import.has_errors': {
    kind: 'invalid',
    zh: (p) => `导入文件有 ${p.count} 处错误，未导入任何数据；请按错误清单修改后重新导入`,
    en: (p) => `The file has ${p.count} errors; nothing was imported. Fix them and import again`,
  },
  'import.interrupted': {
    kind: 'conflict',
    zh: '导入被中断（服务器重启），未导入任何数据；请重新上传文件',
    en: 'The import was interrupted (the server restarted); nothing was imported. Upload the file again',
  },
  'import.conflict': {
    kind: 'conflict',
    zh: '导入期间本政协的委员名单有了变化（手机号与刚保存的委员重复），未导入任何数据；请重新导入',
    en: 'The roster changed during the import (a phone number was just taken); nothing was imported. Import again',
  },
  'import.not_found': { kind: 'not_found', zh: '未找到该导入任务', en: 'Import not found' },
  'unit.not_found': { kind: 'not_found', zh: '未找到该承办单位', en: 'Handling unit not found' },
  'unit.name_taken': { kind: 'conflict', zh: '已有同名承办单位', en: 'A handling unit with this name exists' },
  'user.not_found': { kind: 'not_found', zh: '未找到该用户', en: 'User not found' },
  'user.grant_invalid': {
    kind: 'invalid',
    zh: (p) => `第 ${p.index} 个角色有误：${p.reasonZh}`,
    en: (p) => `Role ${p.index} is invalid: ${p.reasonEn}`,
  },
  'user.username_taken': { kind: 'conflict', zh: '用户名已被使用', en: 'The username is taken' },
  'token.not_found': { kind: 'not_found', zh: '未找到该令牌', en: 'Token not found' },
});
