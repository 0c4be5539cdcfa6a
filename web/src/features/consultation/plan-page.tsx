import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useCan } from '../../app/auth';
import { dateTimeOf } from '../../ui/format';
import { ErrorAlert } from '../../ui/error-alert';
import {
  MOVE_PATHS, thisYear, todayCN, useCreatePlan, useItemEdits, usePlan, usePlanMove, usePlans, useSettings,
  type PlanItem, type PlanMove, type PlanState, type PlanView,
} from './consultation.api';
import { useCoT, type CoT } from './consultation-i18n';
import { ItemFields, itemBody, type ItemValues } from './item-fields';
import { PlanFigureCard } from './plan-figure';

const STATE_COLOR: Record<PlanState, string> = { draft: 'default', chair_review: 'processing', decided: 'warning', issued: 'success', superseded: 'default' };
const StateTag = ({ s, t }: { s: PlanState; t: CoT }) => <Tag color={STATE_COLOR[s]} data-testid="plan-state">{t(`state.${s}`)}</Tag>;
const MOVES = Object.keys(MOVE_PATHS) as PlanMove[];

/** /consultation/plan: the year's plan — the office edits and moves it, leaders and members read it (members: issued versions only). */
export default function PlanPage() {
  const t = useCoT();
  const can = useCan();
  const [year, setYear] = useState(thisYear());
  const plans = usePlans(year);
  const [picked, setPicked] = useState<string | undefined>();
  // The version shown: the one picked, else the newest the caller may see.
  const list = plans.data ?? [];
  const id = picked && list.some((p) => p.id === picked) ? picked : list[0]?.id;
  const plan = usePlan(id);
  const create = useCreatePlan();
  useEffect(() => setPicked(undefined), [year]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('plan.title', { year })}</Typography.Title>
        <Select value={year} onChange={setYear} style={{ width: 100 }} aria-label={t('common.year')} data-testid="plan-year"
          options={[thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({ value: y, label: String(y) }))} />
        {list.length > 1 && (
          <Select value={id} onChange={setPicked} style={{ width: 220 }} aria-label={t('plan.versions')} data-testid="plan-version"
            options={list.map((p) => ({ value: p.id, label: `${t('plan.version', { n: p.version })} · ${t(`state.${p.state}`)}` }))} />
        )}
      </Space>
      {(plans.error || plan.error) && <ErrorAlert error={plans.error ?? plan.error} />}
      {plans.isSuccess && !list.length && (
        <Empty description={can('consultation.oversee') ? t('plan.none') : t('plan.noneMember')}>
          {can('consultation.plan') && (
            <Button type="primary" loading={create.isPending} onClick={() => create.mutate(year, { onSuccess: (v) => setPicked(v.id) })} data-testid="plan-create">{t('plan.create')}</Button>
          )}
          {create.error && <ErrorAlert error={create.error} />}
        </Empty>
      )}
      {plan.data && <PlanView plan={plan.data} t={t} onVersion={setPicked} />}
      {can('consultation.oversee') && <PlanFigureCard year={year} t={t} />}
    </Space>
  );
}

function PlanView({ plan, t, onVersion }: { plan: PlanView; t: CoT; onVersion: (id: string) => void }) {
  const can = useCan();
  const settings = useSettings();
  const [editing, setEditing] = useState<PlanItem | 'new' | null>(null);
  const edits = useItemEdits(plan.id);
  // Items grouped by form, in the committee's order of forms (as the .docx has them); unknown forms last.
  const groups = useMemo(() => {
    const order = settings.data?.forms ?? [];
    const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
    const by = new Map<string, PlanItem[]>();
    for (const i of plan.items) by.set(i.form, [...(by.get(i.form) ?? []), i]);
    return [...by.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
  }, [plan.items, settings.data]);
  const monthOf = (m: number | null) => (m ? t('item.monthN', { n: m }) : '');
  return (
    <>
      <Card size="small" data-testid="plan-card"
        title={<Space wrap><span>{t('plan.version', { n: plan.version })}</span><StateTag s={plan.state} t={t} /><Typography.Text type="secondary">{t('plan.items', { n: plan.items.length })}</Typography.Text></Space>}
        extra={can('consultation.oversee') && (
          <Space wrap>
            <a href={`/api/consultation/plans/${plan.id}/docx`} download data-testid="plan-docx"><Button size="small" icon={<DownloadOutlined />}>{t('plan.docx')}</Button></a>
            <a href={`/api/consultation/plans/${plan.id}/xlsx`} download data-testid="plan-xlsx"><Button size="small" icon={<DownloadOutlined />}>{t('plan.xlsx')}</Button></a>
          </Space>
        )}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {plan.adjustReason && <Typography.Text>{t('plan.adjustReason', { reason: plan.adjustReason })}</Typography.Text>}
          {plan.decidedOn && <Typography.Text data-testid="plan-decision">{t('plan.decision', { date: plan.decidedOn, doc: plan.decisionDocNo ?? '' })}</Typography.Text>}
          {plan.issuedOn && <Typography.Text data-testid="plan-issued">{t('plan.issued', { date: plan.issuedOn, doc: plan.issuedDocNo ? `，${plan.issuedDocNo}` : '' })}</Typography.Text>}
          <PlanMoves plan={plan} t={t} onVersion={onVersion} />
        </Space>
      </Card>
      {(edits.remove.error || edits.edit.error) && <ErrorAlert error={edits.remove.error ?? edits.edit.error} />}
      {plan.canEditItems && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-add">{t('item.add')}</Button>}
      {!plan.items.length && <Empty description={t('plan.empty')} />}
      {groups.map(([form, items]) => (
        <Card key={form} size="small" title={`${form}（${items.length}）`} data-testid="plan-group">
          <Table<PlanItem> size="small" rowKey="id" dataSource={items} pagination={false} scroll={{ x: 'max-content' }}
            columns={[
              { key: 'title', title: t('item.title'), render: (_, i) => <Space size={4} wrap><span data-testid="item-row-title">{i.title}</span>{i.supervisory && <Tag color="red">{t('item.supervisory')}</Tag>}</Space> },
              { key: 'month', title: t('item.month'), render: (_, i) => monthOf(i.month) },
              { key: 'lead', title: t('item.lead'), dataIndex: 'lead' },
              { key: 'leaders', title: t('item.leaders'), render: (_, i) => i.leaders.join('、'), responsive: ['md'] },
              { key: 'units', title: t('item.units'), render: (_, i) => i.units.join('、'), responsive: ['lg'] },
              ...(plan.canEditItems ? [{
                key: 'act', title: t('common.actions'),
                render: (_: unknown, i: PlanItem) => (
                  <Space>
                    <Button size="small" type="link" onClick={() => setEditing(i)} data-testid="item-edit">{t('item.edit')}</Button>
                    <Popconfirm title={t('item.removeConfirm')} onConfirm={() => edits.remove.mutate(i.id)} okText={t('item.remove')} cancelText={t('common.cancel')}>
                      <Button size="small" type="link" danger data-testid="item-remove">{t('item.remove')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }] : []),
            ]} />
        </Card>
      ))}
      <Card size="small" title={t('plan.history')}>
        <Timeline data-testid="plan-history"
          items={plan.history.map((h) => ({
            content: (
              <Space orientation="vertical" size={0}>
                <span>{t('plan.version', { n: h.version })} · {h.actionLabel}{h.docNo ? ` · ${h.docNo}` : ''}{h.onDate ? ` · ${h.onDate}` : ''}</span>
                <Typography.Text type="secondary">{h.actorLabel} · {dateTimeOf(h.at)}{h.note ? ` · ${h.note}` : ''}</Typography.Text>
              </Space>
            ),
          }))} />
      </Card>
      {editing && <ItemModal planId={plan.id} item={editing === 'new' ? null : editing} t={t} onClose={() => setEditing(null)} />}
    </>
  );
}

/** The approval path as buttons: exactly the moves the server's table allows this caller now (`abilities`). */
function PlanMoves({ plan, t, onVersion }: { plan: PlanView; t: CoT; onVersion: (id: string) => void }) {
  const [open, setOpen] = useState<PlanMove | null>(null);
  const allowed = MOVES.filter((m) => (plan.abilities as string[]).includes(m));
  if (!allowed.length) return null;
  return (
    <>
      <Space wrap data-testid="plan-moves">
        {allowed.map((m) => (
          <Button key={m} type={m === 'send_back' ? 'default' : 'primary'} danger={m === 'send_back'} onClick={() => setOpen(m)} data-testid={`move-${m}`}>{t(`move.${m}`)}</Button>
        ))}
      </Space>
      {open && <MoveModal plan={plan} move={open} t={t} onClose={() => setOpen(null)} onVersion={onVersion} />}
    </>
  );
}

interface MoveValues { decidedOn?: string; issuedOn?: string; docNo?: string; reason?: string; note?: string }

function MoveModal({ plan, move, t, onClose, onVersion }: { plan: PlanView; move: PlanMove; t: CoT; onClose: () => void; onVersion: (id: string) => void }) {
  const [form] = Form.useForm<MoveValues>();
  const mutation = usePlanMove(plan.id);
  const { message } = App.useApp();
  const req = [{ required: true, message: t('field.required') }];
  const ok = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> =
      move === 'decide' ? { decidedOn: v.decidedOn, docNo: v.docNo }
        : move === 'issue' ? { issuedOn: v.issuedOn, ...(v.docNo ? { docNo: v.docNo } : {}) }
          : move === 'send_back' || move === 'adjust' ? { reason: v.reason }
            : v.note ? { note: v.note } : {};
    const view = await mutation.mutateAsync({ move, body });
    void message.success(t('plan.moveDone'));
    // 调整 answers with the new draft version: show it.
    if (view.id !== plan.id) onVersion(view.id);
    onClose();
  };
  return (
    <Modal open title={t(`move.${move}`)} onCancel={onClose} onOk={() => void ok().catch(() => {})} confirmLoading={mutation.isPending}
      okText={t(`move.${move}`)} cancelText={t('common.cancel')} okButtonProps={{ danger: move === 'send_back', 'data-testid': 'move-confirm' } as never} destroyOnHidden>
      {mutation.error && <ErrorAlert error={mutation.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ decidedOn: todayCN(), issuedOn: todayCN() }}>
        {move === 'decide' && <Form.Item name="decidedOn" label={t('field.decidedOn')} rules={req}><Input type="date" data-testid="field-decidedOn" /></Form.Item>}
        {move === 'issue' && <Form.Item name="issuedOn" label={t('field.issuedOn')} rules={req}><Input type="date" data-testid="field-issuedOn" /></Form.Item>}
        {(move === 'decide' || move === 'issue') && (
          <Form.Item name="docNo" label={t('field.docNo')} rules={move === 'decide' ? [...req, { min: 2, max: 60 }] : [{ min: 2, max: 60 }]}>
            <Input placeholder={t('field.docNoHint')} maxLength={60} data-testid="field-docNo" />
          </Form.Item>
        )}
        {(move === 'send_back' || move === 'adjust') && (
          <Form.Item name="reason" label={t('field.reason')} rules={[...req, { min: 2, max: 500 }]}><Input.TextArea rows={3} maxLength={500} data-testid="field-reason" /></Form.Item>
        )}
        {move === 'submit_review' && <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={500} data-testid="field-note" /></Form.Item>}
      </Form>
    </Modal>
  );
}

function ItemModal({ planId, item, t, onClose }: { planId: string; item: PlanItem | null; t: CoT; onClose: () => void }) {
  const [form] = Form.useForm<ItemValues>();
  const { add, edit } = useItemEdits(planId);
  const m = item ? edit : add;
  const ok = async () => {
    const v = itemBody(await form.validateFields());
    if (item) await edit.mutateAsync({ id: item.id, patch: v });
    else await add.mutateAsync(v as ItemValues & { title: string });
    onClose();
  };
  return (
    <Modal open title={item ? t('item.edit') : t('item.add')} onCancel={onClose} onOk={() => void ok().catch(() => {})} confirmLoading={m.isPending}
      okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'item-save' } as never} width={640} destroyOnHidden>
      {m.error && <ErrorAlert error={m.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={item ?? { supervisory: false }}>
        <ItemFields t={t} />
      </Form>
    </Modal>
  );
}
