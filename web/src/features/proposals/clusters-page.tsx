import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { ProposalState, ProposalView, Structure } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert, errorText } from '../../ui/error-alert';
import { StateTag } from './proposal-labels';
import { useCluT, type CluT } from './clusters-i18n';

/** GET /api/proposals/clusters (src/modules/proposals/queries/session-clusters.ts). */
interface ClusterItem {
  id: string;
  numberLabel: string | null;
  title: string;
  proposers: string[];
  state: ProposalState;
  stateLabel: string;
  submittedAt: string | null;
  score: number;
  isMaster: boolean;
  canBeMaster: boolean;
  canMerge: boolean;
}
interface ProposalCluster {
  masterId: string;
  masterFiled: boolean;
  topScore: number;
  items: ClusterItem[];
}
interface SessionClusters {
  session: { id: string; name: string } | null;
  threshold: number;
  compared: number;
  clusters: ProposalCluster[];
}

/** /proposals/clusters: the session's proposals grouped by matter, with 并案 into the suggested (or a chosen) master. */
export default function ClustersPage() {
  return (
    <RequireAbility ability="proposals.review">
      <Clusters />
    </RequireAbility>
  );
}

function Clusters() {
  const tc = useCluT();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const sessionId = sp.get('sessionId') ?? undefined;
  const structure = useQuery({ queryKey: ['org', 'structure'], queryFn: () => api.get<Structure>('/api/org/structure'), enabled: can('org.structure.read'), staleTime: 5 * 60_000 });
  const clusters = useQuery({
    queryKey: ['proposals', 'clusters', sessionId ?? 'current'],
    queryFn: () => api.get<SessionClusters>('/api/proposals/clusters', { sessionId }),
  });
  const data = clusters.data;
  const sessions = structure.data?.sessions ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="clusters-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{tc('clu.title')}</Typography.Title>
        <Select
          style={{ width: 280 }} aria-label={tc('clu.session')} data-testid="clusters-session"
          value={sessionId ?? data?.session?.id} placeholder={data?.session?.name ?? tc('clu.session')}
          options={(sessions.length ? sessions : data?.session ? [data.session] : []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v: string) => setSp(new URLSearchParams({ sessionId: v }))}
        />
      </Space>
      {clusters.error && <ErrorAlert error={clusters.error} />}
      {!data && !clusters.error && <Skeleton active />}
      {data && (
        <>
          {data.session ? (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="clusters-summary">
              {tc('clu.summary', { compared: data.compared, n: data.clusters.length, threshold: data.threshold })}
            </Typography.Paragraph>
          ) : <Alert type="info" showIcon title={tc('clu.noSession')} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tc('clu.hint')}</Typography.Text>
          {data.session && data.clusters.length === 0 && <Empty description={tc('clu.none')} />}
          {data.clusters.map((c, k) => <ClusterCard key={c.masterId} cluster={c} k={k + 1} tc={tc} />)}
        </>
      )}
    </Space>
  );
}

function ClusterCard({ cluster, k, tc }: { cluster: ProposalCluster; k: number; tc: CluT }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const masters = cluster.items.filter((i) => i.canBeMaster);
  const [chosen, setChosen] = useState<string | undefined>(cluster.masterFiled ? cluster.masterId : masters[0]?.id);
  const target = masters.some((m) => m.id === chosen) ? chosen : cluster.masterFiled ? cluster.masterId : masters[0]?.id;
  const merge = useMutation({
    mutationFn: ({ id, masterId }: { id: string; masterId: string }) => api.post<ProposalView>(`/api/proposals/${id}/merge`, { masterId }),
    onSuccess: (view) => {
      void message.success(tc('clu.merged', { label: view.numberLabel ?? '' }));
      void qc.invalidateQueries({ queryKey: ['proposals'] });
    },
    onError: (e) => void message.error(errorText(e, tc('clu.mergeFailed'))),
  });
  const master = cluster.items.find((i) => i.isMaster)!;
  const label = (i: ClusterItem) => `${i.numberLabel ? i.numberLabel + ' ' : ''}${i.title}`;

  const columns: TableColumnsType<ClusterItem> = [
    { title: tc('clu.number'), dataIndex: 'numberLabel', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: tc('clu.titleCol'), dataIndex: 'title',
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Link to={`/proposals/${r.id}`} data-testid="cluster-item-link">{v}</Link>
          {r.isMaster && <Tag color="blue">{tc('clu.master')}</Tag>}
        </Space>
      ),
    },
    { title: tc('clu.proposers'), dataIndex: 'proposers', width: 180, render: (v: string[]) => v.join('、') },
    { title: tc('clu.state'), dataIndex: 'state', width: 110, render: (v: ProposalState) => <StateTag state={v} t={t} /> },
    { title: tc('clu.score'), dataIndex: 'score', width: 130, render: (v: number, r) => (r.isMaster ? '—' : v.toFixed(2)) },
    {
      title: tc('clu.action'), key: 'action', width: 110,
      render: (_: unknown, r) => {
        if (r.id === target) return <Tag>{tc('clu.isMaster')}</Tag>;
        if (!r.canMerge) return <Tooltip title={tc('clu.cannotMerge')}><Typography.Text type="secondary">—</Typography.Text></Tooltip>;
        return (
          <Tooltip title={target ? undefined : tc('clu.masterUnfiled')}>
            <Button size="small" type="primary" disabled={!target} loading={merge.isPending && merge.variables?.id === r.id}
              data-testid="cluster-merge" onClick={() => target && merge.mutate({ id: r.id, masterId: target })}>
              {tc('clu.merge')}
            </Button>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Card
      size="small" data-testid="cluster" data-master-id={cluster.masterId}
      title={<Space wrap><span>{tc('clu.group', { k, n: cluster.items.length })}</span><Tag>{tc('clu.top', { n: cluster.topScore.toFixed(2) })}</Tag></Space>}
      extra={masters.length > 1 ? (
        <Space size={4}>
          <Typography.Text type="secondary">{tc('clu.mergeInto')}</Typography.Text>
          <Select size="small" style={{ width: 260 }} value={target} onChange={setChosen} data-testid="cluster-master"
            options={masters.map((m) => ({ value: m.id, label: label(m) }))} />
        </Space>
      ) : undefined}
    >
      {!cluster.masterFiled && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={tc('clu.masterUnfiled')}
          action={<Link to={`/proposals/${master.id}`}><Button size="small">{tc('clu.openMaster')}</Button></Link>} />
      )}
      <Table<ClusterItem> rowKey="id" size="small" pagination={false} dataSource={cluster.items} columns={columns} scroll={{ x: 800 }} />
    </Card>
  );
}
