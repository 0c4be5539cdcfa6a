import { Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useSettings } from './consultation.api';
import type { CoT } from './consultation-i18n';

/** The fields of a plan item (itemInput in the server's contracts); the form list is the committee's. */
export function ItemFields({ t, withTitle = true }: { t: CoT; withTitle?: boolean }) {
  const settings = useSettings();
  const req = [{ required: true, message: t('field.required') }];
  return (
    <>
      {withTitle && <Form.Item name="title" label={t('item.title')} rules={[...req, { min: 4 }, { max: 120 }]}><Input maxLength={120} data-testid="item-title" /></Form.Item>}
      <Space wrap align="start">
        <Form.Item name="form" label={t('item.form')} rules={req}>
          <Select style={{ width: 200 }} data-testid="item-form" options={(settings.data?.forms ?? []).map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="lead" label={t('item.lead')} rules={[...req, { min: 2 }, { max: 60 }]}>
          <Input placeholder={t('item.leadHint')} maxLength={60} style={{ width: 220 }} data-testid="item-lead" />
        </Form.Item>
        <Form.Item name="month" label={t('item.month')}><InputNumber min={1} max={12} style={{ width: 90 }} data-testid="item-month" /></Form.Item>
      </Space>
      <Form.Item name="leaders" label={t('item.leaders')} extra={t('item.listHint')}><Select mode="tags" open={false} data-testid="item-leaders" /></Form.Item>
      <Form.Item name="units" label={t('item.units')} extra={t('item.listHint')}><Select mode="tags" open={false} data-testid="item-units" /></Form.Item>
      <Form.Item name="supervisory" valuePropName="checked"><Checkbox data-testid="item-supervisory">{t('item.supervisory')}</Checkbox></Form.Item>
    </>
  );
}

export interface ItemValues { title?: string; form: string; lead: string; month?: number | null; leaders?: string[]; units?: string[]; supervisory?: boolean }
/** Form values to the item body: an empty month is null (not planned yet). */
export const itemBody = (v: ItemValues) => ({
  ...(v.title !== undefined ? { title: v.title } : {}), form: v.form, lead: v.lead, month: v.month ?? null,
  leaders: v.leaders ?? [], units: v.units ?? [], supervisory: !!v.supervisory,
});
