import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCan } from '../../app/auth';
import { dateOf } from '../../ui/format';
import { ErrorAlert } from '../../ui/error-alert';
import { thisYear, useSubmitTopic, useTopics, type Topic, type TopicSource, type TopicState } from './consultation.api';
import { useCoT, type CoT } from './consultation-i18n';

const STATE_COLOR: Record<TopicState, string> = { submitted: 'processing', accepted: 'success', declined: 'default' };
export const TopicStateTag = ({ s, t }: { s: TopicState; t: CoT }) => <Tag color={STATE_COLOR[s]} data-testid="topic-state">{t(`topicState.${s}`)}</Tag>;

/** The outcome line of a topic: why it was declined, or which plan took it. */
export function outcomeOf(r: Topic, t: CoT) {
  if (r.state === 'declined' && r.declineReason) return t('topic.declineReason', { reason: r.declineReason });
  if (r.state === 'accepted') return t('topic.inPlan', { year: r.year });
  return '';
}

/** /consultation/topics: a member proposes a topic (议题征集) and follows what became of theirs. */
export default function TopicsPage() {
  const t = useCoT();
  const can = useCan();
  const year = thisYear();
  const mine = useTopics({});
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {can('consultation.topics.submit') && <TopicForm t={t} defaultYear={year} />}
      <Card size="small" title={t('topic.mine')}>
        {mine.error && <ErrorAlert error={mine.error} />}
        <Table<Topic> size="small" rowKey="id" loading={mine.isLoading} dataSource={mine.data ?? []} pagination={{ pageSize: 10, simple: true }}
          locale={{ emptyText: t('topic.none') }} data-testid="my-topics" scroll={{ x: 'max-content' }}
          columns={[
            { key: 'title', title: t('topic.name'), render: (_, r) => <Space orientation="vertical" size={0}><span>{r.title}</span><Typography.Text type="secondary">{outcomeOf(r, t)}</Typography.Text></Space> },
            { key: 'year', title: t('topic.year'), dataIndex: 'year', responsive: ['md'] },
            { key: 'state', title: t('topic.state'), render: (_, r) => <TopicStateTag s={r.state} t={t} /> },
            { key: 'date', title: t('topic.date'), render: (_, r) => dateOf(r.createdAt), responsive: ['md'] },
          ]} />
      </Card>
    </Space>
  );
}

interface Values { year: number; title: string; description?: string; sourceKind?: TopicSource; sourceName?: string }
const SOURCES: TopicSource[] = ['member', 'special_committee', 'sector', 'party_committee', 'government'];

/** The 议题征集 form; the office may record a topic for another body (source and name). */
export function TopicForm({ t, defaultYear }: { t: CoT; defaultYear: number }) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmitTopic();
  const { message } = App.useApp();
  const can = useCan();
  const office = can('consultation.topics.review');
  const kind = Form.useWatch('sourceKind', form) ?? 'member';
  const req = [{ required: true, message: t('field.required') }];
  const send = async (v: Values) => {
    await submit.mutateAsync({ ...v, description: v.description || undefined, ...(office ? {} : { sourceKind: undefined, sourceName: undefined }) });
    void message.success(t('topic.submitted'));
    form.resetFields(['title', 'description', 'sourceName']);
  };
  return (
    <Card size="small" title={t('topic.title')}>
      <Typography.Paragraph type="secondary">{t('topic.intro')}</Typography.Paragraph>
      {submit.error && <ErrorAlert error={submit.error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ year: defaultYear, sourceKind: 'member' }} onFinish={(v) => void send(v).catch(() => {})} style={{ maxWidth: 720 }}>
        <Form.Item name="year" label={t('topic.year')} rules={req}>
          <Select style={{ width: 120 }} data-testid="topic-year" options={[defaultYear - 1, defaultYear, defaultYear + 1].map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        {office && (
          <Space wrap>
            <Form.Item name="sourceKind" label={t('topic.sourceKind')}>
              <Select style={{ width: 160 }} data-testid="topic-source" options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
            </Form.Item>
            {kind !== 'member' && (
              <Form.Item name="sourceName" label={t('topic.sourceName')} rules={req}><Input placeholder={t('topic.sourceNameHint')} maxLength={60} style={{ width: 260 }} data-testid="topic-source-name" /></Form.Item>
            )}
          </Space>
        )}
        <Form.Item name="title" label={t('topic.name')} rules={[...req, { min: 4 }, { max: 120 }]}><Input maxLength={120} data-testid="topic-title" /></Form.Item>
        <Form.Item name="description" label={t('topic.description')}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={t('topic.descriptionHint')} data-testid="topic-description" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="topic-submit">{t('topic.submit')}</Button>
      </Form>
    </Card>
  );
}
