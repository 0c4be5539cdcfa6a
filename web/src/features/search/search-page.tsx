import { Link, useSearchParams } from 'react-router';
import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { Marked, Snippet } from '../proposals/highlight';
import { kindLabel, useSearch } from '../home/workbench.api';

/** Results of the header's search, one card per module that answered, matched words marked. */
export default function SearchPage() {
  const { t } = useI18n();
  const [sp] = useSearchParams();
  const q = (sp.get('q') ?? '').trim();
  const r = useSearch(q);
  if (!q) return <Empty description={t('search.enterQuery')} />;
  const groups = r.data?.groups.filter((g) => g.total > 0) ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="search-results">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('search.title', { q })}</Typography.Title>
      {r.error ? <ErrorAlert error={r.error} /> : null}
      {r.isLoading && <Spin />}
      {r.data && groups.length === 0 && <Empty description={t('search.nothing', { q })} data-testid="search-nothing" />}
      {groups.map((g) => (
        <Card
          key={g.kind}
          size="small"
          data-testid={`search-group-${g.kind}`}
          title={<Space>{kindLabel(t, 'search.kind', g.kind)}<Typography.Text type="secondary">{t('search.total', { n: g.total })}</Typography.Text></Space>}
          extra={g.listLink && g.total > g.items.length ? <Link to={g.listLink}>{t('search.inList')}</Link> : null}
        >
          <List
            size="small"
            dataSource={g.items}
            renderItem={(h) => (
              <List.Item style={{ paddingInline: 0 }}>
                <div>
                  <Link to={h.link} data-testid="search-result"><Marked segments={h.title} text="" /></Link>
                  {h.meta?.length ? <Space size={4} wrap style={{ marginInlineStart: 8 }}>{h.meta.map((m, i) => <Tag key={i}>{m}</Tag>)}</Space> : null}
                  <Snippet segments={h.snippet} />
                </div>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
