import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, List, Space, Switch, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useInboxT } from './inbox-i18n';
import { internalLink, useMarkAllRead, useMarkRead, useNotifications } from './notifications.api';
import { dateTimeOf } from '../../ui/format';

/** 通知: all my notifications in the current committee, newest first; read one, or all. */
export default function NotificationsPage() {
  return (
    <RequireAbility ability={'notifications.read'}>
      <Notifications />
    </RequireAbility>
  );
}

const PAGE_SIZE = 20;

function Notifications() {
  const t = useInboxT();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const q = useNotifications({ page, pageSize: PAGE_SIZE, unread: onlyUnread });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const data = q.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('page.title')}
          {data && data.unread > 0 && <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>{t('page.unreadCount', { n: data.unread })}</Typography.Text>}
        </Typography.Title>
        <Space wrap>
          <Space size={6}>
            <Switch size="small" checked={onlyUnread} onChange={(v) => { setOnlyUnread(v); setPage(1); }} aria-label={t('page.onlyUnread')} />
            <span>{t('page.onlyUnread')}</span>
          </Space>
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!data?.unread} data-testid="notifications-read-all">
            {t('page.readAll')}
          </Button>
        </Space>
      </Space>
      {q.error && <ErrorAlert error={q.error} />}
      {markAll.error && <ErrorAlert error={markAll.error} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <List
          data-testid="notification-list"
          loading={q.isPending}
          locale={{ emptyText: t('page.empty') }}
          dataSource={data?.items ?? []}
          pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, size: 'small' } : false}
          renderItem={(n) => {
            const to = internalLink(n.link);
            return (
              <List.Item
                key={n.id}
                style={{ paddingInline: 16, background: n.readAt ? undefined : '#fff8f6' }}
                actions={[
                  ...(to ? [<Button key="open" type="link" size="small" onClick={() => { if (!n.readAt) markRead.mutate(n.id); navigate(to); }}>{t('page.open')}</Button>] : []),
                  ...(!n.readAt ? [<Button key="read" type="link" size="small" onClick={() => markRead.mutate(n.id)}>{t('page.markRead')}</Button>] : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <Badge status={n.readAt ? 'default' : 'error'} text={n.readAt ? t('page.read') : t('page.unread')} />
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      {n.body && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTimeOf(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}
