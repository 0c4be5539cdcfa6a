import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Space, Statistic, Table } from 'antd';
import { EChart, type EChartOption } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { usePlanFigure, type PlanFigure, type PlanState, type Scope } from './consultation.api';
import type { CoT } from './consultation-i18n';

const STATES: PlanState[] = ['draft', 'chair_review', 'decided', 'issued'];

/** The plan-items figure (/api/figures/consultation/plan-items): items by form, stacked by the state of the plan in force; 本级 or 全市各级. */
export function PlanFigureCard({ year, t }: { year: number; t: CoT }) {
  const [scope, setScope] = useState<Scope>('self');
  const q = usePlanFigure(year, scope, true);
  return (
    <Card size="small" title={t('plan.figure')} data-testid="plan-figure"
      extra={<Segmented<Scope> value={scope} onChange={setScope} data-testid="figure-scope"
        options={[{ value: 'self', label: t('figure.self') }, { value: 'tree', label: t('figure.tree') }]} />}>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && <FigureView f={q.data} t={t} />}
    </Card>
  );
}

function FigureView({ f, t }: { f: PlanFigure; t: CoT }) {
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 12, top: 32, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: f.byForm.map((x) => x.form), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: STATES.map((s) => ({ type: 'bar', stack: 'items', name: t(`state.${s}`), data: f.byForm.map((x) => x.byState[s] ?? 0) })),
  }), [f, t]);
  if (!f.byForm.length) return <Empty description={t('figure.none')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={8}><Statistic title={t('figure.items')} value={f.totals.items} valueRender={(v) => <span data-testid="figure-items">{v}</span>} /></Col>
        <Col xs={8}><Statistic title={t('figure.supervisory')} value={f.totals.supervisory} /></Col>
        <Col xs={8}><Statistic title={t('figure.committees')} value={f.committees} valueRender={(v) => <span data-testid="figure-committees">{v}</span>} /></Col>
      </Row>
      <EChart option={option} height={Math.max(180, 40 * f.byForm.length + 60)} data-testid="figure-chart" ariaLabel={t('figure.byForm')} />
      {/* The same figures as a table, for screen readers and for copying. */}
      <Table size="small" rowKey="form" dataSource={f.byForm} pagination={false} scroll={{ x: 'max-content' }} data-testid="figure-table"
        columns={[
          { key: 'form', title: t('figure.form'), dataIndex: 'form' },
          { key: 'items', title: t('figure.items'), dataIndex: 'items' },
          { key: 'sup', title: t('figure.supervisory'), dataIndex: 'supervisory' },
          ...STATES.map((s) => ({ key: s, title: t(`state.${s}`), render: (_: unknown, x: PlanFigure['byForm'][number]) => x.byState[s] ?? 0, responsive: ['md' as const] })),
        ]} />
    </Space>
  );
}
