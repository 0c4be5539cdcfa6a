import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';

const KEY = ['auth', 'tokens'];

/** Personal API tokens: the secret is shown once, right after creation; afterwards only its prefix. */
export function ApiTokens() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: ApiToken[] }>('/api/auth/tokens') });
  const create = useMutation({
    mutationFn: (name: string) => api.post<{ id: string; token: string }>('/api/auth/tokens', { name }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.del(`/api/auth/tokens/${id}`),
    onSuccess: () => {
      message.success(t('account.revoked'));
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorText(e, t('common.network'))),
  });
  const fmt = (iso: string | null) => (iso ? dateTimeOf(iso) : t('account.tokenNeverUsed'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('account.tokensDesc')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v.name)} style={{ rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, message: t('common.required', { field: t('account.tokenName') }) }]}>
          <Input placeholder={t('account.tokenNamePlaceholder')} aria-label={t('account.tokenName')} maxLength={60} data-testid="token-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="token-create">{t('account.createToken')}</Button>
      </Form>
      {create.error && <Alert type="error" showIcon title={errorText(create.error, t('common.network'))} />}
      {create.data && (
        <Alert
          type="success"
          showIcon
          title={t('account.tokenCreated')}
          description={<Typography.Text code copyable data-testid="token-secret" style={{ wordBreak: 'break-all' }}>{create.data.token}</Typography.Text>}
        />
      )}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        data-testid="token-table"
        dataSource={tokens.data?.items}
        loading={tokens.isPending}
        locale={{ emptyText: t('account.noTokens') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('account.tokenName'), dataIndex: 'name' },
          { key: 'prefix', title: t('account.tokenPrefix'), dataIndex: 'prefix', responsive: ['md'], render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { key: 'createdAt', title: t('account.tokenCreatedAt'), responsive: ['md'], render: (_, tk) => fmt(tk.createdAt) },
          { key: 'lastUsedAt', title: t('account.tokenLastUsed'), responsive: ['lg'], render: (_, tk) => fmt(tk.lastUsedAt) },
          {
            key: 'actions', title: t('common.actions'),
            render: (_, tk) => (
              <Popconfirm title={t('account.revokeConfirm')} onConfirm={() => revoke.mutate(tk.id)}>
                <Button danger size="small">{t('account.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
