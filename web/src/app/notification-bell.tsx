import { useState } from 'react';
import { Badge, Button, Dropdown, Empty, List, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useCan, useSession } from './auth';
import { internalLink, useMarkAllRead, useMarkRead, useNotifications, type NotificationView } from '../features/notifications/notifications.api';
import { useInboxT } from '../features/notifications/inbox-i18n';
import { dateTimeOf } from '../ui/format';

/** The header bell: unread count, the latest few in a drop-down, a link to all of them. Polls every minute. */
export function NotificationBell() {
  const me = useSession();
  const can = useCan();
  const allowed = can('notifications.read') && !me.user.mustChangePassword && !!me.currentCommittee;
  if (!allowed) return null;
  return <Bell />;
}

function Bell() {
  const t = useInboxT();
  const navigate = useNavigate();
  const latest = useNotifications({ pageSize: 6 }, { poll: true });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = latest.data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const go = (to: string) => {
    setOpen(false);
    navigate(to);
  };

  const follow = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    go(internalLink(n.link) ?? '/notifications');
  };

  const panel = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 24px)', background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)' }} data-testid="notification-panel">
      <Space style={{ display: 'flex', justifyContent: 'space-between', padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('bell.label')}</Typography.Text>
        {unread > 0 && (
          <Button type="link" size="small" loading={markAll.isPending} onClick={() => markAll.mutate()}>{t('bell.readAll')}</Button>
        )}
      </Space>
      {latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} style={{ padding: 16 }} />
      ) : (
        <List
          size="small"
          loading={latest.isPending}
          dataSource={latest.data?.items ?? []}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item key={n.id} onClick={() => follow(n)} style={{ cursor: 'pointer', paddingInline: 12, background: n.readAt ? undefined : '#fff8f6' }}>
              <List.Item.Meta
                title={<Space size={6}>{!n.readAt && <Badge status="error" />}<span>{n.title}</span></Space>}
                description={
                  <>
                    {n.body && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} type="secondary">{n.body}</Typography.Paragraph>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTimeOf(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <div style={{ textAlign: 'center', padding: 8, borderTop: '1px solid #f0f0f0' }}>
        <Button type="link" size="small" onClick={() => go('/notifications')} data-testid="notifications-all">{t('bell.all')}</Button>
      </div>
    </div>
  );

  return (
    <Dropdown trigger={['click']} open={open} onOpenChange={setOpen} popupRender={() => panel} placement="bottomRight">
      <Button type="text" aria-label={`${t('bell.label')}${unread ? ` (${unread})` : ''}`} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
