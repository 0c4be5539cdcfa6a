import { useCallback } from 'react';
import { useI18n } from '../app/i18n';
import type { MessageKey } from '../locales/zh-CN';
import { zhCN } from '../locales/zh-CN';

/**
 * The server's enums as the web names them: `enum.<domain>.<key>` in the locale files, one entry
 * per value the server sends (test/web-label-catalogue.test.ts walks the server's lists and fails
 * on a missing one). ENUM_DOMAINS is that catalogue's table of contents.
 */
export const ENUM_DOMAINS = ['dutyKind', 'activityType', 'organiserKind', 'memberRole', 'grade', 'group', 'quota', 'replyClass', 'month'] as const;
export type EnumDomain = (typeof ENUM_DOMAINS)[number];

const has = (k: string): k is MessageKey => k in zhCN;

/**
 * `label('dutyKind', 'plenary', given)`: in Chinese the server's own label when it sent one (a
 * committee may name its grades and groups its own way), else the catalogue's; in English the
 * catalogue's, falling back to the given label for a value the catalogue does not know (a
 * committee's own group) and to the key itself.
 */
export function useEnumLabel(): (domain: EnumDomain, key: string | number, given?: string | null) => string {
  const { lang, t } = useI18n();
  return useCallback((domain, key, given) => {
    const k = `enum.${domain}.${key}`;
    if (lang === 'zh' && given) return given;
    return has(k) ? t(k) : (given ?? String(key));
  }, [lang, t]);
}

/**
 * A quota requirement (四个一's "提交一件提案") is the committee's own sentence: shown as it is in
 * Chinese; in English named by the duty kinds it counts, which the catalogue knows.
 */
export function useRequirementLabel(): (r: { label: string; kinds?: readonly string[] }) => string {
  const { lang } = useI18n();
  const label = useEnumLabel();
  return useCallback((r) => (lang === 'zh' || !r.kinds?.length ? r.label : r.kinds.map((k) => label('dutyKind', k)).join(' / ')), [lang, label]);
}

/** A reply class's meaning (A → 所提问题已经解决或基本解决): the committee's wording in Chinese, the catalogue's in English. */
export function useReplyClassMeaning(): (c: { code: string; label?: string | null }) => string {
  const label = useEnumLabel();
  return useCallback((c) => label('replyClass', c.code, c.label), [label]);
}
