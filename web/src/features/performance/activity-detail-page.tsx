import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Descriptions, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useActivity, useCancelActivity, useCloseActivity, useMarkAttendance, type AttendanceStatus } from './performance.api';
import { ActivityFormModal } from './activity-form';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';
import { dateTimeOf } from '../../ui/format';

/** One activity for staff: the check-in code to show the room, the attendance list with marking, closing. */
export default function ActivityDetailPage() {
  return (
    <RequireAbility ability="performance.organise">
      <ActivityDetail />
    </RequireAbility>
  );
}

const COLORS: Partial<Record<AttendanceStatus, string>> = { attended: 'green', excused: 'gold', absent: 'red' };

function ActivityDetail() {
  const t = usePerfT();
  const enumLabel = useEnumLabel();
  const { id = '' } = useParams();
  const { data: a, error } = useActivity(id);
  const mark = useMarkAttendance(id);
  const close = useCloseActivity(id);
  const cancel = useCancelActivity(id);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  if (error) return <ErrorAlert error={error} />;
  if (!a) return null;
  const label = (s: AttendanceStatus) => (s === 'attended' || s === 'excused' || s === 'absent' ? t(`act.${s}`) : s === 'invited' ? '—' : s);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="activity-title">{a.title}</Typography.Title>
      {(mark.error || close.error || cancel.error) && <ErrorAlert error={mark.error ?? close.error ?? cancel.error} />}
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('act.type')}>{enumLabel('activityType', a.type, a.typeLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('act.date')}>{dateTimeOf(a.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('act.place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('act.status')}><span data-testid="activity-status">{a.status === 'open' ? t('act.open') : a.status === 'cancelled' ? t('act.cancelled') : t('act.closed')}</span></Descriptions.Item>
          <Descriptions.Item label={t('act.code')}>
            <Typography.Text strong style={{ fontSize: 24, letterSpacing: 4 }} data-testid="activity-code">{a.checkInCode}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('act.counts', { attended: a.counts.attended ?? 0, excused: a.counts.excused ?? 0, absent: a.counts.absent ?? 0, invited: (a.counts.invited ?? 0) + (a.counts.signed_up ?? 0) })}</Typography.Text>
        <Space style={{ marginTop: 8 }} wrap>
          {a.abilities.edit && <Button onClick={() => setEditing(true)} data-testid="activity-edit">{t('act.editButton')}</Button>}
          {a.abilities.close && <Button danger onClick={() => close.mutate()} loading={close.isPending} data-testid="activity-close">{t('act.close')}</Button>}
          {a.abilities.cancel && <Button danger type="dashed" onClick={() => { setReason(''); setCancelling(true); }} data-testid="activity-cancel">{t('act.cancel')}</Button>}
        </Space>
      </Card>
      {editing && <ActivityFormModal open activity={a} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      <Modal
        open={cancelling} title={t('act.cancelTitle')} okText={t('act.cancel')} okType="danger" cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'activity-cancel-confirm' } as never} confirmLoading={cancel.isPending}
        onCancel={() => setCancelling(false)} onOk={() => cancel.mutate(reason, { onSuccess: () => setCancelling(false) })}
      >
        <Input.TextArea rows={2} placeholder={t('act.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="activity-cancel-reason" />
      </Modal>
      <Card size="small" title={t('act.attendance')}>
        <Table
          rowKey="memberId" size="small" dataSource={a.attendance ?? []} pagination={{ pageSize: 50 }} data-testid="attendance-table"
          columns={[
            { title: t('act.member'), render: (_: unknown, r) => r.name ?? r.memberName ?? r.memberId },
            { dataIndex: 'status', title: t('act.status'), width: 100, render: (s: AttendanceStatus) => <Tag color={COLORS[s]}>{label(s)}</Tag> },
            {
              title: t('act.mark'), width: 140,
              render: (_: unknown, r) => (
                <Select<'attended' | 'excused' | 'absent'>
                  size="small" style={{ width: 110 }} placeholder={t('act.mark')} disabled={mark.isPending}
                  options={(['attended', 'excused', 'absent'] as const).map((s) => ({ value: s, label: t(`act.${s}`) }))}
                  onChange={(status) => mark.mutate([{ memberId: r.memberId, status }])}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
