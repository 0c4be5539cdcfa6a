import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Descriptions, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { BarChartOutlined, FileExcelOutlined } from '@ant-design/icons';
import { RequireAbility, useCan } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { resultsFile, useAssessments, usePublishAssessment, useRunAssessment } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';

/** 年度履职考核: run (a draft, re-runnable), see the summary, publish (final; the year's rules freeze). */
export default function AssessmentPage() {
  return (
    <RequireAbility ability="performance.oversee">
      <AssessmentView />
    </RequireAbility>
  );
}

function AssessmentView() {
  const t = usePerfT();
  const label = useEnumLabel();
  const can = useCan();
  const [year, setYear] = useState(new Date().getFullYear());
  const runs = useAssessments(year);
  const run = useRunAssessment();
  const publish = usePublishAssessment();
  const latest = runs.data?.items[0];
  const published = latest?.status === 'published';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('assess.title')}</Typography.Title>
      {(runs.error || run.error || publish.error) && <ErrorAlert error={runs.error ?? run.error ?? publish.error} />}
      <Space wrap>
        <span>{t('assess.year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="assess-year" />
        {can('performance.assess') && !published && (
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate(year)} data-testid="assess-run">{t('assess.run')}</Button>
        )}
        {can('performance.assess') && latest && !published && (
          <Button
            loading={publish.isPending} data-testid="assess-publish"
            onClick={() => Modal.confirm({ title: t('assess.publish'), content: t('assess.confirmPublish'), okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => publish.mutateAsync(latest.id) })}
          >
            {t('assess.publish')}
          </Button>
        )}
      </Space>
      {!latest && !runs.isPending && <Typography.Text type="secondary">{t('assess.none')}</Typography.Text>}
      {latest && (
        <Card size="small" title={<>{year} · v{latest.revision} {published ? <Tag color="green">{t('assess.published')}</Tag> : <Tag>{t('assess.draft')}</Tag>}</>} data-testid="assess-summary">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('assess.assessed')}>{latest.summary.members}</Descriptions.Item>
            <Descriptions.Item label={t('assess.share90')}>{latest.summary.atLeast90}（{(latest.summary.shareAtLeast90 * 100).toFixed(1)}%）</Descriptions.Item>
            <Descriptions.Item label={t('assess.commended')}>{latest.summary.commended}</Descriptions.Item>
            <Descriptions.Item label={t('assess.warned')}>{latest.summary.warned}</Descriptions.Item>
            {latest.summary.byGrade.map((g) => <Descriptions.Item key={g.key} label={label('grade', g.key, g.label)}>{g.count}</Descriptions.Item>)}
          </Descriptions>
          <Space wrap style={{ marginTop: 8 }}>
            <Link to={`/performance/assessment/${latest.id}/results`} data-testid="assess-results"><BarChartOutlined /> {t('results.open')}</Link>
            <Button size="small" icon={<FileExcelOutlined />} href={resultsFile(latest.id)} data-testid="assess-xlsx">{t('results.xlsx')}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
