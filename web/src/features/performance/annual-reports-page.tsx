import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Drawer, Grid, Input, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { AttachmentList } from '../../ui/attachment-list';
import { ErrorAlert } from '../../ui/error-alert';
import { annualReportsFile, reportYears, useAnnualReportStatus, useMemberAnnualReport, when } from './annual-report.api';
import { usePerfT } from './performance-i18n';

type Row = { memberId: string; name: string; submitted: boolean; submittedAt: string | null; updatedAt: string | null };
type Filter = 'all' | 'submitted' | 'missing';

/** 常委述职情况 for staff and leaders: who of the standing committee has submitted the year's report, and each report with its files. */
export default function AnnualReportsPage() {
  return (
    <RequireAbility ability="performance.oversee">
      <AnnualReports />
    </RequireAbility>
  );
}

function AnnualReports() {
  const t = usePerfT();
  const years = reportYears();
  const [year, setYear] = useState(years[0]);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, isFetching } = useAnnualReportStatus(year);
  const rows = useMemo<Row[]>(() => {
    if (!data) return [];
    const all: Row[] = [
      ...data.submitted.map((r) => ({ memberId: r.memberId, name: r.name, submitted: true, submittedAt: r.submittedAt, updatedAt: r.updatedAt })),
      ...data.missing.map((r) => ({ memberId: r.memberId, name: r.name, submitted: false, submittedAt: null, updatedAt: null })),
    ];
    const q = search.trim();
    return all.filter((r) => (filter === 'all' || (filter === 'submitted') === r.submitted) && (!q || r.name.includes(q)));
  }, [data, filter, search]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('annuals.title')}</Typography.Title>
      {error && <ErrorAlert error={error} />}
      <Space wrap>
        <Select
          value={year} onChange={(y) => { setYear(y); setOpen(null); }} style={{ width: 140 }} data-testid="annuals-year"
          options={[...years, years[1] - 1].map((y) => ({ value: y, label: t('annual.yearOption', { year: y }) }))}
        />
        {data && <Tag color={data.counts.submitted === data.counts.expected ? 'green' : 'orange'} data-testid="annuals-counts">{t('annuals.summary', data.counts)}</Tag>}
        <Segmented<Filter>
          value={filter} onChange={setFilter} data-testid="annuals-filter"
          options={[
            { value: 'all', label: t('annuals.all') },
            { value: 'submitted', label: `${t('annual.submitted')} ${data?.counts.submitted ?? ''}` },
            { value: 'missing', label: `${t('annual.notSubmitted')} ${data ? data.counts.expected - data.counts.submitted : ''}` },
          ]}
        />
        <Input.Search allowClear placeholder={t('annuals.search')} style={{ width: 180 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} data-testid="annuals-search" />
        <Button icon={<DownloadOutlined />} href={annualReportsFile(year)} data-testid="annuals-xlsx">{t('annuals.xlsx')}</Button>
      </Space>
      <Table<Row>
        rowKey="memberId" size="small" loading={isFetching} dataSource={rows} data-testid="annuals-table" scroll={{ x: 560 }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { dataIndex: 'name', title: t('act.member') },
          {
            dataIndex: 'submitted', title: t('annuals.status'), width: 100,
            render: (s: boolean) => (s ? <Tag color="green">{t('annual.submitted')}</Tag> : <Tag color="orange">{t('annual.notSubmitted')}</Tag>),
          },
          { dataIndex: 'submittedAt', title: t('annuals.firstAt'), render: (v: string | null) => (v ? when(v) : '—') },
          { dataIndex: 'updatedAt', title: t('annuals.lastAt'), render: (v: string | null) => (v ? when(v) : '—') },
          {
            key: 'open', width: 80,
            render: (_: unknown, r: Row) => r.submitted && <Button type="link" size="small" onClick={() => setOpen(r.memberId)} data-testid="annuals-open">{t('annuals.open')}</Button>,
          },
        ]}
      />
      <ReportDrawer memberId={open} year={year} onClose={() => setOpen(null)} />
    </Space>
  );
}

function ReportDrawer({ memberId, year, onClose }: { memberId: string | null; year: number; onClose(): void }) {
  const t = usePerfT();
  const wide = !!Grid.useBreakpoint().md;
  const { data, error, isPending } = useMemberAnnualReport(memberId, year);
  const r = data?.report;
  return (
    <Drawer open={!!memberId} onClose={onClose} size={wide ? 720 : '100%'} title={data ? `${data.member.name} · ${t('annual.yearOption', { year })}` : t('annual.title')}>
      <div data-testid="annual-report-view">
        {error && <ErrorAlert error={error} />}
        {memberId && isPending && <Spin />}
        {data && !r && <Typography.Text type="secondary">{t('annuals.noReport')}</Typography.Text>}
        {r && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={1}>
              {data.member.sectorName && <Descriptions.Item label={t('standings.sector')}>{data.member.sectorName}</Descriptions.Item>}
              <Descriptions.Item label={t('annuals.firstAt')}>{when(r.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('annuals.lastAt')}>{when(r.updatedAt)}</Descriptions.Item>
            </Descriptions>
            <Card size="small" title={t('annual.body')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="annual-report-body">{r.body}</Typography.Paragraph>
            </Card>
            <Card size="small" title={t('annuals.files')}>
              <AttachmentList items={r.files} />
              {r.attachments.length > 0 && (
                <ul style={{ marginTop: 8, marginBottom: 0 }}>
                  {r.attachments.map((a) => <li key={a.name + (a.url ?? '')}>{a.url ? <a href={a.url} target="_blank" rel="noopener noreferrer">{a.name}</a> : a.name}</li>)}
                </ul>
              )}
            </Card>
          </Space>
        )}
      </div>
    </Drawer>
  );
}
