import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { grantLabel } from '../../ui/role-label';


/** Greets the user with who they are here: committee and roles. No figures until there are real ones. */
export default function HomePage() {
  const { t } = useI18n();
  const me = useSession();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
        {t('home.greeting', { name: me.user.displayName })}
      </Typography.Title>
      <Card>
        <Descriptions column={1} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('home.committee')}>
            <span data-testid="current-committee">{me.currentCommittee?.name ?? t('home.noCommittee')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>
            <Space wrap size={[4, 4]} data-testid="my-roles">
              {me.user.isPlatformAdmin && <Tag color="red">{t('home.platformAdmin')}</Tag>}
              {me.grants.map((g, i) => <Tag key={i} color="blue">{grantLabel(t, g)}</Tag>)}
              {!me.user.isPlatformAdmin && me.grants.length === 0 && t('home.noRoles')}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
    </Space>
  );
}
