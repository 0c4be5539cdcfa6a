import { Alert, Space } from 'antd';
import type { FormatCheck } from '../../api/types';
import type { Translate } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';

/** The format pre-check: errors block submission, warnings are for the proposer to weigh. */
export function FormatIssues({ check, t, limits }: { check: FormatCheck; t: Translate; limits?: { titleMaxChars: number; bodyMinChars: number; bodyMaxChars: number } }) {
  const text = (code: string, fallback: string) =>
    limits ? t(`proposals.fmt.${code}` as MessageKey, { n: check.titleChars, max: code.startsWith('title') ? limits.titleMaxChars : limits.bodyMaxChars, min: limits.bodyMinChars }) : fallback;
  if (!check.errors.length && !check.warnings.length) return <Alert type="success" showIcon title={t('proposals.formatOk')} data-testid="format-ok" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="format-issues">
      {check.errors.map((e) => <Alert key={e.code} type="error" showIcon title={text(e.code, e.message)} data-testid={`format-${e.code}`} />)}
      {check.warnings.map((w) => <Alert key={w.code} type="warning" showIcon title={text(w.code, w.message)} data-testid={`format-${w.code}`} />)}
    </Space>
  );
}
