import { useEffect } from 'react';
import { Alert, Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { ApiError } from '../../api/client';
import type { MemberView } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../ui/error-alert';
import { GENDERS, MEMBER_ROLES, MEMBER_STATUSES, genderLabel, roleLabel, statusLabel } from './member-labels';
import { useStructure, type MemberFormValues } from './members.api';

const FIELDS = ['name', 'gender', 'ethnicity', 'birthDate', 'party', 'sectorId', 'specialCommitteeId', 'roles', 'employer', 'title', 'phone', 'status', 'leftAt', 'leftReason'] as const;
type Field = (typeof FIELDS)[number];
type Values = Partial<Record<Field, unknown>>;

// Fields the API lets be null; the others have defaults and are left out when empty.
const NULLABLE = new Set<Field>(['birthDate', 'party', 'sectorId', 'specialCommitteeId', 'employer', 'title', 'phone', 'leftAt', 'leftReason']);

/** '' from a cleared input means "no value" to the API. */
function clean(values: Values): MemberFormValues {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const raw = values[f];
    const v = typeof raw === 'string' ? raw.trim() || null : raw ?? null;
    if (v !== null) out[f] = v;
    else if (NULLABLE.has(f)) out[f] = null;
  }
  if (out.status !== 'left') Object.assign(out, { leftAt: null, leftReason: null });
  return out as MemberFormValues;
}

interface Props {
  initial?: MemberView;
  saving: boolean;
  error: unknown;
  onSubmit: (values: MemberFormValues) => void;
  onCancel: () => void;
}

/** The member form of both the create and the edit page. */
export function MemberForm({ initial, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const structure = useStructure();
  const status = Form.useWatch('status', form);

  // The server's validation details name fields ("body.phone"): put each message under its field.
  useEffect(() => {
    if (!(error instanceof ApiError) || !Array.isArray(error.details)) return;
    const fields = (error.details as { field?: string; message?: string }[])
      .filter((d) => d.field?.startsWith('body.') && FIELDS.includes(d.field.split('.')[1] as Field))
      .map((d) => ({ name: d.field!.split('.')[1] as Field, errors: [d.message ?? ''] }));
    if (fields.length) form.setFields(fields);
  }, [error, form]);

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const dateRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial ?? { gender: 'male', ethnicity: '汉族', roles: ['member'], status: 'active' }}
      onFinish={(v) => onSubmit(clean(v))}
      scrollToFirstError
    >
      {!!error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorText(error, t('common.network'))} />}
      <Row gutter={16}>
        <Col xs={24} md={12}><Form.Item name="name" label={t('member.name')} rules={required(t('member.name'))}><Input data-testid="field-name" maxLength={40} /></Form.Item></Col>
        <Col xs={24} md={12}>
          <Form.Item name="gender" label={t('member.gender')} rules={required(t('member.gender'))}>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: genderLabel(g, t) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}><Form.Item name="ethnicity" label={t('member.ethnicity')}><Input maxLength={20} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="birthDate" label={t('member.birthDate')} rules={[dateRule]}><Input type="date" /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="party" label={t('member.party')}><Input maxLength={40} /></Form.Item></Col>
        <Col xs={24} md={12}>
          <Form.Item name="sectorId" label={t('member.sector')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={structure.data?.sectors.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="specialCommitteeId" label={t('member.specialCommittee')}>
            <Select allowClear options={structure.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="roles" label={t('member.roles')} rules={required(t('member.roles'))}>
            <Select mode="multiple" options={MEMBER_ROLES.map((r) => ({ value: r, label: roleLabel(r, t) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}><Form.Item name="employer" label={t('member.employer')}><Input maxLength={100} /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="title" label={t('member.title')}><Input maxLength={100} /></Form.Item></Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('member.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('members.phoneInvalid') }]}>
            <Input inputMode="tel" maxLength={11} data-testid="field-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('member.status')}>
            <Radio.Group options={MEMBER_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))} />
          </Form.Item>
        </Col>
        {status === 'left' && (
          <>
            <Col xs={24} md={12}><Form.Item name="leftAt" label={t('member.leftAt')} rules={[...required(t('member.leftAt')), dateRule]} extra={t('members.leftHint')}><Input type="date" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="leftReason" label={t('member.leftReason')} rules={required(t('member.leftReason'))}><Input maxLength={200} /></Form.Item></Col>
          </>
        )}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="member-save">{t('common.save')}</Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
