import { useState, type CSSProperties } from 'react';
import { Alert, Button, Typography } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../app/i18n';
import type { MessageKey } from '../locales/zh-CN';

/** What the person can do about a failed call, by its HTTP status (the server's message says what went wrong). */
export function remedyKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.remedy.network';
  const s = error.status;
  if (s === 400 || s === 422) return 'error.remedy.invalid';
  if (s === 401) return 'error.remedy.login';
  if (s === 403) return 'error.remedy.forbidden';
  if (s === 404) return 'error.remedy.notFound';
  if (s === 409 || s === 423) return 'error.remedy.conflict';
  if (s === 413) return 'error.remedy.tooLarge';
  if (s === 429) return 'error.remedy.later';
  return 'error.remedy.server';
}

/**
 * The server's message (already in the user's language) and what to do next. The request id and
 * code are for support: behind a 详情 toggle, so a person is not shown them unasked.
 */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const apiError = error instanceof ApiError ? error : null;
  const detail = apiError && (apiError.requestId || apiError.code);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      style={style ?? { margin: 16 }}
      title={apiError?.message ?? t('common.network')}
      description={
        <>
          <div data-testid="error-remedy">{t(remedyKey(error))}</div>
          {detail && (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="error-details-toggle">
              {t('error.details')}
            </Button>
          )}
          {detail && open && (
            // Plain selectable text: a copy button would bring Tooltip into every page's first load.
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, userSelect: 'all' }} data-testid="error-details">
              {t('error.detailsText', { code: apiError.code, id: apiError.requestId ?? '—' })}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}

/** A message for a failed call, for antd's message/notification. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
