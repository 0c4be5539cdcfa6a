import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { KeyStatusTag } from './key-panel';
import { useSupT, type SupKey } from './supervision-i18n';
import { useKeyList, type KeyListItem } from './supervision-api';

export default function SupervisionListPage() {
  return (
    <RequireAbility ability="proposals.read">
      <SupervisionList />
    </RequireAbility>
  );
}

const STATUSES = ['shortlisted', 'approved', 'declined', 'revoked'] as const;

/** /proposals/supervision: the key proposals (重点提案) with their supervising leader, channel and events so far. */
function SupervisionList() {
  const t = useSupT();
  const [status, setStatus] = useState<string[]>(['shortlisted', 'approved']);
  const [mine, setMine] = useState(false);
  const q = useKeyList({ status: (status.length ? status : ['approved']).join(','), mine });
  return (
    <Card title={t('sup.list.title')} data-testid="supervision-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('sup.list.filter')}</span>
        <Select mode="multiple" style={{ minWidth: 260 }} value={status} onChange={setStatus} data-testid="supervision-filter"
          options={STATUSES.map((s) => ({ value: s, label: t(`key.status.${s}` as SupKey) }))} />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="supervision-mine">{t('sup.list.mine')}</Checkbox>
      </Space>
      {q.error && <ErrorAlert error={q.error} />}
      <Table<KeyListItem>
        rowKey="proposalId" size="small" loading={q.isLoading} dataSource={q.data?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('sup.list.empty') }} scroll={{ x: 900 }}
        columns={[
          { title: t('sup.list.number'), dataIndex: 'numberLabel', width: 90 },
          {
            title: t('sup.list.proposal'), dataIndex: 'title',
            render: (v: string, r) => <Link to={`/proposals/${r.proposalId}`} data-testid="supervision-row-link">{v}</Link>,
          },
          { title: t('key.status'), dataIndex: 'status', width: 130, render: (s: KeyListItem['status']) => <KeyStatusTag status={s} t={t} /> },
          { title: t('key.leader'), dataIndex: 'leadLeaderName', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
          { title: t('key.channel'), dataIndex: 'channelLabel', width: 170, render: (v: string | null) => v ?? '—' },
          { title: t('sup.list.leadUnit'), dataIndex: 'leadUnit', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t('sup.list.state'), dataIndex: 'stateLabel', width: 100, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: t('sup.list.events'), dataIndex: 'events', width: 120,
            render: (n: number, r) => (n ? `${n}（${t('sup.list.lastEvent')} ${r.lastEventOn}）` : '0'),
          },
        ]}
      />
    </Card>
  );
}
