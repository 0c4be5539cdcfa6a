import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLogin, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { LanguageToggle } from '../../app/language-toggle';
import { errorText } from '../../ui/error-alert';

/** Only same-site paths are followed after login, so a crafted link cannot send the user away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: { username: string; password: string }) =>
    login.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
    });

  return (
    <main style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(180deg, #fbe9e7 0%, #f5f5f5 60%)' }}>
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageToggle />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={2} style={{ textAlign: 'center', color: '#b71c1c', marginBottom: 4 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {login.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorText(login.error, t('common.network'))} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required', { field: t('login.username') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
