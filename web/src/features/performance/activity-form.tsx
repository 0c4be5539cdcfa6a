import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { ErrorAlert } from '../../ui/error-alert';
import { useCreateActivity, useKinds, useMemberOptions, useUpdateActivity, type ActivityDetail } from './performance.api';
import { usePerfT } from './performance-i18n';

type Invite = 'all' | 'standing' | 'chosen';
interface Values { type: string; title: string; startsAt: string; endsAt?: string; halfDays: number; place?: string; invite: Invite; inviteeIds?: string[] }

/** Times are entered and shown in China time: the field's "YYYY-MM-DDTHH:mm" is read as +08:00 whatever the browser's zone. */
const toChinaIso = (local: string) => `${local}:00+08:00`;
const fromIso = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);

/**
 * The office creates an activity or meeting (type, title, time, half-days, place, whom to invite:
 * every member, the standing committee, or members chosen by name), or changes an open one (and
 * invites more). The server gives the check-in code.
 */
export function ActivityFormModal({ open, onClose, onSaved, activity }: { open: boolean; onClose: () => void; onSaved: (id: string) => void; activity?: ActivityDetail }) {
  const t = usePerfT();
  const [form] = Form.useForm<Values>();
  const kinds = useKinds();
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? '');
  const [invite, setInvite] = useState<Invite>(activity ? 'chosen' : 'all');
  const members = useMemberOptions(open && invite === 'chosen');
  const saving = create.isPending || update.isPending;
  const submit = (v: Values) => {
    const common = { title: v.title, startsAt: toChinaIso(v.startsAt), endsAt: v.endsAt ? toChinaIso(v.endsAt) : null, halfDays: v.halfDays, place: v.place ?? null };
    if (activity) {
      update.mutate({ ...common, addInviteeIds: v.inviteeIds ?? [] }, { onSuccess: (a) => onSaved(a.id) });
    } else {
      create.mutate({
        ...common, type: v.type as never,
        inviteAll: v.invite !== 'chosen', inviteRoles: v.invite === 'standing' ? ['standing', 'vice_chair', 'chair', 'secretary_general'] : null,
        inviteeIds: v.invite === 'chosen' ? v.inviteeIds ?? [] : [],
      }, { onSuccess: (a) => onSaved(a.id) });
    }
  };
  return (
    <Modal
      open={open} destroyOnHidden title={activity ? t('actForm.edit') : t('actForm.create')} onCancel={onClose}
      okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'activity-save' } as never}
    >
      {(create.error || update.error) && <ErrorAlert error={create.error ?? update.error} />}
      <Form<Values>
        form={form} layout="vertical" onFinish={submit} data-testid="activity-form"
        initialValues={activity
          ? { type: activity.type, title: activity.title, startsAt: fromIso(activity.startsAt), endsAt: activity.endsAt ? fromIso(activity.endsAt) : undefined, halfDays: activity.halfDays, place: activity.place ?? undefined, invite: 'chosen' }
          : { type: 'bimonthly_consultation', halfDays: 1, invite: 'all' }}
      >
        <Form.Item name="type" label={t('act.type')} rules={[{ required: true, message: t('actForm.typeRequired') }]}>
          <Select disabled={!!activity} data-testid="activity-type" options={Object.entries(kinds.data?.activityTypes ?? {}).map(([value, a]) => ({ value, label: a.label }))} />
        </Form.Item>
        <Form.Item name="title" label={t('act.name')} rules={[{ required: true, min: 2, max: 100, message: t('actForm.titleRequired') }]}>
          <Input data-testid="activity-title-input" maxLength={100} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('actForm.startsAt')} extra={t('actForm.timeHint')} rules={[{ required: true, message: t('actForm.timeRequired') }]}>
          <Input type="datetime-local" data-testid="activity-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('actForm.endsAt')}>
          <Input type="datetime-local" data-testid="activity-ends" />
        </Form.Item>
        <Form.Item name="halfDays" label={t('actForm.halfDays')} rules={[{ required: true, message: t('actForm.halfDaysRequired') }]}>
          <InputNumber min={1} max={20} data-testid="activity-half-days" />
        </Form.Item>
        <Form.Item name="place" label={t('act.place')}>
          <Input maxLength={100} data-testid="activity-place" />
        </Form.Item>
        {!activity && (
          <Form.Item name="invite" label={t('actForm.invite')}>
            <Radio.Group onChange={(e) => setInvite(e.target.value as Invite)} data-testid="activity-invite">
              <Radio value="all">{t('actForm.inviteAll')}</Radio>
              <Radio value="standing">{t('actForm.inviteStanding')}</Radio>
              <Radio value="chosen">{t('actForm.inviteChosen')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {invite === 'chosen' && (
          <Form.Item name="inviteeIds" label={activity ? t('actForm.inviteMore') : t('actForm.invitees')}
            rules={activity ? [] : [{ required: true, message: t('actForm.inviteesRequired') }]}>
            <Select
              mode="multiple" showSearch optionFilterProp="label" loading={members.isPending} data-testid="activity-invitees"
              options={(members.data?.items ?? []).filter((m) => !activity?.attendance?.some((x) => x.memberId === m.id))
                .map((m) => ({ value: m.id, label: m.sectorName ? `${m.name}（${m.sectorName}）` : m.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
