import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { api } from '../../api/client';
import type { Grant, MemberView, Page, Unit } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';

/** The server's catalogue (GET /api/users/role-catalogue): its four roles and offices plus those the modules declare. */
interface Catalogue { roles: { key: string; zh: string; en: string }[]; offices: { key: string; zh: string; en: string }[] }

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  grants: Grant[];
}

/** Finds a member of this committee by name or pinyin, for a member account. */
function MemberPicker({ value, onChange }: { value?: string | null; onChange?(v: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['users', 'member-picker', q],
    queryFn: () => api.get<Page<MemberView>>('/api/members', { q, pageSize: 20 }),
    enabled: q.length > 0,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('users.pickMember')}
      notFoundContent={null}
      options={found.data?.items.map((m) => ({ value: m.id, label: m.sectorName ? `${m.name}（${m.sectorName}）` : m.name }))}
      style={{ minWidth: 200 }}
    />
  );
}

/**
 * Creates an account with its roles. The password typed here is known to the office, so the
 * server makes its owner replace it at the first login.
 */
export function UserCreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<UserForm>();
  const catalogue = useQuery({ queryKey: ['users', 'role-catalogue'], queryFn: () => api.get<Catalogue>('/api/users/role-catalogue'), enabled: open, staleTime: Infinity });
  const units = useQuery({ queryKey: ['units', ''], queryFn: () => api.get<{ items: Unit[] }>('/api/units', { q: '' }), enabled: open });
  const create = useMutation({
    mutationFn: (v: UserForm) => api.post<{ id: string }>('/api/users', v),
    onSuccess: () => {
      message.success(t('users.created'));
      void qc.invalidateQueries({ queryKey: ['users'] });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {create.error && <ErrorAlert error={create.error} />}
      <Form<UserForm> form={form} layout="vertical" initialValues={{ grants: [{ role: 'member' }] }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="username" label={t('users.username')} extra={t('users.usernameHelp')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,40}$/, message: t('users.usernameHelp') }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('common.required', { field: t('users.displayName') }) }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.initialPasswordHelp')} rules={[{ required: true, min: 8, message: t('users.initialPasswordHelp') }]}>
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <Select data-testid="grant-role" aria-label={t('users.roles')} style={{ width: 170 }} options={catalogue.data?.roles.map((r) => ({ value: r.key, label: lang === 'en' ? r.en : r.zh }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const role = form.getFieldValue(['grants', f.name, 'role']) as Grant['role'];
                      if (role === 'staff') {
                        return (
                          <Form.Item name={[f.name, 'office']} rules={[{ required: true, message: t('users.needOffice') }]} style={{ marginBottom: 0 }}>
                            <Select placeholder={t('users.office')} style={{ width: 170 }} options={catalogue.data?.offices.map((o) => ({ value: o.key, label: lang === 'en' ? o.en : o.zh }))} />
                          </Form.Item>
                        );
                      }
                      if (role === 'unit_clerk') {
                        return (
                          <Form.Item name={[f.name, 'unitId']} rules={[{ required: true, message: t('users.needUnit') }]} style={{ marginBottom: 0 }}>
                            <Select data-testid="grant-unit" showSearch={{ optionFilterProp: 'label' }} placeholder={t('users.unit')} style={{ width: 220 }} options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))} />
                          </Form.Item>
                        );
                      }
                      if (role === 'member') {
                        return (
                          <Form.Item name={[f.name, 'memberId']} rules={[{ required: true, message: t('users.needMember') }]} style={{ marginBottom: 0 }}>
                            <MemberPicker />
                          </Form.Item>
                        );
                      }
                      return null;
                    }}
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('users.removeRole')}</Button>}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ role: 'staff' })}>{t('users.addRole')}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** Resets a password: the server generates one and shows it once; the owner must change it at the next login. */
export function useResetPassword() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  return useMutation({
    mutationFn: (id: string) => api.post<{ password: string | null }>(`/api/users/${id}/reset-password`, {}),
    onSuccess: (r) => {
      modal.info({ title: t('users.resetDone'), content: <Input.Password readOnly value={r.password ?? ''} visibilityToggle aria-label={t('users.newPassword')} /> });
    },
    onError: () => message.error(t('users.resetFailed')),
  });
}
