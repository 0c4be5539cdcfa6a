import { Link } from 'react-router';
import { Badge, Button, Card, Col, Empty, List, Progress, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useSession } from '../../app/auth';
import { useI18n, type Translate } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';
import { grantLabel } from '../../ui/role-label';
import { kindLabel, useMarkSeen, useWorkbench, type WorkbenchView } from './workbench.api';

type Group = WorkbenchView['pending'][number];

/**
 * 工作台: what waits for me in every module (counts, deadlines, one click to each item), what
 * changed since my last visit, a member's quotas and a leader's figures — all from GET
 * /api/workbench, which asks each module's workbench slot.
 */
export default function HomePage() {
  const { t } = useI18n();
  const me = useSession();
  const wb = useWorkbench();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
          {t('home.greeting', { name: me.user.displayName })}
        </Typography.Title>
        <Space wrap size={[4, 4]} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="current-committee">{me.currentCommittee?.name ?? t('home.noCommittee')}</Typography.Text>
          <span data-testid="my-roles">
            {me.user.isPlatformAdmin && <Tag color="red">{t('home.platformAdmin')}</Tag>}
            {me.grants.map((g, i) => <Tag key={i} color="blue">{grantLabel(t, g)}</Tag>)}
            {!me.user.isPlatformAdmin && me.grants.length === 0 && t('home.noRoles')}
          </span>
        </Space>
      </div>
      {wb.error ? <ErrorAlert error={wb.error} /> : null}
      {wb.isLoading && <Spin />}
      {wb.data && <Workbench view={wb.data} t={t} />}
    </Space>
  );
}

function Workbench({ view, t }: { view: WorkbenchView; t: Translate }) {
  return (
    <>
      {view.figures.length > 0 && <Figures view={view} t={t} />}
      <section data-testid="workbench-pending">
        <Typography.Title level={4}>{t('workbench.pending')}</Typography.Title>
        {view.pending.length === 0
          ? <Card><Empty description={t('workbench.nothingPending')} data-testid="workbench-empty" /></Card>
          : (
            <Row gutter={[16, 16]}>
              {view.pending.map((g) => (
                <Col key={g.kind} xs={24} md={12} xl={8}><PendingCard g={g} t={t} /></Col>
              ))}
            </Row>
          )}
      </section>
      {view.progress.length > 0 && <Quotas view={view} t={t} />}
      <Changes view={view} t={t} />
    </>
  );
}

function PendingCard({ g, t }: { g: Group; t: Translate }) {
  return (
    <Card
      size="small"
      data-testid={`workbench-group-${g.kind}`}
      title={<Space><span>{kindLabel(t, 'workbench.kind', g.kind)}</span><Badge count={g.count} overflowCount={999} color={g.overdue ? 'red' : 'blue'} data-testid="workbench-count" /></Space>}
      extra={<Link to={g.link}>{t('workbench.viewAll')}</Link>}
    >
      {(g.overdue > 0 || g.nextDeadline) && (
        <Space size={[4, 4]} wrap style={{ marginBottom: 4 }}>
          {g.overdue > 0 && <Tag color="red">{t('workbench.overdue', { n: g.overdue })}</Tag>}
          {g.nextDeadline && <Tag>{t('workbench.nextDeadline', { date: g.nextDeadline })}</Tag>}
        </Space>
      )}
      <List
        size="small"
        split={false}
        dataSource={g.items}
        renderItem={(i) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Link to={i.link} data-testid="workbench-item">{i.title}</Link>
              {(i.note || i.deadline) && (
                <Space size={4} wrap>
                  {i.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.note}</Typography.Text>}
                  {i.deadline && <Tag color={i.overdue ? 'red' : undefined} style={{ fontSize: 12 }}>{t('workbench.deadline', { date: i.deadline })}</Tag>}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      {g.count > g.items.length && <Link to={g.link}>{t('workbench.more', { n: g.count - g.items.length })}</Link>}
    </Card>
  );
}

function Quotas({ view, t }: { view: WorkbenchView; t: Translate }) {
  return (
    <section data-testid="workbench-quotas">
      <Typography.Title level={4}>{t('workbench.quotas')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {view.progress.map((p, k) => (
          <Col key={k} xs={24} md={12}>
            <Card size="small" title={p.label} extra={<Space><Tag color={p.met ? 'green' : 'orange'}>{p.met ? t('workbench.quotaMet') : t('workbench.quotaShort')}</Tag><Link to={p.link}>{t('workbench.viewAll')}</Link></Space>}>
              {p.parts.map((x, i) => (
                <div key={i}>
                  <Typography.Text>{x.label}：{x.done} / {x.target}</Typography.Text>
                  <Progress percent={x.target ? Math.min(100, Math.round((x.done / x.target) * 100)) : 100} status={x.met ? 'success' : 'active'} size="small" />
                </div>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function Figures({ view, t }: { view: WorkbenchView; t: Translate }) {
  return (
    <section data-testid="workbench-figures">
      <Typography.Title level={4}>{t('workbench.figures')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {view.figures.map((f) => (
          <Col key={`${f.module}/${f.name}`} xs={24} lg={12}>
            <Card size="small" title={f.title}>
              <Row gutter={[8, 8]}>
                {f.headline.map((h) => (
                  <Col key={h.label} xs={12} sm={8}>
                    <Statistic
                      title={h.label}
                      value={h.value === null ? '—' : h.unit === '%' ? Math.round(Number(h.value) * 1000) / 10 : h.value}
                      suffix={h.unit === '%' && h.value !== null ? '%' : undefined}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function Changes({ view, t }: { view: WorkbenchView; t: Translate }) {
  const seen = useMarkSeen();
  return (
    <section data-testid="workbench-changes">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('workbench.changes')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary">{view.firstVisit ? t('workbench.firstVisit') : t('workbench.changesSince', { since: dateTimeOf(view.since) })}</Typography.Text>
          <Button size="small" onClick={() => seen.mutate()} loading={seen.isPending} data-testid="workbench-mark-seen">{t('workbench.markSeen')}</Button>
        </Space>
      </Space>
      {view.changes.length === 0
        ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('workbench.noChanges')}</Typography.Paragraph>
        : (
          <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
            {view.changes.map((c) => (
              <Col key={c.kind} xs={24} md={12}>
                <Card size="small" title={<Space>{kindLabel(t, 'workbench.kind', c.kind)}<Badge count={c.count} color="gold" /></Space>}>
                  <List
                    size="small"
                    split={false}
                    dataSource={c.items}
                    renderItem={(i) => (
                      <List.Item style={{ paddingInline: 0 }}>
                        <Space size={6} wrap>
                          <Link to={i.link} data-testid="workbench-change">{i.title}</Link>
                          {i.note && <Tag>{i.note}</Tag>}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTimeOf(i.at)}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        )}
    </section>
  );
}
