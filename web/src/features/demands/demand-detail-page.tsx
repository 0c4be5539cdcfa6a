import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { RequireAbility, useCan } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { AttachmentList } from '../../ui/attachment-list';
import { ErrorAlert } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';
import type { DemandAction, DemandView } from './types';
import type { AttachmentMeta } from '../../../../src/modules/inbox/contracts';

type Detail = DemandView & { photos: AttachmentMeta[] };

export default function DemandDetailPage() {
  return (
    <RequireAbility ability="demands.read">
      <DemandDetail />
    </RequireAbility>
  );
}

/** The path and body of each move the server may allow (the abilities it sent decide which show). */
const MOVES: Record<Exclude<DemandAction, 'rate'>, { path: string; field?: 'answer' | 'reason' }> = {
  answer_on_spot: { path: 'answer-on-spot', field: 'answer' },
  refer: { path: 'refer' },
  assign_member: { path: 'assign-member' },
  convert: { path: 'convert' },
  decline: { path: 'decline', field: 'reason' },
  return_referral: { path: 'return', field: 'reason' },
  unit_answer: { path: 'unit-answer', field: 'answer' },
  member_answer: { path: 'member-answer', field: 'answer' },
  close: { path: 'close' },
};

function DemandDetail() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const can = useCan();
  const demand = useQuery({ queryKey: ['demand', id], queryFn: () => api.get<Detail>(`/api/demands/${id}`) });
  const units = useQuery({ queryKey: ['units', ''], queryFn: () => api.get<{ items: Unit[] }>('/api/units'), enabled: can('org.units.read') && !!demand.data?.abilities.includes('refer') });
  const [person, setPerson] = useState<{ name: string | null; phone: string | null; idNo: string | null } | null>(null);
  const reveal = useMutation({ mutationFn: () => api.post<typeof person>(`/api/demands/${id}/personal-data`), onSuccess: setPerson });
  const move = useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) => api.post<Detail | { id: string; visible: false }>(`/api/demands/${id}/${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['demand', id] }).then(() => qc.invalidateQueries({ queryKey: ['demands'] })),
  });
  const d = demand.data;
  if (demand.error) return <ErrorAlert error={demand.error} />;
  if (!d) return null;
  const shown = person ?? d.person;
  const label = (a: DemandAction) => t(`demands.action.${a}` as MessageKey);
  const actionCard = (a: Exclude<DemandAction, 'rate'>, body: ReactNode, toBody: (v: Record<string, unknown>) => object = (v) => v) => (
    <Card key={a} size="small" title={label(a)} data-testid={`action-${a}`}>
      <Form layout="vertical" onFinish={(v) => move.mutate({ path: MOVES[a].path, body: toBody(v) })}>
        {body}
        <Button type="primary" htmlType="submit" loading={move.isPending} data-testid={`submit-${a}`}>{label(a)}</Button>
      </Form>
    </Card>
  );
  const textField = (name: string, key: MessageKey, min = 2) => (
    <Form.Item name={name} label={t(key)} rules={[{ required: true, min, message: t('demands.required') }]}><Input.TextArea rows={3} data-testid={`field-${name}`} /></Form.Item>
  );
  const forms: Partial<Record<DemandAction, ReactNode>> = {
    answer_on_spot: actionCard('answer_on_spot', textField('answer', 'demands.answer')),
    unit_answer: actionCard('unit_answer', textField('answer', 'demands.answer')),
    member_answer: actionCard('member_answer', textField('answer', 'demands.answer')),
    refer: actionCard('refer', (
      <>
        <Form.Item name="unitId" label={t('demands.unit')} rules={[{ required: true, message: t('demands.required') }]}>
          <Select showSearch optionFilterProp="label" data-testid="refer-unit" options={(units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="workingDays" label={t('demands.workingDays')}><InputNumber min={1} max={60} /></Form.Item>
      </>
    )),
    assign_member: actionCard('assign_member', (
      <Form.Item name="memberId" label={t('demands.memberId')} rules={[{ required: true, message: t('demands.required') }]}><Input /></Form.Item>
    )),
    convert: actionCard('convert', (
      <Form.Item name="target" label={t('demands.convertTarget')} initialValue="social_info">
        <Select options={[{ value: 'social_info', label: t('demands.target.social_info') }, { value: 'proposal', label: t('demands.target.proposal') }]} />
      </Form.Item>
    )),
    decline: actionCard('decline', (
      <>
        {textField('reason', 'demands.declineReason')}
        <Form.Item name="redirectTo" label={t('demands.redirectTo')} rules={[{ required: true, min: 2, message: t('demands.required') }]}><Input data-testid="field-redirectTo" placeholder="县信访局" /></Form.Item>
      </>
    )),
    return_referral: actionCard('return_referral', textField('reason', 'demands.returnReason')),
    close: actionCard('close', null),
  };
  return (
    <>
      <Typography.Title level={3}>{d.matter}</Typography.Title>
      <Space style={{ marginBottom: 12 }}><Tag color="red" data-testid="detail-state">{d.stateLabel}</Tag><Typography.Text type="secondary">{t('demands.trackingCode')} {d.trackingCode}</Typography.Text></Space>
      {move.data && 'visible' in move.data && <Alert type="success" showIcon message={t('demands.returned')} style={{ marginBottom: 12 }} />}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('demands.kind')}>{d.kind}</Descriptions.Item>
        <Descriptions.Item label={t('demands.channel')}>{d.channelLabel}</Descriptions.Item>
        <Descriptions.Item label={t('demands.place')}>{d.placeText || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('demands.submittedAt')}>{dateTimeOf(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('demands.details')} span={2}>{d.details || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('demands.person')} span={2}>
          <Flex gap={8} align="center" wrap>
            <span data-testid="person">{d.personErased ? t('demands.personErased') : [shown.name, shown.phone, shown.idNo].filter(Boolean).join(' · ') || t('common.none')}</span>
            {d.mayReveal && !person && <Button size="small" onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="reveal">{t('demands.reveal')}</Button>}
          </Flex>
        </Descriptions.Item>
        {d.unitName && <Descriptions.Item label={t('demands.referredTo')}>{d.unitName}{d.deadline ? ` · ${t('demands.deadline')} ${d.deadline}` : ''}</Descriptions.Item>}
        {d.memberName && <Descriptions.Item label={t('demands.member')}>{d.memberName}</Descriptions.Item>}
        {d.answer && <Descriptions.Item label={t('demands.answer')} span={2}><span data-testid="detail-answer">{d.answer}</span></Descriptions.Item>}
        {d.declineReason && <Descriptions.Item label={t('demands.declineReason')}>{d.declineReason}</Descriptions.Item>}
        {d.redirectTo && <Descriptions.Item label={t('demands.redirectTo')}>{d.redirectTo}</Descriptions.Item>}
        {d.rating !== null && <Descriptions.Item label={t('demands.rating')}>{d.rating} / 5 {d.ratingComment ?? ''}</Descriptions.Item>}
      </Descriptions>
      {d.photos.length > 0 && <div style={{ marginTop: 12 }}><AttachmentList items={d.photos} /></div>}
      {(reveal.error || move.error) && <ErrorAlert error={reveal.error ?? move.error} style={{ marginTop: 12 }} />}
      <Flex gap={12} wrap style={{ marginTop: 16 }}>
        {d.abilities.map((a) => forms[a])}
      </Flex>
    </>
  );
}
