import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Rate, Typography } from 'antd';
import { api } from '../../api/client';
import { useT } from '../../app/i18n';
import { LanguageToggle } from '../../app/language-toggle';
import { ErrorAlert } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';
import type { TrackingView } from './types';

/** The public tracking page: the state, dates and answer of a demand by its code; the rating once answered. */
export default function TrackPage() {
  const t = useT();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const qc = useQueryClient();
  const [typed, setTyped] = useState(code);
  const view = useQuery({ queryKey: ['track', code], queryFn: () => api.get<TrackingView>(`/api/public/track/${encodeURIComponent(code)}`), enabled: !!code, retry: false });
  const rate = useMutation({
    mutationFn: (v: { rating: number; comment?: string }) => api.post<TrackingView>(`/api/public/track/${encodeURIComponent(code)}/rating`, v),
    onSuccess: (d) => qc.setQueryData(['track', code], d),
  });
  const d = view.data;
  return (
    <main style={{ minHeight: '100vh', padding: 12, background: '#f5f5f5' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LanguageToggle /></div>
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ color: '#b71c1c', marginTop: 0 }}>{t('demands.track.title')}</Typography.Title>
        <Input.Search
          data-testid="track-code" value={typed} onChange={(e) => setTyped(e.target.value)} enterButton={t('demands.track.look')}
          placeholder={t('demands.track.placeholder')} maxLength={12} onSearch={(v) => v.trim() && navigate(`/track/${v.trim().toUpperCase()}`)}
        />
        {view.error && <div style={{ marginTop: 12 }}><ErrorAlert error={view.error} /></div>}
        {d && (
          <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="track-result">
            <Descriptions.Item label={t('demands.committee')}>{d.committeeName}</Descriptions.Item>
            <Descriptions.Item label={t('demands.kind')}>{d.kind}</Descriptions.Item>
            <Descriptions.Item label={t('demands.state')}><span data-testid="track-state">{d.stateLabel}</span></Descriptions.Item>
            <Descriptions.Item label={t('demands.submittedAt')}>{dateTimeOf(d.submittedAt)}</Descriptions.Item>
            {d.referredTo && <Descriptions.Item label={t('demands.referredTo')}>{d.referredTo}{d.deadline ? ` · ${t('demands.deadline')} ${d.deadline}` : ''}</Descriptions.Item>}
            {d.answer && <Descriptions.Item label={t('demands.answer')}><span data-testid="track-answer">{d.answer}</span></Descriptions.Item>}
            {d.answeredAt && <Descriptions.Item label={t('demands.answeredAt')}>{dateTimeOf(d.answeredAt)}</Descriptions.Item>}
            {d.declineReason && <Descriptions.Item label={t('demands.declineReason')}>{d.declineReason}</Descriptions.Item>}
            {d.redirectTo && <Descriptions.Item label={t('demands.redirectTo')}>{d.redirectTo}</Descriptions.Item>}
            {d.rating !== null && <Descriptions.Item label={t('demands.rating')}><Rate disabled value={d.rating} /></Descriptions.Item>}
          </Descriptions>
        )}
        {d?.mayRate && (
          <Form layout="vertical" style={{ marginTop: 16 }} onFinish={(v: { rating: number; comment?: string }) => rate.mutate(v)} data-testid="rating-form">
            <Form.Item name="rating" label={t('demands.track.rate')} rules={[{ required: true, message: t('demands.track.rateRequired') }]}><Rate /></Form.Item>
            <Form.Item name="comment" label={t('demands.track.comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
            {rate.error && <ErrorAlert error={rate.error} />}
            <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="rating-submit">{t('demands.track.sendRating')}</Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
