import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Lang } from '../api/types';
import { zhCN, type MessageKey } from '../locales/zh-CN';
import { en } from '../locales/en';

const catalogs: Record<Lang, Record<MessageKey, string>> = { zh: zhCN, en };
const STORAGE_KEY = 'xs_lang';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Server messages follow the xs_lang cookie; tell the server whenever it disagrees with the UI. */
function syncServerLang(lang: Lang) {
  const cookie = /(?:^|;\s*)xs_lang=(\w+)/.exec(document.cookie)?.[1];
  if (cookie !== lang) void api.post('/api/auth/language', { lang }).catch(() => {});
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    syncServerLang(lang);
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const t = useCallback<Translate>((key, values) => {
    const text = catalogs[lang][key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : text;
  }, [lang]);
  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `const { t, lang, setLang } = useI18n()`; `t('home.greeting', { name })`. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;
