import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { api } from '../../api/client';
import { ME_KEY } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../ui/error-alert';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) => api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
      // mustChangePassword is cleared on the server; refresh the banner.
      void qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  return (
    <Form<Values> form={form} layout="vertical" style={{ maxWidth: 400 }} onFinish={(v) => change.mutate(v)}>
      {change.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorText(change.error, t('common.network'))} />}
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('account.currentPassword') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, min: 8, message: t('account.passwordMin') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('account.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>{t('account.changePassword')}</Button>
    </Form>
  );
}
