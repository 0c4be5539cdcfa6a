import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ApiTokens } from './api-tokens';
import { PasswordForm } from './password-form';

export default function AccountPage() {
  const { t } = useI18n();
  const me = useSession();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('account.title')}</Typography.Title>
      {me.user.mustChangePassword && <Alert type="warning" showIcon title={t('home.mustChangePassword')} />}
      <Card title={t('account.profile')} size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('users.username')}>{me.user.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.displayName')}>{me.user.displayName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('account.passwordTitle')} size="small">
        <PasswordForm />
      </Card>
      <Card title={t('account.tokensTitle')} size="small">
        <ApiTokens />
      </Card>
    </Space>
  );
}
