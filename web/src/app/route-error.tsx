import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from './i18n';

/**
 * Shown when a page throws or its chunk cannot be loaded (e.g. after a deploy replaced the
 * files): offering a reload fixes the latter.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={detail}
      extra={<Button type="primary" onClick={() => window.location.assign('/')}>{t('common.backHome')}</Button>}
    />
  );
}
