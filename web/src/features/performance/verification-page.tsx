import { useState } from 'react';
import { Button, Input, Modal, Space, Table, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { AttachmentList } from '../../ui/attachment-list';
import { ErrorAlert } from '../../ui/error-alert';
import { useDecide, usePendingRecords, type DutyRecord } from './performance.api';
import { usePerfT, type PerfKey } from './performance-i18n';

/** The verification queue: self-reported records awaiting staff; verify, or reject with a reason. */
export default function VerificationPage() {
  return (
    <RequireAbility ability="performance.verify">
      <Verification />
    </RequireAbility>
  );
}

function Verification() {
  const t = usePerfT();
  const { data, error, isPending } = usePendingRecords();
  const decide = useDecide();
  const [rejecting, setRejecting] = useState<DutyRecord | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('verify.title')}（<span data-testid="verify-total">{data?.total ?? 0}</span>）</Typography.Title>
      {(error || decide.error) && <ErrorAlert error={error ?? decide.error} />}
      <Table
        rowKey="id" size="small" loading={isPending} dataSource={data?.items ?? []} data-testid="verify-table" scroll={{ x: 900 }}
        locale={{ emptyText: t('verify.empty') }}
        columns={[
          { dataIndex: 'occurredOn', title: t('report.date'), width: 110 },
          { title: t('act.member'), width: 110, render: (_: unknown, r: DutyRecord) => r.members.map((m) => m.name ?? m.memberId.slice(0, 8)).join('、') },
          { dataIndex: 'kindLabel', title: t('report.kind'), width: 120 },
          {
            dataIndex: 'title', title: t('report.name'),
            render: (v: string, r: DutyRecord) => (
              <>
                {v}
                {Object.entries(r.metrics ?? {}).map(([k, x]) => <div key={k}><Typography.Text type="secondary">{t(`metric.${k}` as PerfKey)}：{x}</Typography.Text></div>)}
              </>
            ),
          },
          {
            title: t('verify.evidence'), width: 240,
            render: (_: unknown, r: DutyRecord) => (
              <div data-testid="verify-evidence">
                {(r.attachments ?? []).length > 0 && <AttachmentList items={r.attachments} />}
                {r.evidence.map((e) => <div key={e.name}>{e.url ? <a href={e.url} target="_blank" rel="noreferrer">{e.name}</a> : e.name}</div>)}
              </div>
            ),
          },
          {
            title: '', width: 150,
            render: (_: unknown, r: DutyRecord) => (
              <Space>
                <Button size="small" type="primary" onClick={() => decide.mutate({ id: r.id, action: 'verify' })} data-testid="verify-record">{t('verify.verify')}</Button>
                <Button size="small" danger onClick={() => { setReason(''); setRejecting(r); }} data-testid="reject-record">{t('verify.reject')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!rejecting} title={t('verify.reject')} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'reject-confirm' } as never}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, action: 'reject', reason }, { onSuccess: () => setRejecting(null) })}
      >
        <Input.TextArea rows={3} placeholder={t('verify.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" />
      </Modal>
    </Space>
  );
}
