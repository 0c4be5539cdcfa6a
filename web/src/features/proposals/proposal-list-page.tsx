import { useMemo, useState, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Grid, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { toQueryString } from '../../api/client';
import { PROPOSAL_STATE_KEYS, type ProposalListItem } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { CardList } from '../../ui/card-list';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Structure } from '../../api/types';
import { Countdown, StateTag, stateLabel } from './proposal-labels';
import { useProposalList, useProposalSettings, type ProposalListParams } from './proposals.api';
import { DownloadButton } from './dashboard-download';
import { useDashT } from './dashboard-i18n';
import { highlightOf, Marked, Snippet } from './highlight';

const DEFAULTS = { page: 1, pageSize: 20 } as const;
/** States in which the reply deadline runs (a countdown is shown). */
const ACTIVE_DEADLINE: string[] = ['assigned', 'objected', 'handling', 'countersigning'];

function readParams(sp: URLSearchParams): ProposalListParams {
  return {
    state: sp.get('state') ?? undefined,
    category: sp.get('category') ?? undefined,
    sessionId: sp.get('sessionId') ?? undefined,
    q: sp.get('q') ?? undefined,
    mine: sp.get('mine') === 'true' ? 'true' : undefined,
    page: Number(sp.get('page')) || DEFAULTS.page,
    pageSize: Number(sp.get('pageSize')) || DEFAULTS.pageSize,
  };
}

export default function ProposalListPage() {
  return (
    <RequireAbility ability="proposals.read">
      <ProposalTable />
    </RequireAbility>
  );
}

function ProposalTable() {
  const { t } = useI18n();
  const can = useCan();
  const tx = useDashT();
  const screens = Grid.useBreakpoint();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => readParams(sp), [sp]);
  // A unit clerk sees only what was assigned to the unit: the list is "本单位承办的提案", with deadlines.
  const unitView = can('proposals.handle') && !can('proposals.review') && !can('proposals.propose');
  const list = useProposalList(params);
  const settings = useProposalSettings();
  const structure = useQuery({ queryKey: ['org', 'structure'], queryFn: () => api.get<Structure>('/api/org/structure'), enabled: can('org.structure.read'), staleTime: 5 * 60_000 });
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const update = (patch: Partial<ProposalListParams>, resetPage = true) => {
    const next = { ...params, ...(resetPage ? { page: 1 } : {}), ...patch };
    const shown = Object.entries(next).filter(([k, v]) => DEFAULTS[k as keyof typeof DEFAULTS] !== v);
    setSp(new URLSearchParams(toQueryString(Object.fromEntries(shown)).slice(1)));
  };

  const columns: TableColumnsType<ProposalListItem> = [
    { key: 'number', title: t('proposals.number'), dataIndex: 'numberLabel', width: 110, render: (v) => v ?? t('common.none') },
    {
      key: 'title', title: t('proposals.titleField'),
      render: (_, p) => (
        <>
          <Link to={`/proposals/${p.id}`} data-testid="proposal-link">{p.title ? <Marked segments={highlightOf(p)?.title} text={p.title} /> : t('common.none')}</Link>
          <Snippet segments={highlightOf(p)?.snippet} />
        </>
      ),
    },
    { key: 'state', title: t('proposals.state'), render: (_, p) => <StateTag state={p.state} t={t} /> },
    { key: 'firstSigner', title: t('proposals.firstSigner'), dataIndex: 'firstSigner', responsive: ['md'], render: (v: string | null, p) => <Marked segments={highlightOf(p)?.firstSigner} text={v} /> },
    { key: 'category', title: t('proposals.category'), dataIndex: 'category', responsive: ['lg'] },
    { key: 'leadUnit', title: t('proposals.leadUnit'), dataIndex: 'leadUnit', responsive: unitView ? undefined : ['lg'], render: (v) => v ?? t('common.none') },
    {
      key: 'deadline', title: t('proposals.deadline'), responsive: unitView ? undefined : ['xl'],
      render: (_, p) => (p.deadline ? <Space size={4} wrap>{p.deadline}{ACTIVE_DEADLINE.includes(p.state) && <Countdown deadline={p.deadline} t={t} />}</Space> : t('common.none')),
    },
  ];

  return (
    <>
      <Typography.Title level={3} data-testid="proposals-title">{unitView ? t('proposals.unitTitle') : t('proposals.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {can('proposals.propose') && <Link to="/proposals/new"><Button type="primary" icon={<PlusOutlined />} data-testid="proposal-new">{t('proposals.new')}</Button></Link>}
        <DownloadButton url="/api/proposals/export.xlsx" query={{ ...params, page: undefined, pageSize: undefined }} label={tx('download.listShort')} testId="proposal-export" />
        {can('proposals.propose') && (
          <Select
            value={params.mine ?? 'all'} style={{ width: 140 }} data-testid="proposal-mine"
            onChange={(v) => update({ mine: v === 'true' ? 'true' : undefined })}
            options={[{ value: 'all', label: t('proposals.all') }, { value: 'true', label: t('proposals.mine') }]}
          />
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('proposals.search')}
          onSearch={(v) => update({ q: v || undefined })} style={{ width: screens.sm ? 260 : '100%' }} data-testid="proposal-search"
        />
        <Select
          allowClear placeholder={t('proposals.filterState')} value={params.state} style={{ width: 150 }} data-testid="proposal-filter-state"
          onChange={(v) => update({ state: v || undefined })}
          options={PROPOSAL_STATE_KEYS.map((s) => ({ value: s, label: stateLabel(s, t) }))}
        />
        <Select
          allowClear placeholder={t('proposals.filterCategory')} value={params.category} style={{ width: 140 }}
          onChange={(v) => update({ category: v || undefined })}
          options={(settings.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
        />
        {!unitView && (
          <Select
            allowClear placeholder={t('proposals.filterSession')} value={params.sessionId} style={{ width: 240 }}
            onChange={(v) => update({ sessionId: v || undefined })}
            options={(structure.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Space>
      {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      {!screens.md ? (
        // Phone: cards, with the state and the deadline under each title (a table put them off-screen).
        <CardList<ProposalListItem>
          testId="proposal-cards" cardTestId="proposal-card" items={list.data?.items} rowKey={(p) => p.id} loading={list.isFetching} empty={t('proposals.empty')}
          title={(p) => (
            <>
              <Link to={`/proposals/${p.id}`} data-testid="proposal-link">{p.title ? <Marked segments={highlightOf(p)?.title} text={p.title} /> : t('common.none')}</Link>
              <Snippet segments={highlightOf(p)?.snippet} />
            </>
          )}
          tags={(p) => (
            <>
              <StateTag state={p.state} t={t} />
              {p.deadline && <span data-testid="proposal-card-deadline">{t('proposals.deadline')} {p.deadline}</span>}
              {p.deadline && ACTIVE_DEADLINE.includes(p.state) && <Countdown deadline={p.deadline} t={t} />}
            </>
          )}
          fields={(p) => [
            { label: t('proposals.number'), value: p.numberLabel },
            { label: t('proposals.firstSigner'), value: p.firstSigner },
            { label: t('proposals.leadUnit'), value: p.leadUnit },
          ]}
          page={params.page} pageSize={params.pageSize} total={list.data?.total} onPage={(page) => update({ page }, false)}
        />
      ) : (
      <Table<ProposalListItem>
        rowKey="id"
        size={screens.md ? 'middle' : 'small'}
        data-testid="proposal-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: t('proposals.empty') }}
        scroll={{ x: 'max-content' }}
        onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? params.pageSize }, false)}
        pagination={{
          current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0,
          showSizeChanger: !!screens.md, showTotal: screens.sm ? (n) => t('common.total', { n }) : undefined, simple: !screens.sm,
        }}
      />
      )}
    </>
  );
}
