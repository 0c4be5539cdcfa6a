import { defineErrors } from '../../platform/errors.js';

const KINDS_ZH = '图片（JPG、PNG、WebP、HEIC）、PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）或文本（.txt）';
const KINDS_EN = 'images (JPG, PNG, WebP, HEIC), PDF, Word (.doc/.docx), Excel (.xls/.xlsx) or text (.txt)';

/** 'attachments.not_found' (claiming a file that is not the caller's) is a platform code: claimAttachments throws it. */
export const InboxErrors = defineErrors({
  'attachments.no_file': {
    kind: 'invalid',
    zh: '请以表单字段 file 上传一个文件',
    en: 'Send one file in the form field "file"',
  },
  'attachments.empty': {
    kind: 'invalid',
    zh: (p) => `文件“${p.name}”是空的，请重新选择`,
    en: (p) => `The file "${p.name}" is empty; choose it again`,
  },
  'attachments.unsupported_type': {
    kind: 'invalid',
    zh: (p) => `不支持上传“${p.name}”这类文件。只能上传${KINDS_ZH}`,
    en: (p) => `"${p.name}" is not a supported kind of file. Upload ${KINDS_EN}`,
  },
  'attachments.type_mismatch': {
    kind: 'invalid',
    zh: (p) => `文件“${p.name}”的内容与扩展名不符（可能改过扩展名或已损坏），请用原程序重新导出后上传`,
    en: (p) => `The content of "${p.name}" does not match its extension (renamed or damaged); export it again and upload`,
  },
  'attachments.too_large': {
    kind: 'too_large',
    zh: (p) => `文件超过 ${p.maxMb} MB 的上限，请压缩或拆分后再上传`,
    en: (p) => `The file is larger than ${p.maxMb} MB; compress or split it and upload again`,
  },
  'attachments.unavailable': {
    kind: 'not_found',
    zh: '找不到该文件，或您无权查看',
    en: 'File not found',
  },
  'notifications.not_found': {
    kind: 'not_found',
    zh: '找不到该通知',
    en: 'Notification not found',
  },
});
