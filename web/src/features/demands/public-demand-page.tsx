import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useT } from '../../app/i18n';
import { LanguageToggle } from '../../app/language-toggle';
import { ErrorAlert } from '../../ui/error-alert';
import { solveChallenge } from './proof-of-work';

interface DemandForm { committeeName: string; kinds: string[]; maxPhotos: number; photoMaxMb: number; challenge: string; bits: number }
interface Photo { id: string; receipt: string }
interface Values { kind: string; matter: string; details?: string; placeText?: string; personName?: string; personPhone?: string }

/** 群众诉求 on a phone, no login: the form, photos, a short proof of work, then the tracking code. */
export default function PublicDemandPage() {
  const t = useT();
  const { code = '' } = useParams();
  const form = useQuery({ queryKey: ['public-demand-form', code], queryFn: () => api.get<DemandForm>(`/api/public/${encodeURIComponent(code)}/demand-form`), retry: false });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [photos, setPhotos] = useState<Record<string, Photo>>({});
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tracking, setTracking] = useState<string | null>(null);

  const submit = async (v: Values) => {
    if (!form.data) return;
    setError(null);
    try {
      setBusy('checking');
      // A fresh challenge each time: one solved challenge buys one submission.
      const fresh = await api.get<DemandForm>(`/api/public/${encodeURIComponent(code)}/demand-form`);
      const solution = await solveChallenge(fresh.challenge, fresh.bits);
      setBusy('sending');
      const body = { ...v, challenge: fresh.challenge, solution, photos: files.map((f) => photos[f.uid]).filter(Boolean) };
      const clean = Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== ''));
      const out = await api.post<{ trackingCode: string }>(`/api/public/${encodeURIComponent(code)}/demands`, clean);
      setTracking(out.trackingCode);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <main style={{ minHeight: '100vh', padding: 12, background: '#f5f5f5' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LanguageToggle /></div>
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ color: '#b71c1c', marginTop: 0 }}>{t('demands.public.title')}</Typography.Title>
        {form.error && <ErrorAlert error={form.error} />}
        {form.data && <Typography.Paragraph type="secondary">{form.data.committeeName} · {t('demands.public.intro')}</Typography.Paragraph>}
        {tracking ? (
          <Result
            status="success"
            title={t('demands.public.done')}
            subTitle={t('demands.public.keepCode')}
            extra={[
              <Typography.Title key="code" level={3} copyable={{ text: tracking }} style={{ letterSpacing: 1, whiteSpace: 'nowrap' }}><span data-testid="tracking-code">{tracking}</span></Typography.Title>,
              <Link key="track" to={`/track/${tracking}`}><Button type="primary">{t('demands.public.trackNow')}</Button></Link>,
            ]}
          />
        ) : form.data && (
          <Form<Values> layout="vertical" onFinish={submit} disabled={!!busy} data-testid="public-demand-form">
            <Form.Item name="kind" label={t('demands.kind')} rules={[{ required: true, message: t('demands.public.kindRequired') }]}>
              <Select data-testid="demand-kind" options={form.data.kinds.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
            <Form.Item name="matter" label={t('demands.matter')} rules={[{ required: true, min: 4, max: 200, message: t('demands.public.matterRule') }]}>
              <Input data-testid="demand-matter" maxLength={200} />
            </Form.Item>
            <Form.Item name="details" label={t('demands.details')}>
              <Input.TextArea data-testid="demand-details" rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="placeText" label={t('demands.place')}>
              <Input data-testid="demand-place" maxLength={120} placeholder={t('demands.public.placeHint')} />
            </Form.Item>
            <Form.Item label={t('demands.photos')} extra={t('demands.public.photoHint', { n: form.data.maxPhotos, mb: form.data.photoMaxMb })}>
              <Upload
                accept="image/*"
                listType="picture"
                fileList={files}
                maxCount={form.data.maxPhotos}
                data-testid="demand-photo"
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    const out = await api.upload<Photo>(`/api/public/${encodeURIComponent(code)}/photos`, 'file', file as Blob, (file as File).name);
                    setPhotos((p) => ({ ...p, [(file as unknown as UploadFile).uid]: { id: out.id, receipt: out.receipt } }));
                    onSuccess?.(out);
                  } catch (err) {
                    setError(err);
                    onError?.(err as Error);
                  }
                }}
                onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== 'error'))}
              >
                <Button icon={<CameraOutlined />}>{t('demands.public.addPhoto')}</Button>
              </Upload>
            </Form.Item>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('demands.public.privacy')} />
            <Form.Item name="personName" label={t('demands.personName')}><Input data-testid="demand-name" maxLength={30} /></Form.Item>
            <Form.Item name="personPhone" label={t('demands.personPhone')} rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('demands.public.phoneRule') }]}>
              <Input data-testid="demand-phone" inputMode="tel" maxLength={13} />
            </Form.Item>
            {error != null && <ErrorAlert error={error} />}
            <Button type="primary" htmlType="submit" block size="large" loading={!!busy} data-testid="demand-submit" disabled={files.some((f) => f.status === 'uploading')}>
              {busy === 'checking' ? t('demands.public.checking') : t('demands.public.submit')}
            </Button>
          </Form>
        )}
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}><Link to="/track">{t('demands.public.haveCode')}</Link></Typography.Paragraph>
      </Card>
    </main>
  );
}
