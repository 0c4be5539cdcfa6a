import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ProposalAction, ProposalView } from '../../api/types';
import type { Translate } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { useCan } from '../../app/auth';
import { ErrorAlert } from '../../ui/error-alert';
import { useReplyClassMeaning } from '../../ui/enum-label';
import { useMergeCandidates, useMove, useProposalSettings, useSuggestedUnits, useUnits } from './proposals.api';

type Field = 'note' | 'reason' | 'reasonOpt' | 'reasonCode' | 'forwardTo' | 'master' | 'units' | 'deadline' | 'reply' | 'opinion' | 'rating' | 'classes';

interface ActionDef {
  path: string;
  method?: 'PUT';
  fields: Field[];
  /** Fixed parts of the body. */
  fixed?: Record<string, unknown>;
  danger?: boolean;
}

/** Each workflow action: its route and the fields its form asks for. Only actions the server allows are shown. */
const ACTIONS: Partial<Record<ProposalAction, ActionDef>> = {
  confirm_cosign: { path: 'cosign', fields: [], fixed: { accept: true } },
  decline_cosign: { path: 'cosign', fields: [], fixed: { accept: false }, danger: true },
  submit: { path: 'submit', fields: [] },
  withdraw: { path: 'withdraw', fields: ['reasonOpt'], danger: true },
  pre_review: { path: 'pre-review', fields: ['note'] },
  file: { path: 'file', fields: ['note'] },
  reject: { path: 'reject', fields: ['reasonCode', 'note'], danger: true },
  convert: { path: 'convert', fields: ['forwardTo', 'note'] },
  merge: { path: 'merge', fields: ['master', 'note'] },
  return_for_revision: { path: 'return', fields: ['reason'] },
  assign: { path: 'assign', fields: ['units', 'note'] },
  reassign: { path: 'reassign', fields: ['units', 'note'] },
  object: { path: 'object', fields: ['reason'], danger: true },
  dismiss_objection: { path: 'dismiss-objection', fields: ['reason'] },
  accept: { path: 'accept', fields: [] },
  extend_deadline: { path: 'extend-deadline', fields: ['deadline', 'reason'] },
  save_reply: { path: 'reply', method: 'PUT', fields: ['reply'] },
  submit_reply: { path: 'reply/submit', fields: [] },
  countersign: { path: 'countersign', fields: ['opinion'] },
  send_back: { path: 'send-back', fields: ['reason'], danger: true },
  release: { path: 'release', fields: ['classes', 'note'] },
  rate: { path: 'feedback', fields: ['rating'] },
  rehandle: { path: 'rehandle', fields: ['reason'] },
  close: { path: 'close', fields: ['note'] },
  carry_over: { path: 'carry-over', fields: ['reason'] },
  resume: { path: 'resume', fields: ['note'] },
};

export const ACTION_ORDER = Object.keys(ACTIONS) as ProposalAction[];

export function ActionButtons({ p, t }: { p: ProposalView; t: Translate }) {
  const [open, setOpen] = useState<ProposalAction | null>(null);
  const allowed = ACTION_ORDER.filter((a) => p.abilities[a]);
  return (
    <>
      {allowed.length === 0 ? (
        <Typography.Text type="secondary" data-testid="proposal-no-actions">{t('proposals.noActions')}</Typography.Text>
      ) : (
        <Space wrap data-testid="proposal-actions">
          {allowed.map((a) => (
            <Button key={a} danger={ACTIONS[a]!.danger} type={a === 'submit' || a === 'file' || a === 'release' || a === 'accept' ? 'primary' : 'default'}
              onClick={() => setOpen(a)} data-testid={`action-${a}`}>
              {t(`proposals.act.${a}` as MessageKey)}
            </Button>
          ))}
        </Space>
      )}
      {open && <ActionModal p={p} action={open} t={t} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionModal({ p, action, t, onClose }: { p: ProposalView; action: ProposalAction; t: Translate; onClose: () => void }) {
  const def = ACTIONS[action]!;
  const [form] = Form.useForm();
  const replyClassMeaning = useReplyClassMeaning();
  const move = useMove(p.id);
  const { message } = App.useApp();
  const settings = useProposalSettings();
  const can = useCan();
  const has = (f: Field) => def.fields.includes(f);
  // Staff may enter a rating on a proposer's behalf (signers of this proposal and of those merged into it).
  const raters = [
    ...p.signers.filter((s) => s.status === 'first' || s.status === 'confirmed').map((s) => ({ memberId: s.memberId, name: s.name })),
    ...p.merged.flatMap((m) => m.signers),
  ];
  const myReply = p.replies.filter((r) => r.round === p.round && r.status !== 'released').at(-1);

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...def.fixed };
    if (has('note')) body.note = v.note || null;
    if (has('reason') || has('reasonOpt')) body.reason = v.reason || (has('reasonOpt') ? null : undefined);
    if (has('reasonCode')) body.reasonCode = v.reasonCode;
    if (has('forwardTo')) body.forwardTo = v.forwardTo || null;
    if (has('master')) body.masterId = v.masterId;
    if (has('units')) Object.assign(body, { mode: 'lead', leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] });
    if (has('deadline')) body.deadline = v.deadline?.format('YYYY-MM-DD');
    if (has('opinion')) body.opinion = v.opinion || null;
    if (has('rating')) Object.assign(body, { rating: v.rating, contactedBefore: v.contactedBefore ?? null, remarks: v.remarks || null, memberId: v.memberId || undefined });
    if (has('classes') && v.replyClass) {
      body.classes = p.replies.filter((r) => r.round === p.round && r.status === 'submitted').map((r) => ({ unitId: r.unitId, replyClass: v.replyClass }));
    }
    if (has('reply')) {
      Object.assign(body, {
        replyClass: v.replyClass ?? null, isPublic: !!v.isPublic, signer: v.signer ?? '', contactPerson: v.contactPerson ?? '',
        contactPhone: v.contactPhone ?? '', docNumber: v.docNumber ?? '', body: v.body ?? '', contactedOn: v.contactedOn ? v.contactedOn.format('YYYY-MM-DD') : null,
      });
    }
    await move.mutateAsync({ path: def.path, body, method: def.method });
    void message.success(t('proposals.done'));
    onClose();
  };

  const initial = has('reply') && myReply
    ? { replyClass: myReply.replyClass, isPublic: myReply.isPublic, signer: myReply.signer, contactPerson: myReply.contactPerson, contactPhone: myReply.contactPhone, docNumber: myReply.docNumber, body: myReply.body }
    : has('reply') ? { isPublic: true } : {};
  const req = [{ required: true }];
  return (
    <Modal
      open title={t(`proposals.act.${action}` as MessageKey)} onCancel={onClose} onOk={() => void submit().catch(() => {})}
      confirmLoading={move.isPending} okText={t(`proposals.act.${action}` as MessageKey)} cancelText={t('common.cancel')}
      okButtonProps={{ danger: def.danger, 'data-testid': 'action-confirm' } as never} width={640} destroyOnHidden
    >
      {move.error && <ErrorAlert error={move.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {has('reasonCode') && (
          <Form.Item name="reasonCode" label={t('proposals.reasonCode')} rules={req}>
            <Select data-testid="field-reasonCode" options={(settings.data?.rejectReasons ?? []).map((r) => ({ value: r.code, label: r.label }))} />
          </Form.Item>
        )}
        {has('forwardTo') && <Form.Item name="forwardTo" label={t('proposals.forwardTo')}><Input maxLength={100} /></Form.Item>}
        {has('master') && <MasterPicker p={p} t={t} />}
        {has('units') && <UnitPicker p={p} t={t} />}
        {has('deadline') && <Form.Item name="deadline" label={t('proposals.newDeadline')} rules={req}><DatePicker style={{ width: '100%' }} /></Form.Item>}
        {has('reply') && <ReplyFields t={t} classes={settings.data?.replyClasses ?? []} />}
        {has('classes') && (
          <Form.Item name="replyClass" label={t('proposals.replyClass')}>
            <Select allowClear placeholder={p.replyClass ?? undefined} options={(settings.data?.replyClasses ?? []).map((c) => ({ value: c.code, label: `${c.code} ${replyClassMeaning(c)}` }))} />
          </Form.Item>
        )}
        {has('rating') && (
          <>
            {can('proposals.review') && (
              <Form.Item name="memberId" label={t('proposals.onBehalf')}>
                <Select allowClear options={raters.map((r) => ({ value: r.memberId, label: r.name }))} data-testid="field-onBehalf" />
              </Form.Item>
            )}
            <Form.Item name="rating" label={t('proposals.rating')} rules={req}>
              <Radio.Group data-testid="field-rating" optionType="button" options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((r) => ({ value: r, label: t(`proposals.rating.${r}`) }))} />
            </Form.Item>
            <Form.Item name="contactedBefore" label={t('proposals.contactedBefore')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="remarks" label={t('proposals.remarks')}><Input.TextArea rows={3} maxLength={1000} data-testid="field-remarks" /></Form.Item>
          </>
        )}
        {has('opinion') && <Form.Item name="opinion" label={t('proposals.opinion')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>}
        {(has('reason') || has('reasonOpt')) && (
          <Form.Item name="reason" label={t('proposals.reason')} rules={has('reason') ? [...req, { min: 2 }] : []}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="field-reason" />
          </Form.Item>
        )}
        {has('note') && <Form.Item name="note" label={t('proposals.note')}><Input.TextArea rows={2} maxLength={1000} data-testid="field-note" /></Form.Item>}
      </Form>
    </Modal>
  );
}

function MasterPicker({ p, t }: { p: ProposalView; t: Translate }) {
  const candidates = useMergeCandidates(p.id, true);
  const options = (candidates.data?.items ?? [])
    .filter((c) => c.numberLabel && ['filed', 'assigned', 'objected', 'handling'].includes(c.state) && !c.numberLabel.includes('并'))
    .map((c) => ({
      value: c.id,
      label: (
        <Space size={4} wrap>
          <span>{c.numberLabel}</span><span>{c.title}</span>
          <Tag>{t('proposals.score', { n: c.score.toFixed(2) })}</Tag>
          {c.likelyDuplicate && <Tag color="red">{t('proposals.likelyDuplicate')}</Tag>}
        </Space>
      ),
    }));
  return (
    <Form.Item name="masterId" label={t('proposals.mergeTarget')} extra={t('proposals.mergeHint')} rules={[{ required: true }]}>
      <Radio.Group data-testid="merge-candidates" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {candidates.isFetching && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
        {!candidates.isFetching && options.length === 0 && <Typography.Text type="secondary">{t('proposals.noCandidates')}</Typography.Text>}
        {options.map((o) => <Radio key={o.value} value={o.value} data-testid="merge-candidate">{o.label}</Radio>)}
      </Radio.Group>
    </Form.Item>
  );
}

function UnitPicker({ p, t }: { p: ProposalView; t: Translate }) {
  const form = Form.useFormInstance();
  const units = useUnits(true);
  const suggested = useSuggestedUnits(p.id, true);
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <Form.Item label={t('proposals.suggestedUnits')}>
        <Space wrap data-testid="suggested-units">
          {(suggested.data?.items ?? []).map((s) => (
            <Tag.CheckableTag key={s.unitId} checked={false} onChange={() => form.setFieldValue('leadUnitId', s.unitId)} data-testid="suggested-unit">
              {s.name} · {s.score.toFixed(2)}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('proposals.leadUnit')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options} data-testid="field-lead" />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('proposals.coUnits')}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={options} data-testid="field-co" />
      </Form.Item>
    </>
  );
}

function ReplyFields({ t, classes }: { t: Translate; classes: { code: string; label: string }[] }) {
  const replyClassMeaning = useReplyClassMeaning();
  return (
    <>
      <Form.Item name="replyClass" label={t('proposals.replyClass')} rules={[{ required: true }]}>
        {/* The class with its meaning on the option itself: a phone shows no tooltip. */}
        <Radio.Group data-testid="field-replyClass" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={classes.map((c) => ({ value: c.code, label: <span data-testid={`reply-class-${c.code}`}><strong>{c.code}</strong> {replyClassMeaning(c)}</span> }))} />
      </Form.Item>
      <Form.Item name="isPublic" label={t('proposals.isPublic')} valuePropName="checked"><Switch /></Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="signer" label={t('proposals.replySigner')}><Input maxLength={40} data-testid="field-signer" /></Form.Item>
        <Form.Item name="contactPerson" label={t('proposals.contactPerson')}><Input maxLength={40} data-testid="field-contactPerson" /></Form.Item>
        <Form.Item name="contactPhone" label={t('proposals.contactPhone')}><Input maxLength={40} data-testid="field-contactPhone" /></Form.Item>
      </Space>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="docNumber" label={t('proposals.docNumber')}><Input maxLength={60} /></Form.Item>
        <Form.Item name="contactedOn" label={t('proposals.contactedOn')}><DatePicker /></Form.Item>
      </Space>
      <Form.Item name="body" label={t('proposals.replyBody')} rules={[{ required: true }]}>
        <Input.TextArea rows={8} maxLength={20000} data-testid="field-replyBody" />
      </Form.Item>
    </>
  );
}
