import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Grid, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { toQueryString } from '../../api/client';
import type { MemberView } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { MemberFilters } from './member-filters';
import { genderLabel, roleLabel, statusLabel } from './member-labels';
import { useMemberList, type MemberListParams } from './members.api';

const SORTS = ['name', 'birthDate', 'createdAt', 'sector'] as const;
const DEFAULTS = { sort: 'name', order: 'asc', page: 1, pageSize: 20 } as const;

/** The list state lives in the URL, so back/forward and shared links restore it. */
function readParams(sp: URLSearchParams): MemberListParams {
  const sort = sp.get('sort');
  return {
    q: sp.get('q') ?? undefined,
    sectorId: sp.get('sectorId') ?? undefined,
    specialCommitteeId: sp.get('specialCommitteeId') ?? undefined,
    role: sp.get('role') ?? undefined,
    status: sp.get('status') ?? undefined,
    sort: SORTS.find((s) => s === sort) ?? DEFAULTS.sort,
    order: sp.get('order') === 'desc' ? 'desc' : DEFAULTS.order,
    page: Number(sp.get('page')) || DEFAULTS.page,
    pageSize: Number(sp.get('pageSize')) || DEFAULTS.pageSize,
  };
}

export default function MemberListPage() {
  const { t } = useI18n();
  return (
    <RequireAbility ability="org.members.read">
      <Typography.Title level={3}>{t('members.title')}</Typography.Title>
      <MemberTable />
    </RequireAbility>
  );
}

function MemberTable() {
  const { t } = useI18n();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => readParams(sp), [sp]);
  const list = useMemberList(params);

  const update = (patch: Partial<MemberListParams>, resetPage = true) => {
    const next = { ...params, ...(resetPage ? { page: 1 } : {}), ...patch };
    // Defaults stay out of the address, so a plain /members is the default list.
    const shown = Object.entries(next).filter(([k, v]) => DEFAULTS[k as keyof typeof DEFAULTS] !== v);
    setSp(new URLSearchParams(toQueryString(Object.fromEntries(shown)).slice(1)));
  };
  const sortOrder = (key: (typeof SORTS)[number]) => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableColumnsType<MemberView> = [
    { key: 'name', title: t('member.name'), sorter: true, sortOrder: sortOrder('name'), render: (_, m) => <Link to={`/members/${m.id}`}>{m.name}</Link> },
    { key: 'gender', title: t('member.gender'), responsive: ['md'], render: (_, m) => genderLabel(m.gender, t) },
    { key: 'birthDate', title: t('member.birthDate'), dataIndex: 'birthDate', sorter: true, sortOrder: sortOrder('birthDate'), responsive: ['lg'] },
    { key: 'sector', title: t('member.sector'), dataIndex: 'sectorName', sorter: true, sortOrder: sortOrder('sector') },
    { key: 'special', title: t('member.specialCommittee'), dataIndex: 'specialCommitteeName', responsive: ['xl'] },
    { key: 'roles', title: t('member.roles'), responsive: ['md'], render: (_, m) => m.roles.map((r) => <Tag key={r}>{roleLabel(r, t)}</Tag>) },
    { key: 'employer', title: t('member.employer'), dataIndex: 'employer', responsive: ['lg'], ellipsis: true },
    ...(can('org.members.read_private') ? [{ key: 'phone', title: t('member.phone'), dataIndex: 'phone', responsive: ['xl' as const] }] : []),
    { key: 'status', title: t('member.status'), render: (_, m) => <Tag color={m.status === 'active' ? 'green' : 'default'}>{statusLabel(m.status, t)}</Tag> },
  ];

  const onChange: TableProps<MemberView>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = SORTS.find((k) => k === s?.columnKey && s.order);
    const sortChanged = (key ?? 'name') !== params.sort || (s?.order === 'descend' ? 'desc' : 'asc') !== params.order;
    update({
      sort: key ?? 'name',
      order: key && s.order === 'descend' ? 'desc' : 'asc',
      page: sortChanged ? 1 : pagination.current ?? 1,
      pageSize: pagination.pageSize ?? params.pageSize,
    }, false);
  };

  // The export takes the list's filters (not its page or order): the rows you filtered for.
  const { q, sectorId, specialCommitteeId, role, status } = params;
  const filters = { q, sectorId, specialCommitteeId, role, status };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {can('org.members.write') && <Link to="/members/new"><Button type="primary" icon={<PlusOutlined />} data-testid="member-create">{t('members.create')}</Button></Link>}
        {can('org.members.import') && <Link to="/members/import"><Button icon={<ImportOutlined />}>{t('members.import')}</Button></Link>}
        {can('org.members.export') && (
          <Button icon={<DownloadOutlined />} href={`/api/members/export.xlsx${toQueryString({ ...filters })}`} data-testid="member-export">
            {t('members.export')}
          </Button>
        )}
      </Space>
      <MemberFilters params={params} onChange={(patch) => update(patch)} />
      {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      <Table<MemberView>
        rowKey="id"
        size={screens.md ? 'middle' : 'small'}
        data-testid="member-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={{ emptyText: t('members.empty') }}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !!screens.md,
          showTotal: screens.sm ? (n) => t('common.total', { n }) : undefined,
          simple: !screens.sm,
        }}
      />
    </>
  );
}
