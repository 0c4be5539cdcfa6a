import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useCan } from '../../app/auth';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import {
  thisYear, todayCN, useInfoSettings, useIssues, useItemMove, useSimilarInfo, type InfoAction, type InfoItem,
} from './social-info.api';
import type { SiKey, SiT } from './social-info-i18n';
import { CharCount } from './item-form-page';
import { countChars, issueName } from './social-info-labels';

type Field = 'text' | 'files' | 'note' | 'reason' | 'target' | 'issue' | 'destinations' | 'result';
type Move = InfoAction | 'forward' | 'result';

interface MoveDef { path: string; fields: Field[]; danger?: boolean; primary?: boolean }

/** Each move: its route under /api/social-info/items/:id and the fields its form asks for. */
const MOVES: Partial<Record<Move, MoveDef>> = {
  screen: { path: 'screen', fields: [], primary: true },
  accept: { path: 'accept', fields: [], primary: true },
  edit: { path: 'edit', fields: ['text', 'note'] },
  resubmit: { path: 'resubmit', fields: ['text', 'files'], primary: true },
  merge: { path: 'merge', fields: ['target', 'note'] },
  send_to_sign_off: { path: 'send-to-sign-off', fields: ['issue'], primary: true },
  send_back: { path: 'send-back', fields: ['note'], danger: true },
  return: { path: 'return', fields: ['reason'], danger: true },
  archive: { path: 'archive', fields: ['reason'], danger: true },
  forward: { path: 'forwards', fields: ['destinations'], primary: true },
  result: { path: 'results', fields: ['result'] },
};
const ORDER = Object.keys(MOVES) as Move[];

/** The buttons the caller may use: workflow moves from the item's abilities; forwarding and results for the info office once published. */
export function ItemActions({ item, t }: { item: InfoItem; t: SiT }) {
  const can = useCan();
  const [open, setOpen] = useState<Move | null>(null);
  const direct = useItemMove(item.id);
  const { message } = App.useApp();
  const editor = can('social_info.edit');
  // A move without fields (筛选, 采编) happens on the click; the others ask in a dialog.
  const start = (m: Move) => {
    if (MOVES[m]!.fields.length) setOpen(m);
    else direct.mutate({ path: MOVES[m]!.path }, { onSuccess: () => void message.success(t('act.done')) });
  };
  const allowed = ORDER.filter((m) => {
    if (m === 'forward') return editor && item.state === 'published';
    if (m === 'result') return editor && item.forwards.length > 0;
    return item.abilities[m as InfoAction];
  });
  return (
    <>
      {direct.error && <ErrorAlert error={direct.error} style={{ marginBottom: 12 }} />}
      {allowed.length === 0 ? (
        <Typography.Text type="secondary" data-testid="info-no-actions">{t('act.none')}</Typography.Text>
      ) : (
        <Space wrap data-testid="info-actions">
          {allowed.map((m) => (
            <Button key={m} danger={MOVES[m]!.danger} type={MOVES[m]!.primary ? 'primary' : 'default'} loading={direct.isPending && direct.variables?.path === MOVES[m]!.path} onClick={() => start(m)} data-testid={`action-${m}`}>
              {t(`act.${m}` as SiKey)}
            </Button>
          ))}
        </Space>
      )}
      {open && <MoveModal item={item} move={open} t={t} onClose={() => setOpen(null)} />}
    </>
  );
}

interface Values {
  title?: string; body?: string; attachments?: AttachmentMeta[]; note?: string; reason?: string; targetId?: string; issueId?: string;
  destinations?: string[]; forwardedOn?: string;
  kind?: 'adoption' | 'instruction' | 'follow_up'; destination?: string; publication?: string; leader?: string; level?: 'provincial' | 'city';
  onDate?: string; text?: string;
}

function MoveModal({ item, move, t, onClose }: { item: InfoItem; move: Move; t: SiT; onClose: () => void }) {
  const def = MOVES[move]!;
  const [form] = Form.useForm<Values>();
  const mutation = useItemMove(item.id);
  const { message } = App.useApp();
  const settings = useInfoSettings();
  const has = (f: Field) => def.fields.includes(f);
  const body = Form.useWatch('body', form) ?? item.body;
  const kind = Form.useWatch('kind', form) ?? 'adoption';
  const req = [{ required: true }];
  const max = settings.data?.maxChars ?? 1500;

  const submit = async () => {
    const v = await form.validateFields();
    let payload: Record<string, unknown> = {};
    if (has('text')) payload = { title: v.title, body: v.body };
    if (has('files')) payload.attachmentIds = (v.attachments ?? []).map((a) => a.id);
    if (has('note')) payload.note = v.note || null;
    if (has('reason')) payload.reason = v.reason;
    if (has('target')) payload.targetId = v.targetId;
    if (has('issue')) payload.issueId = v.issueId;
    if (has('destinations')) payload = { destinations: v.destinations, forwardedOn: v.forwardedOn };
    if (has('result')) {
      payload = { kind: v.kind, destination: v.destination, onDate: v.onDate, text: v.text ?? '' };
      if (v.kind === 'adoption') payload.publication = v.publication || null;
      if (v.kind === 'instruction') Object.assign(payload, { leader: v.leader, level: v.level });
    }
    await mutation.mutateAsync({ path: def.path, body: payload });
    void message.success(t('act.done'));
    onClose();
  };

  return (
    <Modal
      open title={t(`act.${move}` as SiKey)} onCancel={onClose} onOk={() => void submit().catch(() => {})}
      confirmLoading={mutation.isPending} okText={t(`act.${move}` as SiKey)} cancelText={t('common.cancel')}
      okButtonProps={{ danger: def.danger, 'data-testid': 'action-confirm' } as never} width={has('text') ? 800 : 560} destroyOnHidden
    >
      {mutation.error && <ErrorAlert error={mutation.error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical"
        initialValues={{ title: item.title, body: item.body, kind: 'adoption', level: 'city', destination: item.forwards[0]?.destination, onDate: todayCN(), forwardedOn: todayCN() }}>
        {has('text') && (
          <>
            <Form.Item name="title" label={t('field.title')} rules={req}><Input maxLength={200} data-testid="field-title" /></Form.Item>
            <Form.Item name="body" label={t('field.body')} rules={req} extra={<CharCount n={countChars(body)} max={max} t={t} />}>
              <Input.TextArea rows={12} maxLength={20000} data-testid="field-body" />
            </Form.Item>
          </>
        )}
        {has('files') && <Form.Item name="attachments" label={t('field.attachments')}><AttachmentUpload max={9} /></Form.Item>}
        {has('target') && <MergeTargets item={item} t={t} />}
        {has('issue') && <IssuePicker t={t} />}
        {has('destinations') && (
          <>
            <Form.Item name="destinations" label={t('act.destinations')} rules={req}>
              <Select mode="multiple" data-testid="field-destinations" options={(settings.data?.destinations ?? []).map((d) => ({ value: d, label: d }))} />
            </Form.Item>
            <Form.Item name="forwardedOn" label={t('act.forwardedOn')} rules={req}><Input type="date" data-testid="field-forwardedOn" /></Form.Item>
          </>
        )}
        {has('result') && (
          <>
            <Form.Item name="kind" label={t('act.resultKind')} rules={req}>
              <Radio.Group optionType="button" data-testid="field-resultKind"
                options={(['adoption', 'instruction', 'follow_up'] as const).map((k) => ({ value: k, label: t(`result.${k}`) }))} />
            </Form.Item>
            <Form.Item name="destination" label={t('act.destination')} rules={req}>
              <Select data-testid="field-destination" options={item.forwards.map((f) => ({ value: f.destination, label: f.destination }))} />
            </Form.Item>
            {kind === 'adoption' && <Form.Item name="publication" label={t('act.publication')}><Input maxLength={60} placeholder="甘肃政协信息" data-testid="field-publication" /></Form.Item>}
            {kind === 'instruction' && (
              <Space wrap>
                <Form.Item name="leader" label={t('act.leader')} rules={req}><Input maxLength={40} data-testid="field-leader" /></Form.Item>
                <Form.Item name="level" label={t('act.level')} rules={req}>
                  <Radio.Group optionType="button" data-testid="field-level" options={(['provincial', 'city'] as const).map((l) => ({ value: l, label: t(`level.${l}`) }))} />
                </Form.Item>
              </Space>
            )}
            <Form.Item name="onDate" label={t('act.onDate')} rules={req}><Input type="date" data-testid="field-onDate" /></Form.Item>
            <Form.Item name="text" label={t('act.text')} rules={kind === 'adoption' ? [] : req}><Input.TextArea rows={3} maxLength={2000} data-testid="field-text" /></Form.Item>
          </>
        )}
        {has('reason') && (
          <Form.Item name="reason" label={t('act.reason')} rules={[...req, { min: 2 }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="field-reason" />
          </Form.Item>
        )}
        {has('note') && <Form.Item name="note" label={t('act.note')}><Input.TextArea rows={2} maxLength={500} data-testid="field-note" /></Form.Item>}
      </Form>
    </Modal>
  );
}

/** 合并: the similar items (scored), the likely same matter first. */
function MergeTargets({ item, t }: { item: InfoItem; t: SiT }) {
  const similar = useSimilarInfo(item.id, true);
  const items = (similar.data?.items ?? []).filter((s) => s.state !== 'merged' && s.state !== 'archived');
  return (
    <Form.Item name="targetId" label={t('act.mergeTarget')} extra={t('act.mergeHint')} rules={[{ required: true }]}>
      <Radio.Group data-testid="merge-candidates" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {similar.isFetching && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
        {!similar.isFetching && items.length === 0 && <Typography.Text type="secondary">{t('act.noCandidates')}</Typography.Text>}
        {items.map((s) => (
          <Radio key={s.id} value={s.id} data-testid="merge-candidate">
            <Space size={4} wrap>
              <span>{s.title}</span><Tag>{s.stateLabel}</Tag>
              <Tag color={s.likelySame ? 'red' : 'default'}>{t('act.score', { n: s.score.toFixed(2) })}</Tag>
              {s.likelySame && <Tag color="red">{t('act.likelySame')}</Tag>}
            </Space>
          </Radio>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

/** 送签: an issue not yet signed off (this year's and last year's). */
function IssuePicker({ t }: { t: SiT }) {
  const issues = useIssues(undefined);
  const drafts = (issues.data?.items ?? []).filter((i) => i.status === 'draft' && i.year >= thisYear() - 1);
  return (
    <Form.Item name="issueId" label={t('act.issue')} extra={drafts.length || issues.isFetching ? t('act.issueHint') : t('act.noDraftIssue')}
      rules={[{ required: true }]}>
      <Select data-testid="field-issue" loading={issues.isFetching}
        options={drafts.map((i) => ({ value: i.id, label: `${issueName(i, t)}${i.title ? ` ${i.title}` : ''}` }))} />
    </Form.Item>
  );
}
