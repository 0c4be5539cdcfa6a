import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { ErrorAlert } from '../../ui/error-alert';

export default function UnitListPage() {
  return (
    <RequireAbility ability="org.units.read">
      <UnitList />
    </RequireAbility>
  );
}

/** Handling units (承办单位) and what each is responsible for; read only for now. */
function UnitList() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const units = useQuery({ queryKey: ['units', q], queryFn: () => api.get<{ items: Unit[] }>('/api/units', { q }) });
  const kindLabel = (kind: string) => {
    const key = `unitKind.${kind}` as MessageKey;
    return t(key) === key ? kind : t(key);
  };
  const columns: TableColumnsType<Unit> = [
    { key: 'name', title: t('units.name'), dataIndex: 'name' },
    { key: 'kind', title: t('units.kind'), responsive: ['md'], render: (_, u) => kindLabel(u.kind) },
    { key: 'duties', title: t('units.duties'), dataIndex: 'duties', responsive: ['md'], ellipsis: true },
    { key: 'contact', title: t('units.contact'), responsive: ['lg'], render: (_, u) => [u.contactPerson, u.contactPhone].filter(Boolean).join(' ') || t('common.none') },
    { key: 'active', title: t('units.active'), render: (_, u) => <Tag color={u.active ? 'green' : 'default'}>{u.active ? t('units.activeYes') : t('units.activeNo')}</Tag> },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('units.title')}</Typography.Title>
      <Input.Search allowClear enterButton placeholder={t('units.searchPlaceholder')} style={{ maxWidth: 400, marginBottom: 12 }} onSearch={(v) => setQ(v.trim())} />
      {units.error && <ErrorAlert error={units.error} />}
      <Table<Unit>
        rowKey="id"
        data-testid="unit-table"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
      />
    </>
  );
}
