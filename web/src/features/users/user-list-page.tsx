import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { UserAccount } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { UserCreateModal, useResetPassword } from './user-create-modal';
import { grantLabel } from '../../ui/role-label';

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
  const [adding, setAdding] = useState(false);
  const reset = useResetPassword();
  const columns: TableColumnsType<UserAccount> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles', title: t('users.roles'), responsive: ['md'],
      render: (_, u) => (
        <Space wrap size={[4, 4]}>
          {u.grants.map((g, i) => <Tag key={i}>{grantLabel(t, g)}</Tag>)}
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
    {
      key: 'actions', title: t('common.actions'),
      render: (_, u) => (
        <Popconfirm title={t('users.resetConfirm', { name: u.displayName })} onConfirm={() => reset.mutate(u.id)} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button type="link" size="small">{t('users.resetPassword')}</Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('users.title')}</Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>{t('users.add')}</Button>
      </Flex>
      <UserCreateModal open={adding} onClose={() => setAdding(false)} />
      {users.error && <ErrorAlert error={users.error} />}
      <Table<UserAccount> rowKey="id" data-testid="user-table" columns={columns} dataSource={users.data?.items} loading={users.isPending} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
    </>
  );
}
