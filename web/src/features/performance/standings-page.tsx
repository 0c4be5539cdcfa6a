import { useState } from 'react';
import { Link } from 'react-router';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useStructure } from '../members/members.api';
import { useStandings, type StandingRow } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT } from './performance-i18n';

const ROLES = ['member', 'standing', 'vice_chair', 'chair', 'secretary_general'] as const;
const ROLE_LABELS: Record<string, string> = { member: '委员', standing: '常委', vice_chair: '副主席', chair: '主席', secretary_general: '秘书长' };

/** The committee table: live points of every member, sortable by points or name, filtered by sector and role. */
export default function StandingsPage() {
  return (
    <RequireAbility ability="performance.oversee">
      <Standings />
    </RequireAbility>
  );
}

function Standings() {
  const t = usePerfT();
  const label = useEnumLabel();
  const structure = useStructure();
  const [sectorId, setSectorId] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [sort, setSort] = useState<{ sort: 'points' | 'name'; order: 'asc' | 'desc' }>({ sort: 'points', order: 'desc' });
  const { data, error, isFetching } = useStandings({ sectorId, role, ...sort });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('standings.title')}</Typography.Title>
      {error && <ErrorAlert error={error} />}
      <Space wrap>
        <Select
          allowClear style={{ width: 200 }} placeholder={t('standings.allSectors')} value={sectorId} onChange={setSectorId} data-testid="standings-sector"
          options={(structure.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          allowClear style={{ width: 140 }} placeholder={t('standings.allRoles')} value={role} onChange={setRole} data-testid="standings-role"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        {data?.byGrade.map((g) => <Tag key={g.key} data-testid="standings-grade" data-grade={g.key} data-count={g.count}>{label('grade', g.key, g.label)} {g.count}</Tag>)}
        {data && <span data-testid="standings-total" data-count={data.total} />}
      </Space>
      <Table<StandingRow>
        rowKey="memberId" size="small" loading={isFetching} dataSource={data?.items ?? []} data-testid="standings-table" scroll={{ x: 640 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (!s?.order) setSort({ sort: 'points', order: 'desc' });
          else setSort({ sort: s.field === 'name' ? 'name' : 'points', order: s.order === 'ascend' ? 'asc' : 'desc' });
        }}
        columns={[
          { dataIndex: 'rank', title: t('standings.rank'), width: 70 },
          { dataIndex: 'name', title: t('act.member'), sorter: true, render: (v: string, r: StandingRow) => <Link to={`/performance/report-card/${r.memberId}`}>{v}</Link>, sortOrder: sort.sort === 'name' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null },
          { dataIndex: 'sectorName', title: t('standings.sector') },
          { dataIndex: 'primaryRole', title: t('standings.role'), width: 90, render: (r: string) => ROLE_LABELS[r] ?? r },
          { dataIndex: 'points', title: t('standings.points'), width: 90, sorter: true, sortOrder: sort.sort === 'points' ? (sort.order === 'asc' ? 'ascend' : 'descend') : null },
          { dataIndex: 'grade', title: t('my.grade'), width: 90, render: (g: StandingRow['grade']) => label('grade', g.key, g.label) },
          { dataIndex: 'quotasMet', title: t('standings.quotas'), width: 90, render: (m: boolean) => (m ? <Tag color="green">{t('standings.yes')}</Tag> : <Tag>{t('standings.no')}</Tag>) },
        ]}
      />
    </Space>
  );
}
