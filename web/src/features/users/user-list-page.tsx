import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { UserAccount } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';

export default function UserListPage() {
  return (
    <RequireAbility ability="org.users.manage">
      <UserList />
    </RequireAbility>
  );
}

/** The accounts holding a role in the current committee. */
function UserList() {
  const { t } = useI18n();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: UserAccount[] }>('/api/users') });
  const columns: TableColumnsType<UserAccount> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles', title: t('users.roles'), responsive: ['md'],
      render: (_, u) => (
        <Space wrap size={[4, 4]}>
          {u.grants.map((g, i) => <Tag key={i}>{t(`role.${g.role}`)}{g.office ? ` · ${t(`office.${g.office}`)}` : ''}</Tag>)}
        </Space>
      ),
    },
    {
      key: 'status', title: t('users.status'),
      render: (_, u) => {
        if (!u.active) return <Tag>{t('users.inactive')}</Tag>;
        if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return <Tag color="orange">{t('users.locked')}</Tag>;
        return <Tag color="green">{t('users.active')}</Tag>;
      },
    },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      {users.error && <ErrorAlert error={users.error} />}
      <Table<UserAccount> rowKey="id" data-testid="user-table" columns={columns} dataSource={users.data?.items} loading={users.isPending} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
    </>
  );
}
