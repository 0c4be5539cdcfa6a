import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { Alert, Button, Card, Checkbox, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useUnits } from './proposals.api';
import { useSupT } from './supervision-i18n';
import { useAssignable, useBatchAssign, type AssignableItem, type BatchResult } from './supervision-api';

export default function BatchAssignPage() {
  return (
    <RequireAbility ability="proposals.review">
      <BatchAssign />
    </RequireAbility>
  );
}

interface Choice {
  include: boolean;
  leadUnitId?: string;
  coUnitIds: string[];
}

/**
 * /proposals/assign — 交办会: every filed proposal with its suggested units; the office picks the
 * 主办 and 会办 units (or takes the top suggestion) and assigns the selected ones in one go. The
 * server assigns each proposal on its own and answers each result, shown per row.
 */
function BatchAssign() {
  const t = useSupT();
  const q = useAssignable();
  const units = useUnits(true);
  const batch = useBatchAssign();
  // No date: the server takes today.
  const [date, setDate] = useState<Dayjs | null>(null);
  const [useSuggestion, setUseSuggestion] = useState(true);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [results, setResults] = useState<Record<string, BatchResult>>({});
  const [summary, setSummary] = useState<{ assigned: number; failed: number } | null>(null);
  const items = q.data?.items ?? [];

  useEffect(() => {
    setChoices((prev) => {
      const next = { ...prev };
      for (const i of items) next[i.id] ??= { include: true, coUnitIds: [] };
      return next;
    });
  }, [items]);

  const unitOptions = useMemo(() => (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })), [units.data]);
  const set = (id: string, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...(c[id] ?? { include: true, coUnitIds: [] }), ...patch } }));
  const selected = items.filter((i) => choices[i.id]?.include && !results[i.id]?.ok);
  const leadOf = (i: AssignableItem) => choices[i.id]?.leadUnitId ?? (useSuggestion ? i.suggestions[0]?.unitId : undefined);

  const submit = async () => {
    const r = await batch.mutateAsync({
      assignedOn: date ? date.format('YYYY-MM-DD') : undefined,
      items: selected.map((i) => ({
        proposalId: i.id, mode: 'lead', leadUnitId: choices[i.id]?.leadUnitId ?? null, coUnitIds: choices[i.id]?.coUnitIds ?? [], useSuggestion,
      })),
    });
    setResults((prev) => ({ ...prev, ...Object.fromEntries(r.results.map((x) => [x.proposalId, x])) }));
    setSummary({ assigned: r.assigned, failed: r.failed });
  };

  return (
    <Card title={t('batch.title')} data-testid="batch-assign">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('batch.hint')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('batch.date')}</span>
          <DatePicker value={date} onChange={(d) => setDate(d)} data-testid="batch-date" />
          <Checkbox checked={useSuggestion} onChange={(e) => setUseSuggestion(e.target.checked)} data-testid="batch-use-suggestion">{t('batch.useSuggestion')}</Checkbox>
          {q.data && <Typography.Text type="secondary">{t('batch.total', { n: q.data.total })}</Typography.Text>}
        </Space>
        {q.error && <ErrorAlert error={q.error} />}
        {batch.error && <ErrorAlert error={batch.error} />}
        {summary && (
          <Alert type={summary.failed ? 'warning' : 'success'} showIcon data-testid="batch-summary"
            title={t('batch.result', { ok: summary.assigned, failed: summary.failed })} />
        )}
        <Table<AssignableItem>
          rowKey="id" size="small" loading={q.isLoading} dataSource={items} pagination={false} scroll={{ x: 1000 }}
          locale={{ emptyText: t('batch.none') }}
          columns={[
            {
              title: t('batch.include'), width: 70,
              render: (_, i) => <Checkbox checked={!!choices[i.id]?.include} disabled={!!results[i.id]?.ok} onChange={(e) => set(i.id, { include: e.target.checked })} data-testid="batch-include" />,
            },
            {
              title: t('batch.proposal'),
              render: (_, i) => <Space orientation="vertical" size={0}><Link to={`/proposals/${i.id}`}>{i.numberLabel} {i.title}</Link><Typography.Text type="secondary">{i.category}</Typography.Text></Space>,
            },
            {
              title: t('batch.suggestions'), width: 220,
              render: (_, i) => <Space wrap size={2}>{i.suggestions.map((s, n) => <Tag key={s.unitId} color={n === 0 ? 'blue' : 'default'}>{s.name}</Tag>)}</Space>,
            },
            {
              title: t('batch.lead'), width: 220,
              render: (_, i) => (
                <Select style={{ width: '100%' }} showSearch optionFilterProp="label" allowClear options={unitOptions} value={leadOf(i)} placeholder={t('batch.selectLead')}
                  onChange={(v?: string) => set(i.id, { leadUnitId: v })} disabled={!!results[i.id]?.ok} data-testid="batch-lead" />
              ),
            },
            {
              title: t('batch.co'), width: 240,
              render: (_, i) => (
                <Select mode="multiple" style={{ width: '100%' }} showSearch optionFilterProp="label" options={unitOptions.filter((o) => o.value !== leadOf(i))}
                  value={choices[i.id]?.coUnitIds ?? []} onChange={(v: string[]) => set(i.id, { coUnitIds: v })} disabled={!!results[i.id]?.ok} data-testid="batch-co" />
              ),
            },
            {
              title: '', width: 160,
              render: (_, i) => {
                const r = results[i.id];
                if (!r) return null;
                return r.ok ? <Tag color="green" data-testid="batch-row-ok">{t('batch.ok')}</Tag> : <Tag color="red" data-testid="batch-row-failed" title={r.error.message}>{t('batch.failed')}：{r.error.message}</Tag>;
              },
            },
          ]}
        />
        <Button type="primary" disabled={!selected.length} loading={batch.isPending} onClick={() => void submit().catch(() => {})} data-testid="batch-submit">
          {t('batch.submit')}（{selected.length}）
        </Button>
      </Space>
    </Card>
  );
}
