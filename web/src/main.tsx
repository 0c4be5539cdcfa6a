import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZh from 'antd/locale/zh_CN';
import antdEn from 'antd/locale/en_US';
// antd's own normalisation (body margin, box sizing); its components bring the rest of their CSS.
import 'antd/dist/reset.css';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { I18nProvider, useI18n } from './app/i18n';
import { router } from './app/router';
import { ME_KEY } from './app/auth';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; a network blip may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// A session that expired mid-work: forget the user and go to the login page, then come back.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(ME_KEY, null);
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/login')) void router.navigate(`/login?next=${encodeURIComponent(here)}`);
});

function Themed() {
  const { lang, t } = useI18n();
  // Every form's rule messages name the field ("请填写标题", not "必填"): antd fills ${label} from the Form.Item.
  const form = useMemo(() => {
    const label = { label: '${label}' };
    return {
      validateMessages: {
        required: t('form.required', label),
        string: { min: t('form.min', { ...label, min: '${min}' }), max: t('form.max', { ...label, max: '${max}' }), range: t('form.range', { ...label, min: '${min}', max: '${max}' }) },
        number: { range: t('form.range', { ...label, min: '${min}', max: '${max}' }) },
      },
    };
  }, [t]);
  return (
    <ConfigProvider locale={lang === 'zh' ? antdZh : antdEn} form={form} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6 } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
