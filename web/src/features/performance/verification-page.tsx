import { useState } from 'react';
import { App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { AttachmentList } from '../../ui/attachment-list';
import { ErrorAlert } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';
import { useDecide, usePendingRecords, useVerifiedRecords, type DutyRecord } from './performance.api';
import { usePerfT, type PerfKey } from './performance-i18n';

/**
 * The verification queue: each self-reported record with the member's own explanation and the
 * evidence; verify (after a confirmation) or reject with a reason. Records verified lately are
 * listed below, where a verification made by mistake is undone (撤销核实, audited on the server).
 */
export default function VerificationPage() {
  return (
    <RequireAbility ability="performance.verify">
      <Verification />
    </RequireAbility>
  );
}

const namesOf = (r: DutyRecord) => r.members.map((m) => m.name ?? m.memberId.slice(0, 8)).join('、');

function RecordText({ r }: { r: DutyRecord }) {
  const t = usePerfT();
  return (
    <div data-testid="verify-text">
      <Typography.Text strong>{r.title}</Typography.Text>
      {Object.entries(r.metrics ?? {}).map(([k, x]) => <div key={k}><Typography.Text type="secondary">{t(`metric.${k}` as PerfKey)}：{x}</Typography.Text></div>)}
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} type={r.description ? undefined : 'secondary'} data-testid="verify-description">
        {r.description ? `${t('verify.description')}：${r.description}` : t('verify.noDescription')}
      </Typography.Paragraph>
    </div>
  );
}

function Evidence({ r }: { r: DutyRecord }) {
  return (
    <div data-testid="verify-evidence">
      {(r.attachments ?? []).length > 0 && <AttachmentList items={r.attachments} />}
      {r.evidence.map((e) => <div key={e.name}>{e.url ? <a href={e.url} target="_blank" rel="noreferrer">{e.name}</a> : e.name}</div>)}
    </div>
  );
}

function Verification() {
  const t = usePerfT();
  const { modal, message } = App.useApp();
  const { data, error, isPending } = usePendingRecords();
  const recent = useVerifiedRecords();
  const decide = useDecide();
  const [rejecting, setRejecting] = useState<DutyRecord | null>(null);
  const [reason, setReason] = useState('');

  const confirmVerify = (r: DutyRecord) => modal.confirm({
    title: t('verify.confirmTitle'),
    content: (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{r.occurredOn} · {r.kindLabel} · {namesOf(r)}</Typography.Text>
        <RecordText r={r} />
        <Typography.Text type="secondary">{t('verify.confirmBody', { name: namesOf(r) })}</Typography.Text>
      </Space>
    ),
    okText: t('verify.verify'), cancelText: t('common.cancel'),
    okButtonProps: { 'data-testid': 'verify-confirm' } as never,
    onOk: () => decide.mutateAsync({ id: r.id, action: 'verify' }),
  });
  const confirmUndo = (r: DutyRecord) => modal.confirm({
    title: t('verify.undoTitle'),
    content: (
      <Space direction="vertical">
        <Typography.Text>{r.occurredOn} · {r.kindLabel} · {namesOf(r)} · {r.title}</Typography.Text>
        <Typography.Text type="secondary">{t('verify.undoBody')}</Typography.Text>
      </Space>
    ),
    okText: t('verify.undo'), okType: 'danger', cancelText: t('common.cancel'),
    okButtonProps: { 'data-testid': 'unverify-confirm' } as never,
    onOk: () => decide.mutateAsync({ id: r.id, action: 'unverify' }).then(() => { void message.success(t('verify.undone')); }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('verify.title')}（<span data-testid="verify-total">{data?.total ?? 0}</span>）</Typography.Title>
      {(error || decide.error) && <ErrorAlert error={error ?? decide.error} />}
      <Table
        rowKey="id" size="small" loading={isPending} dataSource={data?.items ?? []} data-testid="verify-table" scroll={{ x: 900 }}
        locale={{ emptyText: t('verify.empty') }}
        columns={[
          { dataIndex: 'occurredOn', title: t('report.date'), width: 110 },
          { title: t('act.member'), width: 110, render: (_: unknown, r: DutyRecord) => namesOf(r) },
          { dataIndex: 'kindLabel', title: t('report.kind'), width: 120 },
          { title: t('report.name'), render: (_: unknown, r: DutyRecord) => <RecordText r={r} /> },
          { title: t('verify.evidence'), width: 240, render: (_: unknown, r: DutyRecord) => <Evidence r={r} /> },
          {
            title: '', width: 150,
            render: (_: unknown, r: DutyRecord) => (
              <Space>
                <Button size="small" type="primary" onClick={() => confirmVerify(r)} data-testid="verify-record">{t('verify.verify')}</Button>
                <Button size="small" danger onClick={() => { setReason(''); setRejecting(r); }} data-testid="reject-record">{t('verify.reject')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('verify.recent')}>
        {recent.error && <ErrorAlert error={recent.error} />}
        <Table
          rowKey="id" size="small" pagination={false} loading={recent.isPending} dataSource={recent.data?.items ?? []} data-testid="verified-table" scroll={{ x: 800 }}
          locale={{ emptyText: t('verify.recentEmpty') }}
          columns={[
            { title: t('verify.decidedAt'), width: 150, render: (_: unknown, r: DutyRecord) => dateTimeOf(r.decidedAt) },
            { title: t('act.member'), width: 110, render: (_: unknown, r: DutyRecord) => namesOf(r) },
            { dataIndex: 'kindLabel', title: t('report.kind'), width: 120 },
            { dataIndex: 'title', title: t('report.name') },
            {
              title: '', width: 120,
              render: (_: unknown, r: DutyRecord) => r.abilities?.unverify && (
                <Button size="small" onClick={() => confirmUndo(r)} data-testid="unverify-record">{t('verify.undo')}</Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!rejecting} title={t('verify.reject')} okText={t('common.ok')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'reject-confirm' } as never}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, action: 'reject', reason }, { onSuccess: () => setRejecting(null) })}
      >
        {rejecting && <RecordText r={rejecting} />}
        <Input.TextArea rows={3} placeholder={t('verify.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" style={{ marginTop: 8 }} />
      </Modal>
    </Space>
  );
}
