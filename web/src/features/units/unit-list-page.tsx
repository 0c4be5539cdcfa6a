import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { ErrorAlert } from '../../ui/error-alert';
import { UnitFormModal } from './unit-form-modal';

export default function UnitListPage() {
  return (
    <RequireAbility ability="org.units.read">
      <UnitList />
    </RequireAbility>
  );
}

/** Handling units (承办单位) and what each is responsible for; offices with org.units.write add and change them. */
function UnitList() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const can = useCan();
  const writable = can('org.units.write');
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
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
    ...(writable
      ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, u: Unit) => <Button type="link" size="small" onClick={() => setEditing({ unit: u })}>{t('units.edit')}</Button> }]
      : []),
  ];
  return (
    <>
      <Typography.Title level={3}>{t('units.title')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear enterButton placeholder={t('units.searchPlaceholder')} style={{ maxWidth: 400 }} onSearch={(v) => setQ(v.trim())} />
        {writable && <Button type="primary" onClick={() => setEditing({ unit: null })}>{t('units.add')}</Button>}
      </Flex>
      <UnitFormModal open={!!editing} unit={editing?.unit ?? null} onClose={() => setEditing(null)} />
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
