import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Form, Grid, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RequireAbility, useCan } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { thisYear, useCreateIssue, useCreatePeriodical, useIssues, usePeriodicals, type InfoIssue } from './social-info.api';
import { useSiT, type SiT } from './social-info-i18n';
import { IssueStatusTag } from './social-info-labels';
import { dateOf } from '../../ui/format';

/** /social-info/issues: the periodicals' issues of a year; the info office starts issues and adds periodicals. */
export default function IssueListPage() {
  return (
    <RequireAbility ability="social_info.oversee">
      <Issues />
    </RequireAbility>
  );
}

function Issues() {
  const t = useSiT();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const [year, setYear] = useState(thisYear());
  const [periodicalId, setPeriodicalId] = useState<string | undefined>();
  const issues = useIssues(year);
  const periodicals = usePeriodicals();
  const [creating, setCreating] = useState(false);
  const [addingPeriodical, setAddingPeriodical] = useState(false);
  const editor = can('social_info.edit');
  const rows = (issues.data?.items ?? []).filter((i) => !periodicalId || i.periodicalId === periodicalId);
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('issues.title')}</Typography.Title>
      <Space wrap>
        {editor && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="issue-new">{t('issues.new')}</Button>}
        {editor && <Button onClick={() => setAddingPeriodical(true)} data-testid="periodical-new">{t('issues.addPeriodical')}</Button>}
        <Select value={year} onChange={setYear} style={{ width: 110 }} aria-label={t('issues.year')} data-testid="issue-year"
          options={years.map((y) => ({ value: y, label: String(y) }))} />
        <Select allowClear value={periodicalId} onChange={setPeriodicalId} style={{ width: 180 }} placeholder={t('issues.periodical')} data-testid="issue-periodical"
          options={(periodicals.data?.items ?? []).map((p) => ({ value: p.id, label: `《${p.name}》` }))} />
      </Space>
      {issues.error && <ErrorAlert error={issues.error} style={{ margin: 0 }} />}
      {editor && periodicals.data && periodicals.data.items.length === 0 && <Typography.Text type="warning">{t('issues.noPeriodical')}</Typography.Text>}
      <Card size="small">
        <Table<InfoIssue>
          rowKey="id" size={screens.md ? 'middle' : 'small'} data-testid="issue-table" dataSource={rows} loading={issues.isFetching}
          pagination={false} locale={{ emptyText: t('issues.none') }} scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('issues.periodical'), render: (_, i) => <Link to={`/social-info/issues/${i.id}`} data-testid="issue-link">《{i.periodicalName}》{i.title ? ` ${i.title}` : ''}</Link> },
            { key: 'number', title: t('issues.number'), width: 120, render: (_, i) => (i.number ? `${i.year} ${t('issue.number', { n: i.number })}` : t('issue.unnumbered')) },
            { key: 'status', title: t('issues.status'), width: 100, render: (_, i) => <IssueStatusTag status={i.status} t={t} /> },
            { key: 'signed', title: t('issues.signedBy'), responsive: ['md'], render: (_, i) => i.signedByLabel ?? '' },
            { key: 'released', title: t('issues.releasedAt'), responsive: ['sm'], render: (_, i) => dateOf(i.releasedAt) },
          ]}
        />
      </Card>
      {creating && <NewIssue t={t} year={year} onClose={() => setCreating(false)} />}
      {addingPeriodical && <NewPeriodical t={t} onClose={() => setAddingPeriodical(false)} />}
    </Space>
  );
}

function NewIssue({ t, year, onClose }: { t: SiT; year: number; onClose: () => void }) {
  const [form] = Form.useForm<{ periodicalId: string; year: number; title?: string }>();
  const periodicals = usePeriodicals();
  const create = useCreateIssue();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const first = periodicals.data?.items[0]?.id;
  const submit = async () => {
    const v = await form.validateFields();
    const issue = await create.mutateAsync({ ...v, title: v.title ?? '' });
    void message.success(t('issues.created'));
    navigate(`/social-info/issues/${issue.id}`);
  };
  return (
    <Modal open title={t('issues.new')} onCancel={onClose} onOk={() => void submit().catch(() => {})} confirmLoading={create.isPending}
      okText={t('issues.new')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'issue-create-confirm' } as never} destroyOnHidden>
      {create.error && <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year, periodicalId: first }} key={first ?? 'none'}>
        <Form.Item name="periodicalId" label={t('issues.periodical')} rules={[{ required: true, message: t('issues.noPeriodical') }]}>
          <Select data-testid="field-periodical" options={(periodicals.data?.items ?? []).map((p) => ({ value: p.id, label: `《${p.name}》` }))} />
        </Form.Item>
        <Form.Item name="year" label={t('issues.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="title" label={t('issues.newTitle')}><Input maxLength={100} data-testid="field-issueTitle" /></Form.Item>
      </Form>
    </Modal>
  );
}

function NewPeriodical({ t, onClose }: { t: SiT; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreatePeriodical();
  const submit = async () => {
    const v = await form.validateFields();
    await create.mutateAsync({ name: v.name.replace(/[《》]/g, '') });
    onClose();
  };
  return (
    <Modal open title={t('issues.addPeriodical')} onCancel={onClose} onOk={() => void submit().catch(() => {})} confirmLoading={create.isPending}
      okText={t('common.add')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'periodical-confirm' } as never} destroyOnHidden>
      {create.error && <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('issues.periodicalName')} rules={[{ required: true }, { min: 2 }]}>
          <Input maxLength={40} placeholder="社情民意" data-testid="field-periodicalName" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
