import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { genderLabel, roleLabel, statusLabel } from './member-labels';
import { useMember } from './members.api';

export default function MemberDetailPage() {
  return (
    <RequireAbility ability="org.members.read">
      <MemberDetail />
    </RequireAbility>
  );
}

function MemberDetail() {
  const { t } = useI18n();
  const { id } = useParams();
  const screens = Grid.useBreakpoint();
  const member = useMember(id);
  if (member.error) return <ErrorAlert error={member.error} />;
  const m = member.data;
  const none = t('common.none');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to="/members"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('members.title')}</Button></Link>
      <Card
        title={<Typography.Text strong data-testid="member-name">{m?.name ?? t('members.detailTitle')}</Typography.Text>}
        // The server says whether this caller may edit; the button follows it.
        extra={m?.abilities.edit && (
          <Link to={`/members/${m.id}/edit`}><Button type="primary" icon={<EditOutlined />} data-testid="member-edit">{t('members.edit')}</Button></Link>
        )}
      >
        {!m ? <Skeleton active /> : (
          <Descriptions column={screens.lg ? 2 : 1} size="small" bordered={!!screens.md}>
            <Descriptions.Item label={t('member.gender')}>{genderLabel(m.gender, t)}</Descriptions.Item>
            <Descriptions.Item label={t('member.ethnicity')}>{m.ethnicity}</Descriptions.Item>
            <Descriptions.Item label={t('member.birthDate')}>{m.birthDate ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.party')}>{m.party ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.sector')}>{m.sectorName ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.specialCommittee')}>{m.specialCommitteeName ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.roles')}>{m.roles.map((r) => <Tag key={r}>{roleLabel(r, t)}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('member.status')}>{statusLabel(m.status, t)}</Descriptions.Item>
            <Descriptions.Item label={t('member.employer')}>{m.employer ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.title')}>{m.title ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('member.phone')}>{m.phone ?? none}</Descriptions.Item>
            {m.status === 'left' && <Descriptions.Item label={t('member.leftAt')}>{m.leftAt ?? none}</Descriptions.Item>}
            {m.status === 'left' && <Descriptions.Item label={t('member.leftReason')}>{m.leftReason ?? none}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
