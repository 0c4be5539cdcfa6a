import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { ErrorAlert } from '../../ui/error-alert';

const KINDS = ['government', 'party', 'court', 'enterprise', 'county', 'other'] as const;
type UnitForm = Omit<Unit, 'id'>;

/** Adds a handling unit (unit = null) or changes one. Its duty text feeds the suggested units of proposals. */
export function UnitFormModal({ open, unit, onClose }: { open: boolean; unit: Unit | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<UnitForm>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(unit ?? { kind: 'government', active: true, duties: '' });
  }, [open, unit, form]);
  const save = useMutation({
    mutationFn: (v: UnitForm) => (unit ? api.patch(`/api/units/${unit.id}`, v) : api.post('/api/units', v)),
    onSuccess: () => {
      message.success(t('units.saved'));
      void qc.invalidateQueries({ queryKey: ['units'] });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={unit ? t('units.edit') : t('units.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.error && <ErrorAlert error={save.error} />}
      <Form<UnitForm> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, min: 2, message: t('common.required', { field: t('units.name') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="duties" label={t('units.duties')} extra={t('units.dutiesHelp')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="contactPerson" label={t('units.contactPerson')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('units.contactPhone')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="active" label={t('units.active')} valuePropName="checked">
          <Switch checkedChildren={t('units.activeYes')} unCheckedChildren={t('units.activeNo')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
