import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../app/i18n';

/** The server's message (already in the user's language), with the request id for support. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  const t = useT();
  const apiError = error instanceof ApiError ? error : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style ?? { margin: 16 }}
      title={apiError?.message ?? t('common.network')}
      description={apiError?.requestId ? `requestId: ${apiError.requestId}` : undefined}
    />
  );
}

/** A message for a failed call, for antd's message/notification. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
