import { useState } from 'react';
import { App, Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { dateOf } from '../../ui/format';
import { ErrorAlert } from '../../ui/error-alert';
import { thisYear, useAcceptTopic, useDeclineTopic, usePlans, useTopics, type Topic, type TopicState } from './consultation.api';
import { useCoT, type CoT } from './consultation-i18n';
import { ItemFields, itemBody, type ItemValues } from './item-fields';
import { TopicForm, TopicStateTag, outcomeOf } from './topics-page';

const STATES: TopicState[] = ['submitted', 'accepted', 'declined'];

/** /consultation/inbox: the office's collected topics — accept one into the year's draft plan as an item, or decline it with a reason. */
export default function InboxPage() {
  const t = useCoT();
  const [state, setState] = useState<TopicState | undefined>('submitted');
  const [year, setYear] = useState(thisYear());
  const topics = useTopics({ year, state });
  const [accepting, setAccepting] = useState<Topic | null>(null);
  const [declining, setDeclining] = useState<Topic | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select value={year} onChange={setYear} style={{ width: 100 }} aria-label={t('common.year')} data-testid="inbox-year"
          options={[thisYear() + 1, thisYear(), thisYear() - 1].map((y) => ({ value: y, label: String(y) }))} />
        <Select value={state ?? 'all'} onChange={(v: string) => setState(v === 'all' ? undefined : (v as TopicState))} style={{ width: 140 }} aria-label={t('topic.filterState')} data-testid="inbox-state"
          options={[{ value: 'all', label: t('topic.all') }, ...STATES.map((s) => ({ value: s, label: t(`topicState.${s}`) }))]} />
      </Space>
      {topics.error && <ErrorAlert error={topics.error} />}
      <Table<Topic> size="small" rowKey="id" loading={topics.isLoading} dataSource={topics.data ?? []} pagination={{ pageSize: 20, simple: true }}
        locale={{ emptyText: t('topic.none') }} data-testid="inbox-topics" scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'title', title: t('topic.name'),
            render: (_, r) => (
              <Space orientation="vertical" size={0} style={{ maxWidth: 520 }}>
                <Typography.Text strong>{r.title}</Typography.Text>
                {r.description && <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }}>{r.description}</Typography.Text>}
                <Typography.Text type="secondary">{outcomeOf(r, t)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'source', title: t('topic.proposer'), render: (_, r) => `${t(`source.${r.sourceKind as 'member'}`)}${r.memberName || r.sourceName ? ' · ' + (r.memberName ?? r.sourceName) : ''}` },
          { key: 'date', title: t('topic.date'), render: (_, r) => dateOf(r.createdAt), responsive: ['md'] },
          { key: 'state', title: t('topic.state'), render: (_, r) => <TopicStateTag s={r.state} t={t} /> },
          {
            key: 'act', title: t('common.actions'),
            render: (_, r) => (
              <Space>
                {r.abilities.includes('accept') && <Button size="small" type="primary" onClick={() => setAccepting(r)} data-testid="topic-accept">{t('topic.accept')}</Button>}
                {r.abilities.includes('decline') && <Button size="small" danger onClick={() => setDeclining(r)} data-testid="topic-decline">{t('topic.decline')}</Button>}
              </Space>
            ),
          },
        ]} />
      <TopicForm t={t} defaultYear={thisYear()} />
      {accepting && <AcceptModal topic={accepting} t={t} onClose={() => setAccepting(null)} />}
      {declining && <DeclineModal topic={declining} t={t} onClose={() => setDeclining(null)} />}
    </Space>
  );
}

function AcceptModal({ topic, t, onClose }: { topic: Topic; t: CoT; onClose: () => void }) {
  const [form] = Form.useForm<ItemValues & { planId: string }>();
  const plans = usePlans(topic.year);
  const accept = useAcceptTopic();
  const { message } = App.useApp();
  const drafts = (plans.data ?? []).filter((p) => p.state === 'draft');
  const ok = async () => {
    const v = await form.validateFields();
    await accept.mutateAsync({ id: topic.id, body: { planId: v.planId, ...itemBody(v) } });
    void message.success(t('plan.moveDone'));
    onClose();
  };
  return (
    <Modal open title={t('topic.acceptTitle')} onCancel={onClose} onOk={() => void ok().catch(() => {})} confirmLoading={accept.isPending}
      okText={t('topic.accept')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'accept-confirm', disabled: !drafts.length } as never} width={640} destroyOnHidden>
      <Typography.Paragraph strong>{topic.title}</Typography.Paragraph>
      {accept.error && <ErrorAlert error={accept.error} style={{ marginBottom: 12 }} />}
      {plans.isSuccess && !drafts.length && <Alert type="warning" showIcon title={t('topic.noDraft')} style={{ marginBottom: 12 }} />}
      {drafts.length > 0 && (
        <Form form={form} layout="vertical" initialValues={{ planId: drafts[0].id, title: topic.title }}>
          <Form.Item name="planId" label={t('plan.versions')} rules={[{ required: true }]}>
            <Select data-testid="accept-plan" options={drafts.map((p) => ({ value: p.id, label: `${t('plan.title', { year: p.year })} ${t('plan.version', { n: p.version })}` }))} />
          </Form.Item>
          <ItemFields t={t} />
        </Form>
      )}
    </Modal>
  );
}

function DeclineModal({ topic, t, onClose }: { topic: Topic; t: CoT; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineTopic();
  const ok = async () => {
    const v = await form.validateFields();
    await decline.mutateAsync({ id: topic.id, reason: v.reason });
    onClose();
  };
  return (
    <Modal open title={t('topic.decline')} onCancel={onClose} onOk={() => void ok().catch(() => {})} confirmLoading={decline.isPending}
      okText={t('topic.decline')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'decline-confirm' } as never} destroyOnHidden>
      <Typography.Paragraph strong>{topic.title}</Typography.Paragraph>
      {decline.error && <ErrorAlert error={decline.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, min: 2, max: 500, message: t('field.required') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
