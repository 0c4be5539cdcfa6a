import { useNavigate, useParams } from 'react-router';
import { App, Card, Skeleton } from 'antd';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { MemberForm } from './member-form';
import { useMember, useSaveMember } from './members.api';

export default function MemberEditPage() {
  const { t } = useI18n();
  return (
    <RequireAbility ability="org.members.write" message={t('members.editForbidden')}>
      <MemberEdit />
    </RequireAbility>
  );
}

function MemberEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const member = useMember(id);
  const save = useSaveMember(id);
  if (member.error) return <ErrorAlert error={member.error} />;
  return (
    <Card title={member.data ? `${t('members.editTitle')}：${member.data.name}` : t('members.editTitle')}>
      {!member.data ? <Skeleton active /> : (
        <MemberForm
          initial={member.data}
          saving={save.isPending}
          error={save.error}
          onCancel={() => navigate(`/members/${id}`)}
          onSubmit={(values) => save.mutate(values, {
            onSuccess: () => {
              message.success(t('members.saved'));
              navigate(`/members/${id}`);
            },
          })}
        />
      )}
    </Card>
  );
}
