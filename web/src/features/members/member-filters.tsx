import { Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { MEMBER_ROLES, MEMBER_STATUSES, roleLabel, statusLabel } from './member-labels';
import { useStructure, type MemberListParams } from './members.api';

type FilterKey = 'sectorId' | 'specialCommitteeId' | 'role' | 'status';

/** Search box and the four filters of the member list; on a phone they stack. */
export function MemberFilters({ params, onChange }: { params: MemberListParams; onChange: (patch: Partial<MemberListParams>) => void }) {
  const { t } = useI18n();
  const structure = useStructure();
  const select = (key: FilterKey, placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={`filter-${key}`}
      value={params[key] || undefined}
      options={options}
      onChange={(v?: string) => onChange({ [key]: v ?? undefined })}
    />
  );
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={12} xl={8}>
        <Input.Search
          allowClear
          key={params.q ?? ''}
          defaultValue={params.q}
          placeholder={t('members.searchPlaceholder')}
          aria-label={t('members.searchPlaceholder')}
          data-testid="member-search"
          enterButton
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        {select('sectorId', t('members.allSectors'), (structure.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name })))}
      </Col>
      <Col xs={12} md={6} xl={4}>
        {select('specialCommitteeId', t('members.allSpecialCommittees'), (structure.data?.specialCommittees ?? []).map((s) => ({ value: s.id, label: s.name })))}
      </Col>
      <Col xs={12} md={6} xl={4}>
        {select('role', t('members.allRoles'), MEMBER_ROLES.map((r) => ({ value: r, label: roleLabel(r, t) })))}
      </Col>
      <Col xs={12} md={6} xl={4}>
        {select('status', t('members.allStatuses'), MEMBER_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) })))}
      </Col>
    </Row>
  );
}
