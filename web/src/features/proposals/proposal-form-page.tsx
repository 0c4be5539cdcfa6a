import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { MemberView, Page } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { useI18n, type Translate } from '../../app/i18n';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import { useCluT } from './clusters-i18n';
import { checkDraft } from './format-check';
import { FormatIssues } from './format-issues';
import { StateTag } from './proposal-labels';
import { useCreateDraft, useProposal, useProposalSettings, useSaveDraft, useSimilarToText, type DraftValues } from './proposals.api';

/** A new proposal (/proposals/new) or the draft being revised (/proposals/:id/edit). */
export default function ProposalFormPage() {
  return (
    <RequireAbility ability="proposals.propose">
      <ProposalForm />
    </RequireAbility>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** The form's values: the draft's fields and its files (sent as the whole list, attachmentIds). */
type FormValues = DraftValues & { attachments?: AttachmentMeta[] };

function ProposalForm() {
  const { t } = useI18n();
  const tc = useCluT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const existing = useProposal(id);
  const settings = useProposalSettings();
  const create = useCreateDraft();
  const save = useSaveDraft(id ?? '');
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const researchBasis = Form.useWatch('researchBasis', form) ?? '';
  const attachmentCount = (Form.useWatch('attachments', form) as AttachmentMeta[] | undefined)?.length ?? 0;
  const kind = Form.useWatch('kind', form) ?? 'individual';
  const text = useDebounced(`${title}\n${body}`.trim(), 500);
  const similar = useSimilarToText(text);
  const check = useMemo(() => (settings.data ? checkDraft({ title, body, researchBasis, attachments: attachmentCount }, settings.data) : null), [title, body, researchBasis, attachmentCount, settings.data]);

  const [memberQ, setMemberQ] = useState('');
  const memberSearch = useDebounced(memberQ, 300);
  const members = useQuery({
    queryKey: ['members', 'pick', memberSearch],
    queryFn: () => api.get<Page<MemberView>>('/api/members', { q: memberSearch, pageSize: 20, status: 'active' }),
    enabled: kind === 'joint' && memberSearch.length > 0,
  });
  const p = existing.data;
  const files = useQuery({
    queryKey: ['proposals', 'attachments', id],
    queryFn: () => api.get<{ items: AttachmentMeta[] }>(`/api/proposals/${id}/attachments`),
    enabled: !!id,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    if (p) {
      form.setFieldsValue({
        title: p.title, body: p.body, category: p.category, kind: p.kind === 'joint' ? 'joint' : 'individual', researchBasis: p.researchBasis,
        cosignerIds: p.signers.filter((s) => s.position > 1 && s.status !== 'declined').map((s) => s.memberId),
      });
      setKnown(Object.fromEntries(p.signers.map((s) => [s.memberId, s.name])));
    }
  }, [p, form]);
  useEffect(() => {
    if (files.data) form.setFieldsValue({ attachments: files.data.items });
  }, [files.data, form]);

  if (id && existing.error) return <ErrorAlert error={existing.error} />;
  if (id && !p) return <Skeleton active />;

  const onFinish = async ({ attachments, ...v }: FormValues) => {
    // The whole list: files removed here are detached (and deleted) by the save. Until a draft's
    // files have loaded the list is unknown, and none is sent (the files stay as they are).
    const filesKnown = !id || !!files.data;
    const values: DraftValues & { attachmentIds?: string[] } = {
      ...v, researchBasis: v.researchBasis || null, cosignerIds: v.kind === 'joint' ? v.cosignerIds ?? [] : [],
      ...(filesKnown ? { attachmentIds: (attachments ?? []).map((a) => a.id) } : {}),
    };
    const saved = id ? await save.mutateAsync(values) : await create.mutateAsync(values);
    if (id) void files.refetch();
    void message.success(t('proposals.saved'));
    navigate(`/proposals/${saved.id}`);
  };
  const memberOptions = [
    ...(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}${m.sectorName ? ` · ${m.sectorName}` : ''}` })),
    ...Object.entries(known).filter(([k]) => !members.data?.items.some((m) => m.id === k)).map(([value, label]) => ({ value, label })),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{id ? t('proposals.act.edit') : t('proposals.new')}</Typography.Title>
        {p && <StateTag state={p.state} t={t} />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            {(create.error || save.error) && <ErrorAlert error={create.error ?? save.error} style={{ marginBottom: 12 }} />}
            <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v).catch(() => {})} initialValues={{ kind: 'individual', title: '', body: '' }}>
              <Form.Item name="title" label={t('proposals.titleField')} rules={[{ required: true }]}
                extra={check ? t('proposals.chars', { n: check.titleChars }) : undefined}>
                <Input maxLength={200} placeholder="关于……的建议" data-testid="field-title" />
              </Form.Item>
              <Space wrap>
                <Form.Item name="kind" label={t('proposals.kind')}>
                  <Radio.Group optionType="button" data-testid="field-kind"
                    options={[{ value: 'individual', label: t('proposals.kindIndividual') }, { value: 'joint', label: t('proposals.kindJoint') }]} />
                </Form.Item>
                <Form.Item name="category" label={t('proposals.category')}>
                  <Select style={{ width: 160 }} options={(settings.data?.categories ?? []).map((c) => ({ value: c, label: c }))} data-testid="field-category" />
                </Form.Item>
              </Space>
              {kind === 'joint' && (
                <Form.Item name="cosignerIds" label={t('proposals.cosigners')}>
                  <Select mode="multiple" showSearch filterOption={false} onSearch={setMemberQ} placeholder={t('proposals.cosignersHint')}
                    options={memberOptions} loading={members.isFetching} data-testid="field-cosigners"
                    onSelect={(v: string) => { const o = memberOptions.find((m) => m.value === v); if (o) setKnown((k) => ({ ...k, [v]: o.label })); }} />
                </Form.Item>
              )}
              <Form.Item name="body" label={t('proposals.body')} extra={check ? t('proposals.chars', { n: check.bodyChars }) : undefined}>
                <Input.TextArea rows={14} maxLength={20000} placeholder={'一、基本情况\n二、问题分析\n三、具体建议'} data-testid="field-body" />
              </Form.Item>
              <Form.Item name="researchBasis" label={t('proposals.researchBasis')}>
                <Input maxLength={500} data-testid="field-research" />
              </Form.Item>
              <Form.Item name="attachments" label={tc('files.label')} extra={tc('files.hint')}>
                <AttachmentUpload max={20} />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={create.isPending || save.isPending} data-testid="proposal-save">{t('proposals.saveDraft')}</Button>
                <Link to={id ? `/proposals/${id}` : '/proposals'}><Button>{t('common.cancel')}</Button></Link>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {check && settings.data && (
              <Card size="small" title={t('proposals.formatTitle')}>
                <FormatIssues check={check} t={t} limits={settings.data} />
              </Card>
            )}
            <SimilarPanel t={t} items={similar.data?.items ?? []} loading={similar.isFetching} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function SimilarPanel({ t, items, loading }: { t: Translate; items: NonNullable<ReturnType<typeof useSimilarToText>['data']>['items']; loading: boolean }) {
  return (
    <Card size="small" title={t('proposals.similarTitle')} loading={loading && !items.length} data-testid="similar-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('proposals.similarHint')}</Typography.Paragraph>
      {items.length === 0 ? <Typography.Text type="secondary">{t('proposals.similarNone')}</Typography.Text> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((s) => (
            <div key={s.id} data-testid="similar-item">
              <Link to={`/proposals/${s.id}`} target="_blank">{s.title}</Link>
              <div>
                <Space wrap size={4}>
                  {s.numberLabel && <Tag>{s.numberLabel}</Tag>}
                  <Tag>{s.stateLabel}</Tag>
                  <Tag color={s.likelyDuplicate ? 'red' : 'default'}>{t('proposals.score', { n: s.score.toFixed(2) })}</Tag>
                  {s.likelyDuplicate && <Tag color="red">{t('proposals.likelyDuplicate')}</Tag>}
                  {s.sessionName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.sessionName}</Typography.Text>}
                </Space>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
