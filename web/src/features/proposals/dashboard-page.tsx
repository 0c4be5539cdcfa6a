import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Segmented, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { Structure } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { EChart, type EChartOption } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { DownloadButton } from './dashboard-download';
import { useDashT, type DashKey, type DashT } from './dashboard-i18n';
import { chinaYear } from '../../ui/format';

/** GET /api/proposals/figures (src/modules/proposals/queries/figures.ts). */
interface Rates { onTime: number; late: number; overdue: number; pending: number; replied: number; answering: number; onTimeRate: number | null }
interface Ratings { satisfied: number; basicallySatisfied: number; dissatisfied: number; total: number; rate: number | null }
export interface ProposalFigures {
  scope: { sessionId: string | null; sessionName: string | null; year: number | null };
  totals: { received: number; filed: number; merged: number; converted: number; notFiled: number; withdrawn: number; underReview: number };
  notFiledByReason: { code: string; label: string; count: number }[];
  timeliness: Rates;
  classes: { code: string; label: string; count: number; share: number | null }[];
  satisfaction: Ratings;
  units: (Rates & Ratings & { unitId: string; name: string; lead: number; co: number; split: number })[];
  sectors: { name: string; received: number; filed: number }[];
  categories: { name: string; received: number; filed: number; replied: number }[];
  monthly: { month: string; received: number; filed: number; replied: number }[];
}

const thisYear = () => chinaYear();
const pct = (v: number | null, t: DashT) => (v === null ? t('noRate') : `${(v * 100).toFixed(1)}%`);

/** /proposals/dashboard: 提案统计 with charts, the per-unit table and the downloads (figures, book, list). */
export default function ProposalDashboardPage() {
  return (
    <RequireAbility ability="proposals.figures">
      <Dashboard />
    </RequireAbility>
  );
}

type Scope = { kind: 'session'; sessionId?: string } | { kind: 'year'; year: number };

function Dashboard() {
  const t = useDashT();
  const can = useCan();
  const [scope, setScope] = useState<Scope>({ kind: 'session' });
  const structure = useQuery({ queryKey: ['org', 'structure'], queryFn: () => api.get<Structure>('/api/org/structure'), enabled: can('org.structure.read'), staleTime: 5 * 60_000 });
  const query = scope.kind === 'year' ? { year: scope.year } : { sessionId: scope.sessionId };
  const q = useQuery({ queryKey: ['proposals', 'figures', query], queryFn: () => api.get<ProposalFigures>('/api/proposals/figures', query) });
  const f = q.data;
  const sessionId = scope.kind === 'session' ? scope.sessionId ?? f?.scope.sessionId ?? undefined : undefined;
  const sessions = structure.data?.sessions ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">{t('title')}</Typography.Title>
      <Space wrap>
        <Segmented<'session' | 'year'>
          value={scope.kind} data-testid="dashboard-scope"
          options={[{ value: 'session', label: t('scope.session') }, { value: 'year', label: t('scope.year') }]}
          onChange={(k) => setScope(k === 'year' ? { kind: 'year', year: thisYear() } : { kind: 'session' })}
        />
        {scope.kind === 'session' ? (
          <Select
            style={{ width: 260 }} aria-label={t('scope')} data-testid="dashboard-session" value={sessionId} placeholder={f?.scope.sessionName ?? t('scope.session')}
            onChange={(v) => setScope({ kind: 'session', sessionId: v })} options={sessions.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : (
          <Select
            style={{ width: 110 }} aria-label={t('scope')} data-testid="dashboard-year" value={scope.year}
            onChange={(year) => setScope({ kind: 'year', year })} options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: String(y) }))}
          />
        )}
      </Space>
      <Space wrap>
        <DownloadButton url="/api/proposals/figures.xlsx" query={query} label={t('download.figures')} testId="download-figures" />
        <DownloadButton url="/api/proposals/export.xlsx" query={{ sessionId }} label={t('download.list')} testId="download-list" />
        {can('proposals.book') && sessionId && (
          <>
            <DownloadButton url="/api/proposals/book.docx" query={{ sessionId }} label={t('download.book')} testId="download-book" />
            <DownloadButton url="/api/proposals/book.docx" query={{ sessionId, withReplies: 'true' }} label={t('download.bookReplies')} testId="download-book-replies" />
          </>
        )}
      </Space>
      {q.error && <ErrorAlert error={q.error} style={{ margin: 0 }} />}
      {f && (f.totals.received ? <FiguresView f={f} t={t} /> : <Empty description={t('empty')} />)}
    </Space>
  );
}

const TOTALS: { key: keyof ProposalFigures['totals']; label: DashKey }[] = [
  { key: 'received', label: 'received' }, { key: 'filed', label: 'filed' }, { key: 'merged', label: 'merged' },
  { key: 'converted', label: 'converted' }, { key: 'notFiled', label: 'notFiled' }, { key: 'underReview', label: 'underReview' },
];

function pie(data: { name: string; value: number }[]): EChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data, label: { formatter: '{b} {c}' } }],
  };
}

function bars(names: string[], series: { name: string; data: number[] }[], opts: { horizontal?: boolean } = {}): EChartOption {
  const cat = { type: 'category' as const, data: names, ...(opts.horizontal ? { inverse: true } : {}) };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: opts.horizontal ? 110 : 36, right: 12, top: 32, bottom: 24, containLabel: false },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? cat : val,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
  };
}

function FiguresView({ f, t }: { f: ProposalFigures; t: DashT }) {
  const monthly = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 36, right: 12, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: f.monthly.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('monthly.received'), data: f.monthly.map((m) => m.received) },
      { type: 'bar', name: t('monthly.filed'), data: f.monthly.map((m) => m.filed) },
      { type: 'line', name: t('monthly.replied'), data: f.monthly.map((m) => m.replied), smooth: true },
    ],
  }), [f, t]);
  // Short names on the chart (A类); the scheme's wording is in the tooltip.
  const classes = useMemo<EChartOption>(() => ({
    ...pie(f.classes.map((c) => ({ name: t('classMark', { code: c.code }), value: c.count }))),
    tooltip: { trigger: 'item', formatter: (x: unknown) => {
      const d = x as { dataIndex: number; value: number; percent: number };
      const c = f.classes[d.dataIndex];
      return `${t('classMark', { code: c.code })}（${c.label}）：${d.value}（${d.percent}%）`;
    } },
  }), [f, t]);
  const ratings = useMemo(() => pie([
    { name: t('rating.satisfied'), value: f.satisfaction.satisfied },
    { name: t('rating.basicallySatisfied'), value: f.satisfaction.basicallySatisfied },
    { name: t('rating.dissatisfied'), value: f.satisfaction.dissatisfied },
  ]), [f, t]);
  const categories = useMemo(() => bars(f.categories.map((c) => c.name), [
    { name: t('received'), data: f.categories.map((c) => c.received) },
    { name: t('filed'), data: f.categories.map((c) => c.filed) },
    { name: t('monthly.replied'), data: f.categories.map((c) => c.replied) },
  ]), [f, t]);
  const sectors = useMemo(() => bars(f.sectors.map((s) => s.name), [
    { name: t('received'), data: f.sectors.map((s) => s.received) },
    { name: t('filed'), data: f.sectors.map((s) => s.filed) },
  ], { horizontal: true }), [f, t]);
  const reasons = useMemo(() => bars(f.notFiledByReason.map((r) => r.label), [{ name: t('notFiled'), data: f.notFiledByReason.map((r) => r.count) }], { horizontal: true }), [f, t]);

  const unitColumns: TableColumnsType<ProposalFigures['units'][number]> = [
    { key: 'name', title: t('unit.name'), dataIndex: 'name', fixed: 'left' },
    { key: 'lead', title: t('unit.lead'), dataIndex: 'lead', sorter: (a, b) => a.lead - b.lead },
    { key: 'co', title: t('unit.co'), dataIndex: 'co', responsive: ['md'] },
    { key: 'split', title: t('unit.split'), dataIndex: 'split', responsive: ['lg'] },
    { key: 'replied', title: t('unit.replied'), dataIndex: 'replied' },
    { key: 'onTime', title: t('unit.onTime'), dataIndex: 'onTime', responsive: ['md'] },
    { key: 'late', title: t('unit.late'), dataIndex: 'late', responsive: ['lg'] },
    { key: 'overdue', title: t('unit.overdue'), dataIndex: 'overdue', sorter: (a, b) => a.overdue - b.overdue },
    { key: 'pending', title: t('unit.pending'), dataIndex: 'pending', responsive: ['lg'] },
    { key: 'onTimeRate', title: t('unit.onTimeRate'), render: (_, u) => pct(u.onTimeRate, t), sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1) },
    { key: 'rate', title: t('unit.rate'), render: (_, u) => pct(u.rate, t), sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1) },
  ];
  const due = f.timeliness.onTime + f.timeliness.late + f.timeliness.overdue;
  return (
    <>
      <Row gutter={[12, 12]} data-testid="dashboard-kpis">
        {TOTALS.map((x) => (
          <Col key={x.key} xs={12} sm={8} md={6} lg={3}>
            <Card size="small"><Statistic title={t(x.label)} value={f.totals[x.key]} valueRender={(v) => <span data-testid={`kpi-${x.key}`}>{v}</span>} /></Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={6} lg={3}>
          <Card size="small">
            <Statistic title={t('onTimeRate')} value={pct(f.timeliness.onTimeRate, t)} valueRender={(v) => <span data-testid="kpi-onTimeRate">{v}</span>} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rateHint', { onTime: f.timeliness.onTime, due })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} sm={8} md={6} lg={3}>
          <Card size="small">
            <Statistic title={t('satisfactionRate')} value={pct(f.satisfaction.rate, t)} valueRender={(v) => <span data-testid="kpi-satisfaction">{v}</span>} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('satisfactionHint', { n: f.satisfaction.satisfied + f.satisfaction.basicallySatisfied, total: f.satisfaction.total })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}><Card size="small" title={t('monthly')}><EChart option={monthly} height={280} data-testid="chart-monthly" ariaLabel={t('monthly')} /></Card></Col>
        <Col xs={24} md={12} lg={6}><Card size="small" title={t('classes')}><EChart option={classes} height={280} data-testid="chart-classes" ariaLabel={t('classes')} /></Card></Col>
        <Col xs={24} md={12} lg={6}><Card size="small" title={t('satisfaction')}><EChart option={ratings} height={280} data-testid="chart-satisfaction" ariaLabel={t('satisfaction')} /></Card></Col>
        <Col xs={24} lg={12}><Card size="small" title={t('categories')}><EChart option={categories} height={280} data-testid="chart-categories" ariaLabel={t('categories')} /></Card></Col>
        <Col xs={24} lg={12}><Card size="small" title={t('sectors')}><EChart option={sectors} height={Math.max(200, 28 * f.sectors.length + 60)} ariaLabel={t('sectors')} /></Card></Col>
        {f.notFiledByReason.length > 0 && (
          <Col xs={24} lg={12}><Card size="small" title={t('reasons')}><EChart option={reasons} height={Math.max(160, 28 * f.notFiledByReason.length + 60)} ariaLabel={t('reasons')} /></Card></Col>
        )}
      </Row>
      <Card size="small" title={t('units')}>
        <Table
          size="small" rowKey="unitId" dataSource={f.units} columns={unitColumns} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="dashboard-units"
        />
      </Card>
    </>
  );
}
