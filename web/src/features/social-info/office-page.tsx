import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { MemberView, Page } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useDebounced } from './item-form-page';
import {
  thisYear, useAppointOfficer, useInfoSettings, useOfficers, usePublishTopic, useSaveSettings, useTopics, type InfoSettings, type OfficerProgress,
} from './social-info.api';
import { useSiT, type SiT } from './social-info-i18n';

/** /social-info/office: the information office's desk — officers and their monthly quota, topics of the season, settings. */
export default function OfficePage() {
  return (
    <RequireAbility ability="social_info.edit">
      <Office />
    </RequireAbility>
  );
}

function Office() {
  const t = useSiT();
  const [year, setYear] = useState(thisYear());
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('office.title')}</Typography.Title>
        <Select value={year} onChange={setYear} style={{ width: 100 }} aria-label={t('common.year')} data-testid="office-year"
          options={[thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({ value: y, label: String(y) }))} />
      </Space>
      <Tabs
        items={[
          { key: 'officers', label: t('office.officers'), children: <Officers year={year} t={t} /> },
          { key: 'topics', label: t('office.topics'), children: <Topics year={year} t={t} /> },
          { key: 'settings', label: t('office.settings'), children: <Settings t={t} /> },
        ]}
      />
    </Space>
  );
}

type Officer = OfficerProgress['officers'][number];

function Officers({ year, t }: { year: number; t: SiT }) {
  const q = useOfficers(year);
  const appoint = useAppointOfficer();
  const settings = useInfoSettings();
  const [form] = Form.useForm<{ memberId: string; monthlyQuota?: number }>();
  const [memberQ, setMemberQ] = useState('');
  const search = useDebounced(memberQ, 300);
  const members = useQuery({
    queryKey: ['members', 'pick', search],
    queryFn: () => api.get<Page<MemberView>>('/api/members', { q: search, pageSize: 20, status: 'active' }),
    enabled: search.length > 0,
  });
  // Months of the year that have passed (all twelve for a past year).
  const monthsSoFar = year < thisYear() ? 12 : year > thisYear() ? 0 : new Date().getMonth() + 1;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('office.appoint')}>
        {appoint.error && <ErrorAlert error={appoint.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="inline" onFinish={(v) => appoint.mutate({ year, memberId: v.memberId, monthlyQuota: v.monthlyQuota ?? undefined }, { onSuccess: () => form.resetFields() })}>
          <Form.Item name="memberId" rules={[{ required: true, message: t('field.required') }]}>
            <Select showSearch filterOption={false} onSearch={setMemberQ} placeholder={t('office.member')} style={{ width: 220 }} data-testid="officer-member"
              loading={members.isFetching} options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}${m.sectorName ? ` · ${m.sectorName}` : ''}` }))} />
          </Form.Item>
          <Form.Item name="monthlyQuota">
            <InputNumber min={0} max={31} placeholder={`${t('office.quota')} ${settings.data?.defaultMonthlyQuota ?? 1}`} style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={appoint.isPending} data-testid="officer-appoint">{t('office.appoint')}</Button>
        </Form>
      </Card>
      {q.error && <ErrorAlert error={q.error} style={{ margin: 0 }} />}
      <Table<Officer>
        rowKey="memberId" size="small" data-testid="officer-table" dataSource={q.data?.officers ?? []} loading={q.isFetching}
        pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('office.noOfficers') }}
        columns={[
          { key: 'name', title: t('office.member'), dataIndex: 'name', fixed: 'left' },
          { key: 'quota', title: t('office.quota'), dataIndex: 'monthlyQuota', width: 80 },
          { key: 'total', title: t('office.total'), dataIndex: 'total', width: 80 },
          {
            key: 'progress', title: t('office.progress'), width: 180,
            render: (_, o) => {
              const due = o.monthlyQuota * monthsSoFar;
              return <Progress percent={due ? Math.min(100, Math.round((o.total / due) * 100)) : 100} size="small" format={() => `${o.total}/${due}`} />;
            },
          },
          { key: 'met', title: t('office.monthsMet'), width: 90, render: (_, o) => `${o.monthsMet}/${monthsSoFar}` },
          ...Array.from({ length: 12 }, (_, m) => ({
            key: `m${m}`, title: `${m + 1}`, width: 36, responsive: ['lg' as const],
            render: (_: unknown, o: Officer) => (m < monthsSoFar ? <Tag color={o.months[m] >= o.monthlyQuota ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>{o.months[m]}</Tag> : o.months[m] || ''),
          })),
        ]}
      />
    </Space>
  );
}

function Topics({ year, t }: { year: number; t: SiT }) {
  const q = useTopics(year);
  const publish = usePublishTopic();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('office.publishTopic')}>
        {publish.error && <ErrorAlert error={publish.error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => publish.mutate({ year, title: v.title, description: v.description ?? '' }, { onSuccess: () => form.resetFields() })}>
          <Form.Item name="title" label={t('office.topicTitle')} rules={[{ required: true }, { min: 2 }]}>
            <Input maxLength={100} data-testid="topic-title" />
          </Form.Item>
          <Form.Item name="description" label={t('office.topicDescription')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="topic-publish">{t('office.publishTopic')}</Button>
        </Form>
      </Card>
      <List
        size="small" bordered data-testid="topic-list" dataSource={q.data?.items ?? []} loading={q.isFetching} locale={{ emptyText: t('office.noTopics') }}
        renderItem={(x) => (
          <List.Item key={x.id}>
            <List.Item.Meta title={x.title} description={x.description || undefined} />
          </List.Item>
        )}
      />
    </Space>
  );
}

function Settings({ t }: { t: SiT }) {
  const q = useInfoSettings();
  const save = useSaveSettings();
  const { message } = App.useApp();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      {save.error && <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />}
      <Form<InfoSettings> layout="vertical" initialValues={q.data} onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('office.saved')) })}>
        <Space wrap>
          <Form.Item name="maxChars" label={t('office.maxChars')} rules={[{ required: true }]}><InputNumber min={100} max={20000} data-testid="settings-maxChars" /></Form.Item>
          <Form.Item name="titleMaxChars" label={t('office.titleMaxChars')} rules={[{ required: true }]}><InputNumber min={10} max={200} /></Form.Item>
          <Form.Item name="defaultMonthlyQuota" label={t('office.defaultQuota')} rules={[{ required: true }]}><InputNumber min={0} max={31} /></Form.Item>
          <Form.Item name="similarThreshold" label={t('office.threshold')} rules={[{ required: true }]}><InputNumber min={0.01} max={1} step={0.05} /></Form.Item>
        </Space>
        <Form.Item name="destinations" label={t('office.destinations')} extra={t('office.destinationsHint')} rules={[{ required: true }]}>
          <Select mode="tags" data-testid="settings-destinations" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
