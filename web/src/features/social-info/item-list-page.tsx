import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Checkbox, Grid, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { toQueryString } from '../../api/client';
import { RequireAbility, useCan } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { CardList } from '../../ui/card-list';
import { INFO_STATE_KEYS, SOURCE_KIND_KEYS, thisYear, useInfoList, type SourceKind, type InfoListParams, type InfoListRow } from './social-info.api';
import { useSiT } from './social-info-i18n';
import { StateTag, UrgentTag, sourceLabel, stateLabel } from './social-info-labels';
import { dateOf } from '../../ui/format';

const DEFAULTS = { page: 1, pageSize: 20 } as const;

function readParams(sp: URLSearchParams): InfoListParams {
  return {
    state: sp.get('state') ?? undefined,
    q: sp.get('q') ?? undefined,
    mine: sp.get('mine') === 'true' ? 'true' : undefined,
    urgent: sp.get('urgent') === 'true' ? 'true' : undefined,
    year: Number(sp.get('year')) || undefined,
    sourceKind: (SOURCE_KIND_KEYS as readonly string[]).includes(sp.get('sourceKind') ?? '') ? (sp.get('sourceKind') as SourceKind) : undefined,
    page: Number(sp.get('page')) || DEFAULTS.page,
    pageSize: Number(sp.get('pageSize')) || DEFAULTS.pageSize,
  };
}

/** /social-info: the items the caller may see (members: their own), with Chinese search, filters and paging. */
export default function ItemListPage() {
  return (
    <RequireAbility ability="social_info.read">
      <ItemTable />
    </RequireAbility>
  );
}

function ItemTable() {
  const t = useSiT();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => readParams(sp), [sp]);
  const list = useInfoList(params);
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  // Staff and leaders read every item of the committee; a member reads only the items they wrote.
  const oversee = can('social_info.oversee');

  const update = (patch: Partial<InfoListParams>, resetPage = true) => {
    const next = { ...params, ...(resetPage ? { page: 1 } : {}), ...patch };
    const shown = Object.entries(next).filter(([k, v]) => DEFAULTS[k as keyof typeof DEFAULTS] !== v);
    setSp(new URLSearchParams(toQueryString(Object.fromEntries(shown)).slice(1)));
  };

  const columns: TableColumnsType<InfoListRow> = [
    {
      key: 'title', title: t('field.title'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.urgent && <UrgentTag t={t} />}
          <Link to={`/social-info/items/${r.id}`} data-testid="info-link">{r.title}</Link>
        </Space>
      ),
    },
    { key: 'state', title: t('list.filterState'), width: 110, render: (_, r) => <StateTag state={r.state} t={t} /> },
    { key: 'source', title: t('list.source'), responsive: ['md'], render: (_, r) => r.sourceName ?? sourceLabel(r.sourceKind, t) },
    { key: 'submittedAt', title: t('list.submittedAt'), responsive: ['sm'], width: 110, render: (_, r) => dateOf(r.submittedAt) },
  ];

  return (
    <>
      <Typography.Title level={3} data-testid="info-list-title">{oversee ? t('list.title') : t('list.mineTitle')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {can('social_info.submit') && <Link to="/social-info/new"><Button type="primary" icon={<PlusOutlined />} data-testid="info-new">{t('list.new')}</Button></Link>}
        {oversee && can('social_info.submit') && (
          <Select
            value={params.mine ?? 'all'} style={{ width: 130 }} data-testid="info-mine"
            onChange={(v) => update({ mine: v === 'true' ? 'true' : undefined })}
            options={[{ value: 'all', label: t('list.all') }, { value: 'true', label: t('list.mine') }]}
          />
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('list.search')} aria-label={t('list.search')}
          onSearch={(v) => update({ q: v || undefined })} style={{ width: screens.sm ? 280 : '100%' }} data-testid="info-search"
        />
        <Select
          allowClear mode="multiple" placeholder={t('list.filterState')} style={{ minWidth: 160 }} data-testid="info-filter-state"
          value={params.state ? params.state.split(',') : []}
          onChange={(v: string[]) => update({ state: v.length ? v.join(',') : undefined })}
          options={INFO_STATE_KEYS.map((s) => ({ value: s, label: stateLabel(s, t) }))}
        />
        <Select
          allowClear placeholder={t('common.year')} style={{ width: 100 }} data-testid="info-filter-year" value={params.year}
          onChange={(v?: number) => update({ year: v || undefined })}
          options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: String(y) }))}
        />
        {oversee && (
          <Select
            allowClear placeholder={t('list.source')} style={{ width: 130 }} data-testid="info-filter-source" value={params.sourceKind}
            onChange={(v?: SourceKind) => update({ sourceKind: v || undefined })}
            options={SOURCE_KIND_KEYS.map((k) => ({ value: k, label: sourceLabel(k, t) }))}
          />
        )}
        <Checkbox checked={!!params.urgent} onChange={(e) => update({ urgent: e.target.checked ? 'true' : undefined })} data-testid="info-filter-urgent">
          {t('list.urgentOnly')}
        </Checkbox>
        {oversee && (
          <a href={`/api/social-info/items.xlsx${toQueryString({ state: params.state, q: params.q, mine: params.mine, urgent: params.urgent, year: params.year, sourceKind: params.sourceKind })}`} download data-testid="info-export">
            <Button icon={<DownloadOutlined />}>{t('figures.itemsXlsx')}</Button>
          </a>
        )}
      </Space>
      {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      {!screens.md ? (
        // Phone: cards with the state and the date under each title.
        <CardList<InfoListRow>
          testId="info-cards" cardTestId="info-card" items={list.data?.items} rowKey={(r) => r.id} loading={list.isFetching} empty={t('list.empty')}
          title={(r) => <Link to={`/social-info/items/${r.id}`} data-testid="info-link">{r.title}</Link>}
          tags={(r) => <>{r.urgent && <UrgentTag t={t} />}<StateTag state={r.state} t={t} /><span>{dateOf(r.submittedAt)}</span></>}
          fields={(r) => [{ label: t('list.source'), value: r.sourceName ?? sourceLabel(r.sourceKind, t) }]}
          page={params.page} pageSize={params.pageSize} total={list.data?.total} onPage={(page) => update({ page }, false)}
        />
      ) : (
      <Table<InfoListRow>
        rowKey="id"
        size={screens.md ? 'middle' : 'small'}
        data-testid="info-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: t('list.empty') }}
        scroll={{ x: 'max-content' }}
        onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? params.pageSize }, false)}
        pagination={{
          current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0,
          showSizeChanger: !!screens.md, showTotal: screens.sm ? (n) => t('list.total', { n }) : undefined, simple: !screens.sm,
        }}
      />
      )}
    </>
  );
}
