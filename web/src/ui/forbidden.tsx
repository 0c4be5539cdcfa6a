import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../app/i18n';

/** The 403 page: what the server would answer, shown before the user tries. */
export function Forbidden({ message }: { message?: string }) {
  const t = useT();
  return (
    <div data-testid="forbidden">
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={message ?? t('common.forbidden')}
      extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>}
    />
    </div>
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={t('common.notFound')}
      extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>}
    />
  );
}
