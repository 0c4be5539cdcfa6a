import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Form, Input, List, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useActivities, useCheckIn, useStanding, type Standing } from './performance.api';
import { usePerfT } from './performance-i18n';
import { useEnumLabel, useRequirementLabel } from '../../ui/enum-label';

/** 我的履职: points so far, the breakdown by kind, quota progress, pending records, and check-in by code (phone first). */
export default function MyPerformancePage() {
  return (
    <RequireAbility ability="performance.participate">
      <MyPerformance />
    </RequireAbility>
  );
}

function MyPerformance() {
  const t = usePerfT();
  const label = useEnumLabel();
  const requirementLabel = useRequirementLabel();
  const standing = useStanding();
  const s = standing.data;
  const cappedGroups = new Set((s?.byGroup ?? []).filter((g) => g.capped).map((g) => g.key));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('my.title')}</Typography.Title>
      <CheckInCard />
      {standing.error && <ErrorAlert error={standing.error} />}
      {s && (
        <>
          <Card size="small" extra={<Link to="/performance/report-card" data-testid="my-report-card">{t('card.open')}</Link>} title={s.member.name}>
            <Row gutter={16}>
              <Col span={12}><Statistic title={`${t('my.points')}（${s.year}）`} value={s.total} valueRender={(v) => <span data-testid="my-points">{v}</span>} /></Col>
              <Col span={12}><Statistic title={t('my.grade')} value={label('grade', s.grade.key, s.grade.label)} /></Col>
            </Row>
            <Typography.Text type="secondary">{s.rules.name}</Typography.Text>
          </Card>
          <Card size="small" title={t('my.byKind')}>
            {s.atCeiling && <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="my-at-ceiling" message={t('my.atCeiling', { max: s.rules.maxTotal ?? 0 })} />}
            <Table
              size="small" pagination={false} rowKey="kind" data-testid="my-by-kind"
              dataSource={[...s.byKind.filter((k) => k.count > 0).map((k) => ({ ...k, label: label('dutyKind', k.kind, k.label) })), ...s.deductions.filter((d) => d.count > 0).map((d) => ({ kind: d.kind, label: `${t('my.deductions')}：${label('dutyKind', d.kind, d.label)}`, count: d.count, points: -d.points, group: null, capped: false }))]}
              columns={[
                {
                  dataIndex: 'label', title: '',
                  // A kind whose own cap or whose group's cap is reached: a new record of it adds nothing, and says so.
                  render: (v: string, k: { capped?: boolean; group?: string | null }) => (
                    <>{v}{(k.capped || (k.group && cappedGroups.has(k.group))) && <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="my-capped">{t('my.capped')}</Tag>}</>
                  ),
                },
                { dataIndex: 'count', title: '#', width: 50 },
                { dataIndex: 'points', title: t('standings.points'), width: 70 },
              ]}
            />
            <Table
              size="small" pagination={false} rowKey="key" data-testid="my-by-group" style={{ marginTop: 8 }}
              dataSource={s.byGroup.filter((g) => g.raw > 0)}
              columns={[
                { dataIndex: 'label', title: t('my.group') },
                {
                  title: t('standings.points'), width: 170,
                  render: (_: unknown, g: Standing['byGroup'][number]) => (
                    <>{g.points}{g.cap !== null && ` / ${g.cap}`}{g.capped && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('my.capped')}（{t('my.rawPoints', { n: g.raw })}）</Tag>}</>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('my.quotas')}>
            {s.quotas.map((q) => (
              <div key={q.key}>
                <Typography.Text strong>{label('quota', q.key, q.label)}</Typography.Text> {q.met ? <Tag color="green">{t('standings.yes')}</Tag> : <Tag>{t('standings.no')}</Tag>}
                {q.requirements.map((r) => (
                  <div key={r.label}>
                    <Typography.Text type="secondary">{requirementLabel(r)}（{Math.min(r.count, r.min)}/{r.min}）</Typography.Text>
                    <Progress percent={Math.round((Math.min(r.count, r.min) / r.min) * 100)} size="small" showInfo={false} />
                  </div>
                ))}
              </div>
            ))}
          </Card>
          <Card size="small" title={t('my.pending')} extra={<Link to="/performance/report" data-testid="my-report">{t('my.report')}</Link>}>
            <List
              size="small" data-testid="my-pending" locale={{ emptyText: t('my.noPending') }} dataSource={s.pending}
              renderItem={(r) => <List.Item>{r.occurredOn} {r.title}</List.Item>}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

function CheckInCard() {
  const t = usePerfT();
  const activities = useActivities();
  const checkIn = useCheckIn();
  const [done, setDone] = useState(false);
  const open = (activities.data?.items ?? []).filter((a) => a.status === 'open' && a.myStatus !== 'attended' && a.myStatus !== 'absent');
  return (
    <Card size="small" title={t('checkIn.title')}>
      {done && <Alert type="success" showIcon message={t('checkIn.done')} data-testid="check-in-done" style={{ marginBottom: 12 }} />}
      {checkIn.error && <ErrorAlert error={checkIn.error} />}
      {open.length === 0 && !done ? (
        <Typography.Text type="secondary">{t('checkIn.none')}</Typography.Text>
      ) : open.length > 0 && (
        <Form
          layout="vertical" initialValues={{ id: open[0].id }}
          onFinish={(v: { id: string; code: string }) => { setDone(false); checkIn.mutate(v, { onSuccess: () => setDone(true) }); }}
        >
          <Form.Item name="id" label={t('checkIn.activity')} rules={[{ required: true }]}>
            <Select data-testid="check-in-activity" options={open.map((a) => ({ value: a.id, label: a.title }))} />
          </Form.Item>
          <Form.Item name="code" label={t('checkIn.code')} extra={t('checkIn.codeHint')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('checkIn.codeHint') }]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="check-in-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={checkIn.isPending} data-testid="check-in-submit">{t('checkIn.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}
