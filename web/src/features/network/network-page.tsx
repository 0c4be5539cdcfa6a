import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { chinaDate } from '../../ui/format';
import { addDays } from '../../../../src/platform/calendar';
import { useNetworkT } from './network-i18n';

/** GET /api/network/overview (src/modules/network/queries/overview.ts). */
interface Overview {
  year: number;
  placeTypes: { key: string; label: string }[];
  totals: { villages: number; covered: number; places: Record<string, number>; receptions: number };
  towns: { id: string | null; name: string; villages: number; covered: number; places: Record<string, number>; members: number; receptions: number }[];
}
/** GET /api/network/my-duties. */
interface Duty { date: string; placeId: string; placeName: string; rule: string; recorded: boolean }

/** /network: the committee's network on one page — totals, a row per town, the schematic map and the caller's duty days. */
export default function NetworkPage() {
  return (
    <RequireAbility ability="network.read">
      <NetworkOverview />
    </RequireAbility>
  );
}

function NetworkOverview() {
  const t = useNetworkT();
  const today = chinaDate();
  const q = useQuery({ queryKey: ['network', 'overview'], queryFn: () => api.get<Overview>('/api/network/overview') });
  const duties = useQuery({ queryKey: ['network', 'my-duties', today], queryFn: () => api.get<Duty[]>('/api/network/my-duties', { from: today, to: addDays(today, 30) }) });
  const o = q.data;
  const placesTotal = o ? Object.values(o.totals.places).reduce((a, b) => a + b, 0) : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('page.title')}</Typography.Title>
      {q.error && <ErrorAlert error={q.error} style={{ margin: 0 }} />}
      {o && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={4}><Statistic title={t('totals.places')} value={placesTotal} /></Col>
            <Col xs={12} md={4}><Statistic title={t('totals.villages')} value={o.totals.villages} /></Col>
            <Col xs={12} md={5}><Statistic title={t('totals.covered')} value={o.totals.covered} /></Col>
            <Col xs={12} md={4}><Statistic title={t('totals.coverage')} value={o.totals.villages ? Math.round((o.totals.covered / o.totals.villages) * 1000) / 10 : 0} suffix="%" /></Col>
            <Col xs={12} md={5}><Statistic title={t('totals.receptions')} value={o.totals.receptions} /></Col>
          </Row>
          <Card title={t('towns.title')} size="small">
            <Table
              size="small" rowKey={(r) => r.id ?? 'county'} pagination={false} dataSource={o.towns} data-testid="network-towns"
              columns={[
                { title: t('towns.name'), dataIndex: 'name' },
                { title: t('towns.villages'), dataIndex: 'villages', align: 'right' },
                { title: t('towns.covered'), dataIndex: 'covered', align: 'right' },
                ...o.placeTypes.map((pt) => ({ title: pt.label, key: pt.key, align: 'right' as const, render: (_: unknown, r: Overview['towns'][number]) => r.places[pt.key] ?? 0 })),
                { title: t('towns.members'), dataIndex: 'members', align: 'right' },
                { title: t('towns.receptions'), dataIndex: 'receptions', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
      <Card title={t('duties.title')} size="small">
        {duties.error && <ErrorAlert error={duties.error} style={{ margin: 0 }} />}
        <List
          size="small" dataSource={duties.data ?? []} locale={{ emptyText: t('duties.none') }} data-testid="network-duties"
          renderItem={(d) => (
            <List.Item>
              <Space wrap>
                <span>{d.date}</span><span>{d.placeName}</span><Typography.Text type="secondary">{d.rule}</Typography.Text>
                {d.recorded ? <Tag color="green">{t('duties.recorded')}</Tag> : <Tag>{t('duties.open')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('map.title')} size="small">
        {/* Drawn by the server from the region table; no map tiles. */}
        <img src="/api/network/map.svg" alt={t('map.alt')} style={{ maxWidth: '100%' }} data-testid="network-map" />
      </Card>
    </Space>
  );
}
