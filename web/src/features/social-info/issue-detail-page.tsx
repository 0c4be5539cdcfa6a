import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Grid, Input, List, Modal, Popconfirm, Select, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { RequireAbility, useCan } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { todayCN, useInfoList, useInfoSettings, useIssue, useIssueMove, type InfoIssueDetail } from './social-info.api';
import { useQueryClient } from '@tanstack/react-query';
import { useSiT, type SiT } from './social-info-i18n';
import { IssueStatusTag, StateTag, UrgentTag, issueName } from './social-info-labels';
import { dateOf } from '../../ui/format';

/** /social-info/issues/:id: one issue — its items; the office adds items, the leader signs off, the office releases and forwards; Word download. */
export default function IssueDetailPage() {
  return (
    <RequireAbility ability="social_info.oversee">
      <IssueDetail />
    </RequireAbility>
  );
}

function IssueDetail() {
  const t = useSiT();
  const can = useCan();
  const { id = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const q = useIssue(id);
  const move = useIssueMove(id);
  const { message } = App.useApp();
  const [forwarding, setForwarding] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} />;
  const issue = q.data;
  const run = (path: 'sign' | 'release') => move.mutate({ path }, { onSuccess: () => void message.success(t('act.done')) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/social-info/issues"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('issues.title')}</Button></Link>
      {!issue ? <Skeleton active /> : (
        <>
          <Card
            title={<Typography.Text strong data-testid="issue-name" style={{ whiteSpace: 'normal' }}>{issueName(issue, t)}{issue.title ? ` ${issue.title}` : ''}</Typography.Text>}
            extra={<IssueStatusTag status={issue.status} t={t} />}
          >
            <Descriptions column={screens.md ? 3 : 1} size="small">
              <Descriptions.Item label={t('issues.items')}>{issue.items.length}</Descriptions.Item>
              <Descriptions.Item label={t('issues.signedBy')}>{issue.signedByLabel ? `${issue.signedByLabel} ${dateOf(issue.signedAt)}` : t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('issues.releasedAt')}>{issue.releasedAt ? dateOf(issue.releasedAt) : t('common.none')}</Descriptions.Item>
            </Descriptions>
            {move.error && <ErrorAlert error={move.error} style={{ marginBlock: 12 }} />}
            <Space wrap style={{ marginTop: 12 }}>
              {issue.status === 'draft' && can('social_info.sign_off') && (
                <Button type="primary" disabled={issue.items.length === 0} loading={move.isPending} onClick={() => run('sign')} data-testid="issue-sign">{t('issues.sign')}</Button>
              )}
              {issue.status === 'signed' && can('social_info.release') && (
                <Popconfirm title={t('issues.confirmRelease')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => run('release')}
                  okButtonProps={{ 'data-testid': 'issue-release-confirm' } as never}>
                  <Button type="primary" loading={move.isPending} data-testid="issue-release">{t('issues.release')}</Button>
                </Popconfirm>
              )}
              {issue.status === 'released' && can('social_info.edit') && (
                <Button onClick={() => setForwarding(true)} data-testid="issue-forward">{t('issues.forward')}</Button>
              )}
              <a href={`/api/social-info/issues/${issue.id}/docx`} download data-testid="issue-docx">
                <Button icon={<FileWordOutlined />}>{t('issues.docx')}</Button>
              </a>
            </Space>
          </Card>
          <Card size="small" title={t('issues.items')}>
            <List
              size="small" data-testid="issue-items" dataSource={issue.items} locale={{ emptyText: t('issues.emptyItems') }}
              renderItem={(i) => (
                <List.Item key={i.id}>
                  <Space wrap size={4}>
                    {i.urgent && <UrgentTag t={t} />}
                    <Link to={`/social-info/items/${i.id}`} data-testid="issue-item">{i.title}</Link>
                    <StateTag state={i.state} t={t} />
                    {i.sourceName && <Typography.Text type="secondary">{i.sourceName}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {issue.status === 'draft' && can('social_info.edit') && <AddItems issue={issue} t={t} />}
          {forwarding && <ForwardIssue issue={issue} t={t} onClose={() => setForwarding(false)} />}
        </>
      )}
    </Space>
  );
}

/** Items in editing, each sent to sign-off into this issue with one click. */
function AddItems({ issue, t }: { issue: InfoIssueDetail; t: SiT }) {
  const list = useInfoList({ state: 'editing', pageSize: 50 });
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (itemId: string) => {
    setBusy(itemId);
    setError(null);
    try {
      await api.post(`/api/social-info/items/${itemId}/send-to-sign-off`, { issueId: issue.id });
      await qc.invalidateQueries({ queryKey: ['social-info'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('issues.addItems')} data-testid="issue-add-items">
      <Typography.Paragraph type="secondary">{t('issues.addItemsHint')}</Typography.Paragraph>
      {!!error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <List
        size="small" dataSource={list.data?.items ?? []} loading={list.isFetching} locale={{ emptyText: t('issues.noEditing') }}
        renderItem={(i) => (
          <List.Item key={i.id} actions={[
            <Button key="add" size="small" type="primary" loading={busy === i.id} onClick={() => void add(i.id)} data-testid="issue-add-item">{t('act.send_to_sign_off')}</Button>,
          ]}>
            <Space wrap size={4}>{i.urgent && <UrgentTag t={t} />}<Link to={`/social-info/items/${i.id}`}>{i.title}</Link></Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ForwardIssue({ issue, t, onClose }: { issue: InfoIssueDetail; t: SiT; onClose: () => void }) {
  const [form] = Form.useForm<{ destinations: string[]; forwardedOn: string }>();
  const settings = useInfoSettings();
  const move = useIssueMove(issue.id);
  const submit = async () => {
    const v = await form.validateFields();
    await move.mutateAsync({ path: 'forwards', body: v });
    onClose();
  };
  return (
    <Modal open title={t('issues.forward')} onCancel={onClose} onOk={() => void submit().catch(() => {})} confirmLoading={move.isPending}
      okText={t('act.forward')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'action-confirm' } as never} destroyOnHidden>
      {move.error && <ErrorAlert error={move.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ forwardedOn: todayCN() }}>
        <Form.Item name="destinations" label={t('act.destinations')} rules={[{ required: true }]}>
          <Select mode="multiple" data-testid="field-destinations" options={(settings.data?.destinations ?? []).map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item name="forwardedOn" label={t('act.forwardedOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
      </Form>
    </Modal>
  );
}
