import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';

/**
 * Strings of the notification bell and page and of the attachment upload/list (zh-CN first,
 * en typed against it). Kept with the feature so that the app catalogues stay small.
 */
const zh = {
  'bell.label': '通知',
  'bell.empty': '没有新通知',
  'bell.all': '查看全部通知',
  'bell.readAll': '全部已读',
  'page.title': '通知',
  'page.onlyUnread': '只看未读',
  'page.empty': '没有通知',
  'page.readAll': '全部标为已读',
  'page.markRead': '标为已读',
  'page.open': '查看',
  'page.unreadCount': '{n} 条未读',
  'page.read': '已读',
  'page.unread': '未读',
  'att.upload': '上传文件',
  'att.hint': '支持图片（JPG、PNG、WebP、HEIC）、PDF、Word、Excel、TXT',
  'att.failed': '上传失败',
  'att.tooMany': '最多上传 {n} 个文件',
  'att.remove': '移除',
  'att.none': '没有附件',
  'att.download': '下载',
} as const;
export type InboxKey = keyof typeof zh;

const en: Record<InboxKey, string> = {
  'bell.label': 'Notifications',
  'bell.empty': 'No new notifications',
  'bell.all': 'All notifications',
  'bell.readAll': 'Mark all read',
  'page.title': 'Notifications',
  'page.onlyUnread': 'Unread only',
  'page.empty': 'No notifications',
  'page.readAll': 'Mark all as read',
  'page.markRead': 'Mark as read',
  'page.open': 'Open',
  'page.unreadCount': '{n} unread',
  'page.read': 'Read',
  'page.unread': 'Unread',
  'att.upload': 'Upload file',
  'att.hint': 'Images (JPG, PNG, WebP, HEIC), PDF, Word, Excel, TXT',
  'att.failed': 'Upload failed',
  'att.tooMany': 'At most {n} files',
  'att.remove': 'Remove',
  'att.none': 'No attachments',
  'att.download': 'Download',
};

const catalogs: Record<'zh' | 'en', Record<InboxKey, string>> = { zh, en };

/** `const t = useInboxT(); t('bell.label')` — follows the app's language. */
export function useInboxT() {
  const { lang } = useI18n();
  return useCallback((key: InboxKey, values?: Record<string, string | number>) => {
    const text: string = catalogs[lang][key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : text;
  }, [lang]);
}
