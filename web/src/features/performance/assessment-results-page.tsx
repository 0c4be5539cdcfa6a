import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { EChart, type EChartOption } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { resultsFile, useAssessment, type AssessmentDetail, type AssessmentResult } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';

/** One assessment run with charts — grade distribution, mean points by sector, quota completion — the member list and the Excel download. */
export default function AssessmentResultsPage() {
  return (
    <RequireAbility ability="performance.oversee">
      <Results />
    </RequireAbility>
  );
}

function Results() {
  const t = usePerfT();
  const label = useEnumLabel();
  const { id = '' } = useParams();
  const { data, error, isPending } = useAssessment(id);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('results.title')}{data ? ` · ${data.year} · v${data.revision}` : ''}
        {data && <Tag style={{ marginLeft: 8 }} color={data.status === 'published' ? 'green' : undefined}>{data.status === 'published' ? t('assess.published') : t('assess.draft')}</Tag>}
      </Typography.Title>
      {error && <ErrorAlert error={error} />}
      {isPending && <Card loading size="small" />}
      {data && (
        <>
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={resultsFile(data.id)} data-testid="results-xlsx">{t('results.xlsx')}</Button>
            <Link to="/performance/assessment">{t('assess.title')}</Link>
          </Space>
          <Charts a={data} />
          <Card size="small" title={t('results.list')}>
            <Table<AssessmentResult>
              rowKey="memberId" size="small" dataSource={data.results} scroll={{ x: 720 }} pagination={{ pageSize: 50, showSizeChanger: false }} data-testid="results-table"
              columns={[
                { dataIndex: 'rank', title: t('standings.rank'), width: 70 },
                { dataIndex: 'name', title: t('act.member'), render: (v: string, r) => <Link to={`/performance/report-card/${r.memberId}`}>{v}</Link> },
                { dataIndex: 'sectorName', title: t('standings.sector') },
                { dataIndex: 'points', title: t('standings.points'), width: 80 },
                { dataIndex: 'gradeLabel', title: t('my.grade'), width: 80, render: (v: string, r) => label('grade', r.grade, v) },
                { dataIndex: 'quotasMet', title: t('standings.quotas'), width: 90, render: (m: boolean) => (m ? <Tag color="green">{t('standings.yes')}</Tag> : <Tag>{t('standings.no')}</Tag>) },
                {
                  title: '', width: 170,
                  render: (_: unknown, r) => (
                    <>
                      {r.commended && <Tag color="gold">{t('card.commended')}</Tag>}
                      {r.warned && <Tag color="red">{t('card.warned')}</Tag>}
                      {r.allowanceYuan > 0 && <Tag>¥{r.allowanceYuan}</Tag>}
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

function Charts({ a }: { a: AssessmentDetail }) {
  const t = usePerfT();
  const label = useEnumLabel();
  const charts = useMemo(() => {
    const grades: EChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b} {c}' }, data: a.summary.byGrade.map((g) => ({ name: label('grade', g.key, g.label), value: g.count })) }],
    };
    const sectors = new Map<string, { sum: number; n: number }>();
    for (const r of a.results) {
      const key = r.sectorName ?? t('results.noSector');
      const s = sectors.get(key) ?? { sum: 0, n: 0 };
      s.sum += r.points;
      s.n += 1;
      sectors.set(key, s);
    }
    const bySector = [...sectors.entries()].map(([name, s]) => ({ name, mean: Math.round((s.sum / s.n) * 10) / 10, n: s.n })).sort((x, y) => x.mean - y.mean);
    const sector: EChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: bySector.map((s) => `${s.name}（${s.n}）`) },
      series: [{ type: 'bar', data: bySector.map((s) => s.mean), label: { show: true, position: 'right' }, barMaxWidth: 18 }],
    };
    const met = a.results.filter((r) => r.quotasMet).length;
    const short = new Map<string, number>();
    for (const r of a.results) for (const s of r.quotaShortfalls) short.set(`${s.quota}·${s.requirement}`, (short.get(`${s.quota}·${s.requirement}`) ?? 0) + 1);
    const shortages = [...short.entries()].sort((x, y) => x[1] - y[1]);
    const quotas: EChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      title: { text: `${t('results.met')} ${met} / ${a.results.length}`, textStyle: { fontSize: 13 } },
      xAxis: { type: 'value', name: t('results.members') },
      yAxis: { type: 'category', data: shortages.map(([k]) => k) },
      series: [{ type: 'bar', data: shortages.map(([, n]) => n), label: { show: true, position: 'right' }, itemStyle: { color: '#fa8c16' }, barMaxWidth: 18 }],
    };
    return { grades, sector, quotas, sectorCount: bySector.length, shortageCount: shortages.length };
  }, [a, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('results.grades')}>
          <EChart option={charts.grades} height={260} data-testid="chart-grades" ariaLabel={a.summary.byGrade.map((g) => `${label('grade', g.key, g.label)} ${g.count}`).join('，')} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('results.bySector')}>
          <EChart option={charts.sector} height={Math.max(220, 30 + charts.sectorCount * 28)} data-testid="chart-sectors" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('results.quotas')} extra={<Typography.Text type="secondary">{t('results.shortages')}</Typography.Text>}>
          <EChart option={charts.quotas} height={Math.max(220, 50 + charts.shortageCount * 28)} data-testid="chart-quotas" />
        </Card>
      </Col>
    </Row>
  );
}
