import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { dateOf } from '../../ui/format';
import { DEMAND_STATES } from '../../../../src/modules/demands/domain/demand-workflow';
import type { DemandView } from './types';

export default function DemandListPage() {
  return (
    <RequireAbility ability="demands.read">
      <DemandList />
    </RequireAbility>
  );
}

/** 群众诉求: the office's triage list; a member's and a clerk's own. Personal data is masked here. */
function DemandList() {
  const { t } = useI18n();
  const [state, setState] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['demands', state, q, page],
    queryFn: () => api.get<{ items: DemandView[]; total: number }>('/api/demands', { state, q, page }),
  });
  const columns: TableColumnsType<DemandView> = [
    { key: 'matter', title: t('demands.matter'), render: (_, d) => <Link to={`/demands/${d.id}`} data-testid="demand-link">{d.matter}</Link> },
    { key: 'state', title: t('demands.state'), render: (_, d) => <Tag data-testid="demand-state">{d.stateLabel}</Tag> },
    { key: 'kind', title: t('demands.kind'), dataIndex: 'kind', responsive: ['md'] },
    { key: 'channel', title: t('demands.channel'), dataIndex: 'channelLabel', responsive: ['md'] },
    { key: 'person', title: t('demands.person'), responsive: ['lg'], render: (_, d) => [d.person.name, d.person.phone].filter(Boolean).join(' ') || t('common.none') },
    { key: 'unit', title: t('demands.referredTo'), responsive: ['lg'], render: (_, d) => d.unitName ?? d.memberName ?? '' },
    { key: 'created', title: t('demands.submittedAt'), render: (_, d) => dateOf(d.createdAt) },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('demands.title')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('demands.state')} style={{ minWidth: 180 }} value={state} onChange={(v) => { setState(v); setPage(1); }}
          options={Object.entries(DEMAND_STATES).map(([value, label]) => ({ value, label }))} data-testid="demand-state-filter" />
        <Input.Search allowClear enterButton placeholder={t('demands.search')} style={{ maxWidth: 360 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
      </Flex>
      {list.error && <ErrorAlert error={list.error} />}
      <Table<DemandView>
        rowKey="id" data-testid="demand-table" columns={columns} dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
      />
    </>
  );
}
