import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api } from '../../api/client';
import type { MemberView, Page } from '../../api/types';
import { RequireAbility, useCan, useSession } from '../../app/auth';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import { SOURCE_KIND_KEYS, thisYear, useInfoSettings, useSimilarToDraft, useSubmitItem, useTopics, type SourceKind } from './social-info.api';
import { useSiT, type SiT } from './social-info-i18n';
import { StateTag, UrgentTag, countChars, sourceLabel } from './social-info-labels';
import { dateOf } from '../../ui/format';

/** /social-info/new: a member, an information officer or staff (for an organisation, sector, special committee or station) submits an item. */
export default function ItemFormPage() {
  return (
    <RequireAbility ability="social_info.submit">
      <ItemForm />
    </RequireAbility>
  );
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

interface FormValues {
  title: string; body: string; urgent: boolean; topicId?: string; memberIds?: string[]; sourceKind: SourceKind; sourceName?: string;
  attachments?: AttachmentMeta[];
}

const PERSONAL: SourceKind[] = ['member', 'officer'];

function ItemForm() {
  const t = useSiT();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const settings = useInfoSettings();
  const topics = useTopics(thisYear());
  const submit = useSubmitItem();
  const isMember = me.grants.some((g) => g.role === 'member' && g.memberId);
  // A member writes as a member or an appointed officer; staff write for a body (or name member authors).
  const kinds = isMember && !me.grants.some((g) => g.role === 'staff') ? PERSONAL : SOURCE_KIND_KEYS.filter((k) => isMember || k !== 'officer');
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const sourceKind = Form.useWatch('sourceKind', form) ?? kinds[0];
  const draftText = useDebounced(title.trim(), 500);
  const similar = useSimilarToDraft(draftText);
  const max = settings.data?.maxChars ?? 1500;
  const titleMax = settings.data?.titleMaxChars ?? 60;
  const chars = countChars(body);

  const [memberQ, setMemberQ] = useState('');
  const memberSearch = useDebounced(memberQ, 300);
  const members = useQuery({
    queryKey: ['members', 'pick', memberSearch],
    queryFn: () => api.get<Page<MemberView>>('/api/members', { q: memberSearch, pageSize: 20, status: 'active' }),
    enabled: can('org.members.read') && memberSearch.length > 0,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const memberOptions = [
    ...(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}${m.sectorName ? ` · ${m.sectorName}` : ''}` })),
    ...Object.entries(known).filter(([k]) => !members.data?.items.some((m) => m.id === k)).map(([value, label]) => ({ value, label })),
  ];

  const onFinish = async (v: FormValues) => {
    const personal = PERSONAL.includes(v.sourceKind);
    const item = await submit.mutateAsync({
      title: v.title, body: v.body, urgent: !!v.urgent, topicId: v.topicId || null, memberIds: v.memberIds ?? [],
      sourceKind: v.sourceKind, sourceName: personal ? null : v.sourceName || null,
      attachmentIds: (v.attachments ?? []).map((a) => a.id),
    });
    void message.success(t('form.done'));
    navigate(`/social-info/items/${item.id}`);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('form.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Typography.Paragraph type="secondary">{t('form.rules', { max })}</Typography.Paragraph>
            {submit.error && <ErrorAlert error={submit.error} style={{ marginBottom: 12 }} />}
            <Form<FormValues>
              form={form} layout="vertical" onFinish={(v) => void onFinish(v).catch(() => {})}
              initialValues={{ title: '', body: '', urgent: false, sourceKind: kinds[0], memberIds: [] }}
            >
              <Form.Item name="title" label={t('field.title')} rules={[{ required: true }, { min: 2 }, { max: titleMax }]}
                extra={t('field.chars', { n: countChars(title), max: titleMax })}>
                <Input maxLength={200} placeholder="关于……的情况反映" data-testid="field-title" />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="sourceKind" label={t('field.sourceKind')}>
                  <Select style={{ width: 160 }} data-testid="field-sourceKind" options={kinds.map((k) => ({ value: k, label: sourceLabel(k, t) }))} />
                </Form.Item>
                {!PERSONAL.includes(sourceKind) && (
                  <Form.Item name="sourceName" label={t('field.sourceName')} rules={[{ required: true }]} extra={t('field.sourceNameHint')}>
                    <Input maxLength={60} style={{ width: 220 }} data-testid="field-sourceName" />
                  </Form.Item>
                )}
                <Form.Item name="topicId" label={t('field.topic')}>
                  <Select allowClear style={{ width: 220 }} placeholder={t('field.topicNone')} data-testid="field-topic"
                    options={(topics.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.title }))} />
                </Form.Item>
              </Space>
              <Form.Item name="urgent" valuePropName="checked" extra={t('field.urgentHint')}>
                <Checkbox data-testid="field-urgent">{t('field.urgent')}</Checkbox>
              </Form.Item>
              {can('org.members.read') && (
                <Form.Item name="memberIds" label={t('field.coAuthors')}>
                  <Select mode="multiple" showSearch filterOption={false} onSearch={setMemberQ} placeholder={t('field.coAuthorsHint')}
                    options={memberOptions} loading={members.isFetching} data-testid="field-coAuthors"
                    onSelect={(v: string) => { const o = memberOptions.find((m) => m.value === v); if (o) setKnown((k) => ({ ...k, [v]: o.label })); }} />
                </Form.Item>
              )}
              <Form.Item
                name="body" label={t('field.body')}
                rules={[
                  { required: true, min: 10, message: t('field.required') },
                  { validator: (_, v: string | undefined) => (countChars(v ?? '') > max ? Promise.reject(new Error(t('field.overLimit', { max }))) : Promise.resolve()) },
                ]}
                extra={<CharCount n={chars} max={max} t={t} />}
              >
                <Input.TextArea rows={14} maxLength={20000} data-testid="field-body" />
              </Form.Item>
              <Form.Item name="attachments" label={t('field.attachments')}>
                <AttachmentUpload max={9} />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="info-submit">{t('form.submit')}</Button>
                <Link to="/social-info"><Button>{t('common.cancel')}</Button></Link>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('form.similarTitle')} loading={similar.isFetching && !similar.data} data-testid="similar-panel">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('form.similarHint')}</Typography.Paragraph>
            {(similar.data?.items ?? []).length === 0 || draftText.length < 4 ? (
              <Typography.Text type="secondary">{t('form.similarNone')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {similar.data!.items.map((s) => (
                  <div key={s.id} data-testid="similar-item">
                    <Link to={`/social-info/items/${s.id}`} target="_blank">{s.title}</Link>
                    <div><Space size={4} wrap>{s.urgent && <UrgentTag t={t} />}<StateTag state={s.state} t={t} /><Typography.Text type="secondary">{dateOf(s.submittedAt)}</Typography.Text></Space></div>
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** The live count against the committee's limit; red once over. */
export function CharCount({ n, max, t }: { n: number; max: number; t: SiT }) {
  return n > max
    ? <Alert type="error" showIcon title={t('field.overLimit', { max })} description={t('field.chars', { n, max })} data-testid="char-count" style={{ marginTop: 4 }} />
    : <Typography.Text type={n > max * 0.9 ? 'warning' : 'secondary'} data-testid="char-count">{t('field.chars', { n, max })}</Typography.Text>;
}
