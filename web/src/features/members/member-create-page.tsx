import { useNavigate } from 'react-router';
import { App, Card } from 'antd';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { MemberForm } from './member-form';
import { useSaveMember } from './members.api';

export default function MemberCreatePage() {
  const { t } = useI18n();
  return (
    <RequireAbility ability="org.members.write" message={t('members.editForbidden')}>
      <MemberCreate />
    </RequireAbility>
  );
}

function MemberCreate() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveMember();
  return (
    <Card title={t('members.createTitle')}>
      <MemberForm
        saving={save.isPending}
        error={save.error}
        onCancel={() => navigate('/members')}
        onSubmit={(values) => save.mutate(values, {
          onSuccess: (m) => {
            message.success(t('members.created'));
            navigate(`/members/${m.id}`);
          },
        })}
      />
    </Card>
  );
}
