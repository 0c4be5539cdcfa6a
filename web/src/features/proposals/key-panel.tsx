import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { AttachmentList } from '../../ui/attachment-list';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import { useSupT, type SupKey, type SupT } from './supervision-i18n';
import { useKeyMove, useKeyView, type KeyAction, type KeyStatus, type KeyView } from './supervision-api';

const STATUS_COLOR: Record<KeyStatus, string> = { none: 'default', shortlisted: 'gold', approved: 'red', declined: 'default', revoked: 'default' };
const ORDER: KeyAction[] = ['shortlist', 'approve', 'decline', 'set_supervision', 'record_event', 'revoke'];
const PATH: Record<KeyAction, { path: string; method?: 'PUT'; status?: number }> = {
  shortlist: { path: 'key/shortlist' },
  approve: { path: 'key/approve' },
  decline: { path: 'key/decline' },
  revoke: { path: 'key/revoke' },
  set_supervision: { path: 'key/supervision', method: 'PUT' },
  record_event: { path: 'supervision/events' },
};

export function KeyStatusTag({ status, t }: { status: KeyStatus; t: SupT }) {
  return <Tag color={STATUS_COLOR[status]} icon={status === 'approved' ? <StarFilled /> : undefined} data-testid="key-status">{t(`key.status.${status}` as SupKey)}</Tag>;
}

/**
 * 重点提案 and 督办 on the proposal page: the key status, the supervising leader and channel, the
 * supervision events with their files, and the buttons of the moves the server allows the caller.
 */
export function KeyPanel({ proposalId }: { proposalId: string }) {
  const t = useSupT();
  const q = useKeyView(proposalId);
  const [open, setOpen] = useState<KeyAction | null>(null);
  const k = q.data;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!k) return null;
  const allowed = ORDER.filter((a) => k.abilities[a]);
  if (k.status === 'none' && allowed.length === 0) return null;
  const shown = k.status === 'approved' || k.status === 'revoked';
  return (
    <Card size="small" title={t('key.title')} extra={<KeyStatusTag status={k.status} t={t} />} data-testid="key-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {k.status !== 'none' && (
          <Descriptions column={1} size="small">
            {k.reason && <Descriptions.Item label={t('key.reason')}>{k.reason}</Descriptions.Item>}
            {k.decisionNote && <Descriptions.Item label={t('key.decisionNote')}>{k.decisionNote}</Descriptions.Item>}
            {shown && <Descriptions.Item label={t('key.leader')}><span data-testid="key-leader">{k.leader?.name ?? t('key.noLeader')}</span></Descriptions.Item>}
            {shown && <Descriptions.Item label={t('key.channel')}><span data-testid="key-channel">{k.channel?.label ?? t('key.noLeader')}</span></Descriptions.Item>}
          </Descriptions>
        )}
        {allowed.length > 0 && (
          <Space wrap data-testid="key-actions">
            {allowed.map((a) => (
              <Button key={a} danger={a === 'revoke' || a === 'decline'} type={a === 'approve' || a === 'record_event' ? 'primary' : 'default'}
                onClick={() => setOpen(a)} data-testid={`key-action-${a}`}>
                {t(`key.act.${a}` as SupKey)}
              </Button>
            ))}
            {k.status === 'shortlisted' && <Typography.Text type="secondary">{t(`key.approvedBy.${k.approvedBy}` as SupKey)}</Typography.Text>}
          </Space>
        )}
        {shown && <SupervisionEvents k={k} t={t} />}
      </Space>
      {open && <KeyModal k={k} action={open} t={t} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function SupervisionEvents({ k, t }: { k: KeyView; t: SupT }) {
  return (
    <div data-testid="supervision-events">
      <Typography.Title level={5} style={{ marginTop: 8 }}>{t('sup.events')}</Typography.Title>
      {k.events.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.noEvents')} /> : (
        <List
          size="small"
          dataSource={k.events}
          renderItem={(e) => (
            <List.Item key={e.id} data-testid="supervision-event" style={{ display: 'block' }}>
              <Space wrap size={4}><Tag color="blue">{e.kindLabel}</Tag><span>{e.heldOn}</span>{e.participants && <Typography.Text type="secondary">{e.participants}</Typography.Text>}</Space>
              {e.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{e.notes}</Typography.Paragraph>}
              {e.attachments.length > 0 && <AttachmentList items={e.attachments} />}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

function KeyModal({ k, action, t, onClose }: { k: KeyView; action: KeyAction; t: SupT; onClose: () => void }) {
  const [form] = Form.useForm();
  const move = useKeyMove(k.proposalId);
  const { message } = App.useApp();
  const req = [{ required: true, message: t('key.required') }];
  const leaders = k.leaders.map((l) => ({ value: l.userId, label: l.name }));
  const channels = k.channels.map((c) => ({ value: c.code, label: c.label }));

  const submit = async () => {
    const v = await form.validateFields();
    let body: Record<string, unknown> = {};
    if (action === 'shortlist' || action === 'revoke') body = { reason: v.reason };
    if (action === 'decline') body = { note: v.note || null };
    if (action === 'approve') body = { note: v.note || null, leaderUserId: v.leaderUserId || null, channel: v.channel || null };
    if (action === 'set_supervision') body = { leaderUserId: v.leaderUserId, channel: v.channel };
    if (action === 'record_event') {
      body = {
        kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), participants: v.participants ?? '', notes: v.notes ?? '',
        attachmentIds: ((v.attachments ?? []) as AttachmentMeta[]).map((a) => a.id),
      };
    }
    await move.mutateAsync({ path: PATH[action].path, method: PATH[action].method, body });
    void message.success(t('key.done'));
    onClose();
  };

  const initial = action === 'set_supervision' || action === 'approve' ? { leaderUserId: k.leader?.userId, channel: k.channel?.code } : {};
  return (
    <Modal
      open title={t(`key.act.${action}` as SupKey)} onCancel={onClose} onOk={() => void submit().catch(() => {})}
      confirmLoading={move.isPending} okText={t(`key.act.${action}` as SupKey)} destroyOnHidden width={600}
      okButtonProps={{ danger: action === 'revoke' || action === 'decline', 'data-testid': 'key-confirm' } as never}
    >
      {move.error && <ErrorAlert error={move.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {(action === 'shortlist' || action === 'revoke') && (
          <Form.Item name="reason" label={t(action === 'shortlist' ? 'key.reason' : 'key.revokeReason')} rules={[...req, { min: 2, message: t('key.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="key-field-reason" />
          </Form.Item>
        )}
        {(action === 'approve' || action === 'set_supervision') && (leaders.length > 0 || action === 'set_supervision') && (
          <Form.Item name="leaderUserId" label={t('key.leader')} rules={action === 'set_supervision' ? req : []}>
            <Select options={leaders} allowClear showSearch optionFilterProp="label" data-testid="key-field-leader" />
          </Form.Item>
        )}
        {(action === 'approve' || action === 'set_supervision') && (
          <Form.Item name="channel" label={t('key.channel')} rules={action === 'set_supervision' ? req : []}>
            <Select options={channels} allowClear data-testid="key-field-channel" />
          </Form.Item>
        )}
        {(action === 'approve' || action === 'decline') && (
          <Form.Item name="note" label={t('key.note')}><Input.TextArea rows={2} maxLength={1000} data-testid="key-field-note" /></Form.Item>
        )}
        {action === 'record_event' && (
          <>
            <Form.Item name="kind" label={t('sup.kind')} rules={req}>
              <Select options={k.eventKinds.map((e) => ({ value: e.code, label: e.label }))} data-testid="sup-field-kind" />
            </Form.Item>
            <Form.Item name="heldOn" label={t('sup.heldOn')} rules={req}><DatePicker data-testid="sup-field-date" style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="participants" label={t('sup.participants')}><Input maxLength={1000} data-testid="sup-field-participants" /></Form.Item>
            <Form.Item name="notes" label={t('sup.notes')}><Input.TextArea rows={4} maxLength={10000} data-testid="sup-field-notes" /></Form.Item>
            <Form.Item name="attachments" label={t('sup.attachments')}><AttachmentUpload max={9} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
