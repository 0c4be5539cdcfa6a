import type { CSSProperties } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Collapse, Descriptions, Grid, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { AttachmentList } from '../../ui/attachment-list';
import { ErrorAlert } from '../../ui/error-alert';
import { useInfoItem, useInfoTimeline, useInfoVersions, type DiffOp, type InfoEvent, type InfoItem } from './social-info.api';
import { ItemActions } from './item-actions';
import { useSiT, type SiKey, type SiT } from './social-info-i18n';
import { StateTag, UrgentTag, issueName, stateLabel } from './social-info-labels';
import { dateOf, dateTimeOf } from '../../ui/format';

/** /social-info/items/:id: the text, the editor's changes beside the author's original, the moves the caller may make, and the whole trail. */
export default function ItemDetailPage() {
  return (
    <RequireAbility ability="social_info.read">
      <ItemDetail />
    </RequireAbility>
  );
}

function ItemDetail() {
  const t = useSiT();
  const { id = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const q = useInfoItem(id);
  if (q.error) return <ErrorAlert error={q.error} />;
  const item = q.data;
  const none = t('common.none');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/social-info"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('detail.back')}</Button></Link>
      {!item ? <Skeleton active /> : (
        <>
          <Card
            title={
              <Space size={4} wrap style={{ whiteSpace: 'normal' }}>
                {item.urgent && <UrgentTag t={t} />}
                <Typography.Text strong data-testid="info-title">{item.title}</Typography.Text>
              </Space>
            }
            extra={<StateTag state={item.state} t={t} />}
          >
            <Descriptions column={screens.lg ? 2 : 1} size="small" bordered={!!screens.md}>
              <Descriptions.Item label={t('detail.authors')}>
                <span data-testid="info-authors">{item.authors.map((a) => a.name).join('、') || none}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.source')}>{[item.sourceLabel, item.sourceName].filter(Boolean).join(' · ')}</Descriptions.Item>
              {item.origin?.demandId && (
                <Descriptions.Item label={t('detail.origin')}><Link to={`/demands/${item.origin.demandId}`} data-testid="info-origin">{t('detail.originLink')}</Link></Descriptions.Item>
              )}
              <Descriptions.Item label={t('detail.submittedAt')}>{dateTimeOf(item.dates.submittedAt)}</Descriptions.Item>
              {item.issue && (
                <Descriptions.Item label={t('detail.issue')}>
                  <Link to={`/social-info/issues/${item.issue.id}`} data-testid="info-issue">{issueName(item.issue, t)}</Link>
                </Descriptions.Item>
              )}
              {item.dates.publishedAt && <Descriptions.Item label={t('detail.publishedAt')}>{dateOf(item.dates.publishedAt)}</Descriptions.Item>}
              {item.reason && <Descriptions.Item label={t('detail.reason')}><span data-testid="info-reason">{item.reason}</span></Descriptions.Item>}
              {item.mergedIntoId && (
                <Descriptions.Item label={t('detail.mergedInto')}><Link to={`/social-info/items/${item.mergedIntoId}`} data-testid="info-merged-into">{t('detail.mergedInto')}</Link></Descriptions.Item>
              )}
            </Descriptions>
          </Card>

          <Card size="small" title={t('detail.actions')}>
            <ItemActions item={item} t={t} />
          </Card>

          <Card size="small" title={t('detail.body')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="info-body">{item.body}</Typography.Paragraph>
            {item.attachments && item.attachments.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">{t('detail.attachments')}</Typography.Text>
                <AttachmentList items={item.attachments} />
              </div>
            )}
          </Card>

          <Versions id={item.id} t={t} />
          <Forwards item={item} t={t} />
          <Trail item={item} t={t} />
        </>
      )}
    </Space>
  );
}

const DIFF_STYLE: Record<DiffOp['op'], CSSProperties> = {
  same: {},
  removed: { background: '#fff1f0', color: '#a8071a', textDecoration: 'line-through' },
  added: { background: '#f6ffed', color: '#135200' },
};

function DiffView({ ops, testId }: { ops: DiffOp[]; testId: string }) {
  return (
    <div data-testid={testId} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
      {ops.map((o, i) => (
        <div key={i} data-op={o.op} style={{ ...DIFF_STYLE[o.op], paddingInline: 4 }}>
          <span aria-hidden style={{ display: 'inline-block', width: 16, opacity: 0.6 }}>{o.op === 'added' ? '+' : o.op === 'removed' ? '−' : ''}</span>
          {o.text || '\u00a0'}
        </div>
      ))}
    </div>
  );
}

/** Versions (1 = the author's original, never changed) and the diff original → current. */
function Versions({ id, t }: { id: string; t: SiT }) {
  const q = useInfoVersions(id);
  const v = q.data;
  if (!v) return null;
  const changed = v.diff.title.some((o) => o.op !== 'same') || v.diff.body.some((o) => o.op !== 'same');
  return (
    <Card size="small" title={t('detail.diff')} data-testid="info-versions">
      {!changed ? <Typography.Text type="secondary">{t('detail.noEdits')}</Typography.Text> : (
        <>
          <DiffView ops={v.diff.title} testId="diff-title" />
          <div style={{ height: 8 }} />
          <DiffView ops={v.diff.body} testId="diff-body" />
        </>
      )}
      <Collapse
        ghost size="small" style={{ marginTop: 8 }}
        items={[{
          key: 'v', label: `${t('detail.versions')}（${v.versions.length}）`,
          children: v.versions.map((x) => (
            <div key={x.version} style={{ marginBottom: 12 }} data-testid="info-version">
              <Space wrap size={4}>
                <Tag color={x.kind === 'original' ? 'blue' : 'gold'}>{t('detail.version', { n: x.version })}</Tag>
                <span>{t(`detail.kind.${x.kind}` as SiKey)}</span>
                <Typography.Text type="secondary">{x.createdByLabel} {dateTimeOf(x.createdAt)}</Typography.Text>
                {x.note && <Typography.Text type="secondary">（{x.note}）</Typography.Text>}
              </Space>
              <Typography.Paragraph strong style={{ margin: '4px 0 0' }}>{x.title}</Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>{x.body}</Typography.Paragraph>
            </div>
          )),
        }]}
      />
    </Card>
  );
}

/** 报送 and what came of it, per destination: adoption (采用), instructions (批示, with level), follow-up. */
function Forwards({ item, t }: { item: InfoItem; t: SiT }) {
  if (item.state !== 'published' && item.forwards.length === 0) return null;
  return (
    <Card size="small" title={t('detail.forwards')} data-testid="info-forwards">
      {item.forwards.length === 0 ? <Typography.Text type="secondary">{t('detail.noForwards')}</Typography.Text> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {item.forwards.map((f) => (
            <div key={f.id} data-testid="info-forward">
              <Space wrap size={4}><Tag color="blue">{f.destination}</Tag><Typography.Text type="secondary">{f.forwardedOn}</Typography.Text></Space>
              {f.results.map((r) => (
                <div key={r.id} style={{ paddingInlineStart: 16 }} data-testid="info-result">
                  <Tag color={r.kind === 'adoption' ? 'green' : r.kind === 'instruction' ? 'red' : 'default'}>{t(`result.${r.kind}`)}</Tag>
                  {r.onDate}　
                  {r.kind === 'adoption' && (r.publication ? `《${r.publication}》` : '')}
                  {r.kind === 'instruction' && `${r.leader}（${r.level ? t(`level.${r.level}`) : ''}）`}
                  {r.text && `：${r.text}`}
                </div>
              ))}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

function eventText(e: InfoEvent, t: SiT): string {
  const p = e.payload;
  const s = (k: string) => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
  const key = `ev.${e.type}` as SiKey;
  switch (e.type) {
    case 'social_info.returned': case 'social_info.archived': return t(key, { reason: s('reason') });
    case 'social_info.published': return t(key, { periodical: s('periodicalName'), year: s('year'), number: s('number') });
    case 'social_info.forwarded': return t(key, { destinations: Array.isArray(p.destinations) ? (p.destinations as string[]).join('、') : s('destination') });
    case 'social_info.adopted': return t(key, { destination: s('destination'), publication: p.publication ? `（《${s('publication')}》）` : '' });
    case 'social_info.instructed': return t(key, { leader: s('leader'), level: p.level === 'provincial' || p.level === 'city' ? t(`level.${p.level}`) : '' });
    case 'social_info.followed_up': return t(key, { destination: s('destination'), text: s('text') });
    default: {
      const known = t(key);
      return known === key ? e.type : known;
    }
  }
}

const EVENT_COLORS: Record<string, string> = {
  'social_info.returned': 'orange', 'social_info.archived': 'gray', 'social_info.merged': 'gray', 'social_info.published': 'green',
  'social_info.adopted': 'green', 'social_info.instructed': 'red',
};

/** The trail the author sees: every step from submission to adoption and instructions. */
function Trail({ item, t }: { item: InfoItem; t: SiT }) {
  const q = useInfoTimeline(item.id);
  const events = q.data?.items ?? [];
  return (
    <Card size="small" title={t('detail.timeline')}>
      {q.error && <ErrorAlert error={q.error} />}
      <Timeline
        data-testid="info-timeline"
        items={[
          ...events.map((e) => ({ color: EVENT_COLORS[e.type] ?? 'blue', content: <span data-testid="timeline-event" data-type={e.type}>{dateOf(e.at)}　{eventText(e, t)}</span> })),
          { color: 'gray', content: t('ev.now', { state: stateLabel(item.state, t) }) },
        ]}
      />
    </Card>
  );
}
