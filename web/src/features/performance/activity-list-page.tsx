import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useActivities } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';
import { dateTimeOf } from '../../ui/format';
import { ActivityFormModal } from './activity-form';

const when = dateTimeOf;

/** 履职活动 of the year for staff: newest first; each opens its detail with the check-in code and attendance. */
export default function ActivityListPage() {
  return (
    <RequireAbility ability="performance.organise">
      <ActivityList />
    </RequireAbility>
  );
}

function ActivityList() {
  const t = usePerfT();
  const label = useEnumLabel();
  const { data, error, isPending } = useActivities();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const items = [...(data?.items ?? [])].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('act.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-new">{t('actForm.new')}</Button>
      </Space>
      <ActivityFormModal open={creating} onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); void navigate(`/performance/activities/${id}`); }} />
      {error && <ErrorAlert error={error} />}
      <Table
        rowKey="id" loading={isPending} dataSource={items} size="small" data-testid="activity-table" scroll={{ x: 640 }}
        columns={[
          { dataIndex: 'title', title: t('act.name'), render: (v: string, r) => <Link to={`/performance/activities/${r.id}`} data-testid="activity-link">{v}</Link> },
          { dataIndex: 'typeLabel', title: t('act.type'), width: 120, render: (v: string, r) => label('activityType', r.type, v) },
          { dataIndex: 'startsAt', title: t('act.date'), width: 150, render: when },
          { dataIndex: 'place', title: t('act.place'), width: 140 },
          { dataIndex: 'status', title: t('act.status'), width: 90, render: (s: string) => (s === 'open' ? <Tag color="blue">{t('act.open')}</Tag> : s === 'cancelled' ? <Tag color="default">{t('act.cancelled')}</Tag> : <Tag>{t('act.closed')}</Tag>) },
        ]}
      />
    </Space>
  );
}
