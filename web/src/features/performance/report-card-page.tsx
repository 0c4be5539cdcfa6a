import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Descriptions, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { RequireAbility, useSession } from '../../app/auth';
import { EChart, type EChartOption } from '../../ui/echart';
import { ErrorAlert } from '../../ui/error-alert';
import { reportCardFile, useReportCard, type ReportCard } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';

/**
 * 履职成绩单: /performance/report-card (a member's own) or /performance/report-card/:memberId
 * (staff and leaders; the server refuses a member another member's card). The page, a chart of
 * points by kind, and the Word and PDF downloads of the same card.
 */
export default function ReportCardPage() {
  return (
    <RequireAbility ability="performance.read">
      <ReportCardView />
    </RequireAbility>
  );
}

function ReportCardView() {
  const t = usePerfT();
  const session = useSession();
  const params = useParams();
  const memberId = params.memberId ?? session.grants.find((g) => g.role === 'member' && g.memberId)?.memberId ?? undefined;
  const [year, setYear] = useState(new Date().getFullYear());
  const { data: card, error, isPending } = useReportCard(memberId, year);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('card.title')}{card ? ` · ${card.member.name}` : ''}</Typography.Title>
      <Space wrap>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="card-year" addonBefore={t('assess.year')} />
        {memberId && (
          <>
            <Button icon={<FileWordOutlined />} href={reportCardFile(memberId, year, 'docx')} data-testid="card-docx">{t('card.docx')}</Button>
            <Button icon={<FilePdfOutlined />} href={reportCardFile(memberId, year, 'pdf')} data-testid="card-pdf">{t('card.pdf')}</Button>
          </>
        )}
      </Space>
      {error && <ErrorAlert error={error} />}
      {!memberId && <Typography.Text type="secondary">{t('card.none')}</Typography.Text>}
      {memberId && isPending && <Card loading size="small" />}
      {card && <CardBody card={card} />}
    </Space>
  );
}

function CardBody({ card }: { card: ReportCard }) {
  const t = usePerfT();
  const label = useEnumLabel();
  const kinds = card.byKind.filter((k) => k.count > 0).map((k) => ({ ...k, label: label('dutyKind', k.kind, k.label) }));
  const option = useMemo<EChartOption>(() => {
    const rows = [...kinds].reverse();
    return {
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((k) => k.label) },
      series: [{ type: 'bar', data: rows.map((k) => k.points), label: { show: true, position: 'right' }, barMaxWidth: 20 }],
    };
  }, [kinds]);
  const rankOf = (rank: number | null, size: number | null) => (rank && size ? t('card.rankOf', { rank, size }) : '—');
  const quotaRows = card.quotas.flatMap((q) => q.requirements.map((r) => ({ key: `${q.key}:${r.label}`, quota: label('quota', q.key, q.label), ...r })));
  return (
    <>
      <Card size="small" title={`${card.committee.name} · ${card.year}`} data-testid="card-summary">
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label={t('card.member')}>{card.member.name}</Descriptions.Item>
          <Descriptions.Item label={t('card.sector')}>{card.member.sectorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('card.role')}>{card.member.roleLabel}</Descriptions.Item>
          <Descriptions.Item label={t('card.points')}><b data-testid="card-points">{card.total}</b></Descriptions.Item>
          <Descriptions.Item label={t('card.grade')}>{label('grade', card.grade.key, card.grade.label)}</Descriptions.Item>
          <Descriptions.Item label={t('card.rankCommittee')}>{rankOf(card.rank.committee, card.rank.committeeSize)}</Descriptions.Item>
          {card.member.sectorName && <Descriptions.Item label={t('card.rankSector')}>{rankOf(card.rank.sector, card.rank.sectorSize)}</Descriptions.Item>}
          {card.outcome && (
            <Descriptions.Item label={t('card.outcome')}>
              {card.outcome.commended && <Tag color="gold">{t('card.commended')}</Tag>}
              {card.outcome.warned && <Tag color="red">{t('card.warned')}</Tag>}
              {card.outcome.allowanceYuan > 0 ? t('card.allowance', { n: card.outcome.allowanceYuan }) : t('card.noAllowance')}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary">
          {card.basis === 'published'
            ? t('card.basisPublished', { year: card.year, revision: card.revision ?? 1, date: card.asOf })
            : t('card.basisLive', { date: card.asOf })}
          {' · '}{card.rulesName}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('my.byKind')}>
        {kinds.length === 0 ? <Typography.Text type="secondary">{t('card.none')}</Typography.Text> : (
          <>
            <EChart option={option} height={Math.max(140, 40 + kinds.length * 30)} data-testid="card-chart" ariaLabel={kinds.map((k) => `${k.label} ${k.points}`).join('，')} />
            <Table
              size="small" pagination={false} rowKey="kind" data-testid="card-by-kind"
              dataSource={[...kinds, ...card.deductions.map((d) => ({ kind: d.kind, label: `${t('my.deductions')}：${label('dutyKind', d.kind, d.label)}`, count: d.count, points: -d.points }))]}
              columns={[
                { dataIndex: 'label', title: t('card.kind') },
                { dataIndex: 'count', title: t('card.count'), width: 70 },
                { dataIndex: 'points', title: t('standings.points'), width: 80 },
              ]}
            />
          </>
        )}
      </Card>
      {quotaRows.length > 0 && (
        <Card size="small" title={t('my.quotas')}>
          <Table
            size="small" pagination={false} rowKey="key" dataSource={quotaRows}
            columns={[
              { dataIndex: 'quota', title: t('my.quotas'), width: 110 },
              { dataIndex: 'label', title: t('card.requirement'), render: (v: string, r) => `${v}（≥ ${r.min}）` },
              { dataIndex: 'count', title: t('card.done'), width: 70 },
              { dataIndex: 'met', title: '', width: 90, render: (met: boolean, r) => (met ? <Tag color="green">{t('standings.yes')}</Tag> : <Tag>{t('card.shortBy', { n: r.shortfall })}</Tag>) },
            ]}
          />
        </Card>
      )}
    </>
  );
}
