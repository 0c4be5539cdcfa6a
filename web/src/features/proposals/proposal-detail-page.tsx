import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { ErrorAlert } from '../../ui/error-alert';
import { ActionButtons } from './proposal-actions';
import { ReplyLetterButton } from './dashboard-download';
import { FormatIssues } from './format-issues';
import { KeyPanel } from './key-panel';
import { Countdown, StateTag } from './proposal-labels';
import { ProposalTimeline } from './proposal-timeline';
import { useProposal, useProposalSettings } from './proposals.api';
import { useReplyClassMeaning } from '../../ui/enum-label';

export default function ProposalDetailPage() {
  return (
    <RequireAbility ability="proposals.read">
      <ProposalDetail />
    </RequireAbility>
  );
}

function ProposalDetail() {
  const { t } = useI18n();
  const { id } = useParams();
  const screens = Grid.useBreakpoint();
  const q = useProposal(id);
  const settings = useProposalSettings();
  const replyClassMeaning = useReplyClassMeaning();
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const none = t('common.none');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/proposals"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('proposals.title')}</Button></Link>
      {!p ? <Skeleton active /> : (
        <>
          <Card
            title={
              <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal' }}>
                {p.fullNumber && <Typography.Text type="secondary" data-testid="proposal-number">{p.fullNumber}</Typography.Text>}
                <Typography.Text strong data-testid="proposal-title">{p.title || none}</Typography.Text>
              </Space>
            }
            extra={<StateTag state={p.state} t={t} />}
          >
            <Descriptions column={screens.lg ? 2 : 1} size="small" bordered={!!screens.md}>
              <Descriptions.Item label={t('proposals.signers')}>
                <Space wrap size={4} data-testid="proposal-signers">
                  {p.signers.map((s) => (
                    <Tag key={s.memberId} color={s.status === 'first' ? 'blue' : s.status === 'confirmed' ? 'green' : 'default'}>
                      {s.name} · {t(`proposals.signer.${s.status}` as MessageKey)}
                    </Tag>
                  ))}
                  {p.submitterName && <Tag>{p.submitterName}</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('proposals.kind')}>{p.kindLabel} · {p.occasionLabel}</Descriptions.Item>
              <Descriptions.Item label={t('proposals.category')}>{p.category}</Descriptions.Item>
              <Descriptions.Item label={t('proposals.session')}>{p.session?.name ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('proposals.researchBasis')}>{p.researchBasis ?? none}</Descriptions.Item>
              {(p.decision.label || p.decision.note) && (
                <Descriptions.Item label={t('proposals.decision')}>{[p.decision.label, p.decision.note].filter(Boolean).join('：')}</Descriptions.Item>
              )}
              {p.mergedInto && (
                <Descriptions.Item label={t('proposals.mergedInto')}>
                  <Link to={`/proposals/${p.mergedInto.id}`}>{p.mergedInto.numberLabel} {p.mergedInto.title}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>

          <Card size="small" title={t('proposals.actions')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {p.formCheck && <FormatIssues check={p.formCheck} t={t} limits={settings.data} />}
              <Space wrap>
                {p.abilities.edit && <Link to={`/proposals/${p.id}/edit`}><Button icon={<EditOutlined />} data-testid="action-edit">{t('proposals.act.edit')}</Button></Link>}
                <ActionButtons p={p} t={t} />
              </Space>
            </Space>
          </Card>

          <Card size="small" title={t('proposals.body')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="proposal-body">{p.body || none}</Typography.Paragraph>
          </Card>

          {p.merged.length > 0 && (
            <Card size="small" title={t('proposals.mergedHere')}>
              {p.merged.map((m) => (
                <div key={m.id}><Link to={`/proposals/${m.id}`}>{m.numberLabel} {m.title}</Link> <Typography.Text type="secondary">{m.signers.map((s) => s.name).join('、')}</Typography.Text></div>
              ))}
            </Card>
          )}

          <KeyPanel proposalId={p.id} />

          {p.assignments.length > 0 && (
            <Card size="small" title={t('proposals.assignments')}>
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="proposal-assignments">
                {p.assignments.map((a) => (
                  <Space key={a.id} wrap size={4}>
                    <Tag color={a.role === 'co' ? 'default' : 'blue'}>{t(`proposals.role.${a.role}` as MessageKey)}</Tag>
                    <span>{a.unitName}</span>
                    <Typography.Text type="secondary">{t('proposals.deadline')} {a.deadline}</Typography.Text>
                    {['assigned', 'objected', 'handling', 'countersigning'].includes(p.state) && a.status === 'active' && <Countdown deadline={a.deadline} t={t} />}
                    {a.objectionReason && <Tag color="volcano">{a.objectionReason}</Tag>}
                  </Space>
                ))}
              </Space>
            </Card>
          )}

          {(p.replies.length > 0 || (p.mergedInto?.replies.length ?? 0) > 0) && (
            <Card size="small" title={t('proposals.replies')} extra={<ReplyLetterButton p={p} />}>
              {[...p.replies, ...(p.mergedInto?.replies ?? [])].map((r) => (
                <Card key={r.id} type="inner" size="small" style={{ marginBottom: 8 }} data-testid="proposal-reply"
                  title={<Space wrap size={4}><span>{r.unitName}</span>{r.replyClass && <Tag color="blue" data-testid="reply-class" style={{ whiteSpace: 'normal' }}>{r.replyClass} · {replyClassMeaning({ code: r.replyClass, label: settings.data?.replyClasses.find((c) => c.code === r.replyClass)?.label })}</Tag>}<Tag>{t(`proposals.reply.${r.status}` as MessageKey)}</Tag></Space>}>
                  {r.withheld
                    ? <Typography.Paragraph type="secondary" data-testid="reply-withheld">{t('proposals.replyWithheld')}</Typography.Paragraph>
                    : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>}
                  <Typography.Text type="secondary">
                    {[r.signer && `${t('proposals.replySigner')}：${r.signer}`, r.contactPerson && `${t('proposals.contactPerson')}：${r.contactPerson}`, r.contactPhone].filter(Boolean).join('　')}
                  </Typography.Text>
                </Card>
              ))}
            </Card>
          )}

          {p.feedback.length > 0 && (
            <Card size="small" title={t('proposals.feedback')}>
              {p.feedback.map((f) => (
                <div key={`${f.memberId}-${f.round}`} data-testid="proposal-feedback">
                  <Tag color={f.rating === 'dissatisfied' ? 'red' : 'green'}>{t(`proposals.rating.${f.rating}`)}</Tag>{f.memberName} {f.remarks}
                </div>
              ))}
            </Card>
          )}

          <Card size="small" title={t('proposals.timeline')}>
            <ProposalTimeline id={p.id} state={p.state} />
          </Card>
        </>
      )}
    </Space>
  );
}

