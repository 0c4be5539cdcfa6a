import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { RequireAbility } from '../../app/auth';
import { EChart, type EChartOption } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { thisYear, type SourceKind } from './social-info.api';
import { useEnumLabel } from '../../ui/enum-label';
import { useSiT, type SiKey, type SiT } from './social-info-i18n';
import { sourceLabel } from './social-info-labels';

/** GET /api/social-info/figures (src/modules/social-info/queries/figures.ts). */
interface Figures {
  year: number;
  totals: { received: number; urgent: number; published: number; issuesReleased: number; forwarded: number; adopted: number; instructed: number; returned: number; archived: number; merged: number };
  byState: { state: string; label: string; count: number }[];
  issues: { periodicalId: string; periodicalName: string; released: number; items: number }[];
  destinations: { destination: string; forwarded: number; adopted: number; instructed: number }[];
  instructionLevels: { level: string; label: string; items: number }[];
  authors: { memberId: string; name: string; sector: string | null; submitted: number; published: number; adopted: number; instructed: number }[];
  sectors: { sector: string; submitted: number; published: number; adopted: number; instructed: number }[];
  sources: { sourceKind: string; count: number }[];
  officers: { memberId: string; name: string; monthlyQuota: number; total: number; owed: number; monthsMet: number }[];
  monthly: { month: number; received: number; published: number }[];
}

/** /social-info/figures: the year's figures with charts, and the .xlsx exports. */
export default function FiguresPage() {
  return (
    <RequireAbility ability="social_info.oversee">
      <Dashboard />
    </RequireAbility>
  );
}

function Dashboard() {
  const t = useSiT();
  const [year, setYear] = useState(thisYear());
  const q = useQuery({ queryKey: ['social-info', 'figures', year], queryFn: () => api.get<Figures>('/api/social-info/figures', { year }) });
  const f = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('figures.title')}</Typography.Title>
        <Select value={year} onChange={setYear} style={{ width: 100 }} aria-label={t('common.year')} data-testid="figures-year"
          options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: String(y) }))} />
      </Space>
      <Space wrap>
        <a href={`/api/social-info/figures.xlsx?year=${year}`} download data-testid="figures-xlsx"><Button icon={<DownloadOutlined />}>{t('figures.xlsx')}</Button></a>
        <a href={`/api/social-info/authors.xlsx?year=${year}`} download data-testid="authors-xlsx"><Button icon={<DownloadOutlined />}>{t('figures.authorsXlsx')}</Button></a>
        <a href={`/api/social-info/items.xlsx?year=${year}`} download data-testid="items-xlsx"><Button icon={<DownloadOutlined />}>{t('figures.itemsXlsx')}</Button></a>
      </Space>
      {q.error && <ErrorAlert error={q.error} style={{ margin: 0 }} />}
      {f && <FiguresView f={f} t={t} />}
    </Space>
  );
}

const TOTALS: { key: keyof Figures['totals']; label: SiKey }[] = [
  { key: 'received', label: 'figures.received' }, { key: 'urgent', label: 'urgent' }, { key: 'published', label: 'figures.published' },
  { key: 'issuesReleased', label: 'figures.issues' }, { key: 'forwarded', label: 'figures.forwarded' }, { key: 'adopted', label: 'figures.adopted' },
  { key: 'instructed', label: 'figures.instructed' },
];

function FiguresView({ f, t }: { f: Figures; t: SiT }) {
  const monthLabel = useEnumLabel();
  const monthly = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 32, right: 12, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: f.monthly.map((m) => monthLabel('month', m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('figures.received'), data: f.monthly.map((m) => m.received) },
      { type: 'line', name: t('figures.published'), data: f.monthly.map((m) => m.published), smooth: true },
    ],
  }), [f, t, monthLabel]);
  const destinations = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 80, right: 12, top: 32, bottom: 24 },
    yAxis: { type: 'category', data: f.destinations.map((d) => d.destination), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('figures.forwarded'), data: f.destinations.map((d) => d.forwarded) },
      { type: 'bar', name: t('figures.adopted'), data: f.destinations.map((d) => d.adopted) },
      { type: 'bar', name: t('figures.instructed'), data: f.destinations.map((d) => d.instructed) },
    ],
  }), [f, t]);
  const pie = (data: { name: string; value: number }[]): EChartOption => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data, label: { formatter: '{b} {c}' } }],
  });
  const levels = useMemo(() => pie(f.instructionLevels.map((l) => ({ name: l.label, value: l.items }))), [f]);
  const sources = useMemo(() => pie(f.sources.map((s) => ({ name: sourceLabel(s.sourceKind as SourceKind, t), value: s.count }))), [f, t]);
  return (
    <>
      <Row gutter={[12, 12]} data-testid="figures-totals">
        {TOTALS.map((x) => (
          <Col key={x.key} xs={12} sm={8} md={6} lg={3}>
            <Card size="small"><Statistic title={t(x.label)} value={f.totals[x.key]} valueRender={(v) => <span data-testid={`total-${x.key}`}>{v}</span>} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}><Card size="small" title={t('figures.byMonth')}><EChart option={monthly} height={280} data-testid="chart-monthly" ariaLabel={t('figures.byMonth')} /></Card></Col>
        <Col xs={24} lg={10}><Card size="small" title={t('figures.byDestination')}><EChart option={destinations} height={280} data-testid="chart-destinations" ariaLabel={t('figures.byDestination')} /></Card></Col>
        <Col xs={24} md={12}><Card size="small" title={t('figures.byLevel')}><EChart option={levels} height={260} ariaLabel={t('figures.byLevel')} /></Card></Col>
        <Col xs={24} md={12}><Card size="small" title={t('figures.bySource')}><EChart option={sources} height={260} ariaLabel={t('figures.bySource')} /></Card></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('figures.byAuthor')}>
            <Table size="small" rowKey="memberId" dataSource={f.authors} pagination={{ pageSize: 10, simple: true }} scroll={{ x: 'max-content' }} data-testid="figures-authors"
              columns={[
                { key: 'name', title: t('figures.name'), dataIndex: 'name' },
                { key: 'sector', title: t('list.source'), dataIndex: 'sector', responsive: ['md'] },
                { key: 's', title: t('figures.received'), dataIndex: 'submitted' },
                { key: 'p', title: t('figures.published'), dataIndex: 'published' },
                { key: 'a', title: t('figures.adopted'), dataIndex: 'adopted' },
                { key: 'i', title: t('figures.instructed'), dataIndex: 'instructed' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('figures.bySector')}>
            <Table size="small" rowKey="sector" dataSource={f.sectors} pagination={{ pageSize: 10, simple: true }} scroll={{ x: 'max-content' }}
              columns={[
                { key: 'sector', title: t('figures.name'), dataIndex: 'sector' },
                { key: 's', title: t('figures.received'), dataIndex: 'submitted' },
                { key: 'p', title: t('figures.published'), dataIndex: 'published' },
                { key: 'a', title: t('figures.adopted'), dataIndex: 'adopted' },
                { key: 'i', title: t('figures.instructed'), dataIndex: 'instructed' },
              ]} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('figures.byOfficer')}>
            <Table size="small" rowKey="memberId" dataSource={f.officers} pagination={{ pageSize: 10, simple: true }} scroll={{ x: 'max-content' }} locale={{ emptyText: t('office.noOfficers') }}
              columns={[
                { key: 'name', title: t('figures.name'), dataIndex: 'name' },
                { key: 'q', title: t('office.quota'), dataIndex: 'monthlyQuota' },
                { key: 'total', title: t('office.total'), render: (_, o) => `${o.total}/${o.owed}` },
                { key: 'met', title: t('office.monthsMet'), dataIndex: 'monthsMet' },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
