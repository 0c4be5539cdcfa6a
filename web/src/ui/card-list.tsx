import type { ReactNode } from 'react';
import { Card, Empty, List, Pagination, Space, Spin, Typography } from 'antd';

export interface CardField {
  label: string;
  value: ReactNode;
}

/**
 * A list at phone width: one card per row, its title a link and its key facts (state, deadline)
 * in the card's first lines, so nothing sits off-screen as a table's right-hand columns do.
 * Desktop pages keep their Table; a page renders this instead when `!screens.md`.
 */
export function CardList<T>({
  items, rowKey, title, tags, fields, loading, empty, page, pageSize, total, onPage, testId, cardTestId,
}: {
  items: T[] | undefined;
  rowKey: (item: T) => string;
  title: (item: T) => ReactNode;
  /** State, deadline and the like: the first line under the title, always visible. */
  tags?: (item: T) => ReactNode;
  fields?: (item: T) => CardField[];
  loading?: boolean;
  empty: string;
  page?: number;
  pageSize?: number;
  total?: number;
  onPage?: (page: number) => void;
  testId?: string;
  cardTestId?: string;
}) {
  if (loading && !items) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  return (
    <div data-testid={testId}>
      <List
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={empty} /> }}
        renderItem={(item) => (
          <List.Item key={rowKey(item)} style={{ padding: '0 0 8px', border: 'none' }}>
            <Card size="small" style={{ width: '100%' }} data-testid={cardTestId}>
              <div style={{ fontWeight: 500, marginBottom: 4, overflowWrap: 'anywhere' }}>{title(item)}</div>
              {tags && <Space size={4} wrap style={{ marginBottom: 4 }}>{tags(item)}</Space>}
              {fields?.(item).filter((f) => f.value !== null && f.value !== undefined && f.value !== '').map((f) => (
                <div key={f.label} style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                  <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>{f.label}</Typography.Text>{f.value}
                </div>
              ))}
            </Card>
          </List.Item>
        )}
      />
      {onPage && total !== undefined && total > (pageSize ?? 20) && (
        <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ textAlign: 'center', marginTop: 8 }} />
      )}
    </div>
  );
}
