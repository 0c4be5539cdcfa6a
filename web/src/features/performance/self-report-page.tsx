import { useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { RequireAbility } from '../../app/auth';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import { useKinds, useSubmitRecord } from './performance.api';
import { useEnumLabel } from '../../ui/enum-label';
import { usePerfT, type PerfKey } from './performance-i18n';

/** 自行填报: kind, date, title, the kind's typed metrics, evidence (photos and files uploaded from the phone, links). */
export default function SelfReportPage() {
  return (
    <RequireAbility ability="performance.report">
      <SelfReport />
    </RequireAbility>
  );
}

interface Values { kind: string; occurredOn: Dayjs; title: string; description?: string; evidence?: string; files?: AttachmentMeta[]; metrics?: Record<string, number | null> }

function SelfReport() {
  const t = usePerfT();
  const label = useEnumLabel();
  const kinds = useKinds();
  const submit = useSubmitRecord();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const metricKeys = (kind && kinds.data?.metrics[kind]) || [];
  const onFinish = (v: Values) => {
    const metrics = Object.fromEntries(Object.entries(v.metrics ?? {}).filter(([k, x]) => metricKeys.includes(k) && typeof x === 'number')) as Record<string, number>;
    const evidence = (v.evidence ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => ({ name: l.split('/').pop() || l, url: /^https?:\/\//.test(l) ? l : null }));
    submit.mutate(
      {
        kind: v.kind as never, occurredOn: v.occurredOn.format('YYYY-MM-DD'), title: v.title, description: v.description, metrics, evidence,
        attachmentIds: (v.files ?? []).map((f) => f.id),
      },
      { onSuccess: () => navigate('/performance') },
    );
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('report.title')}</Typography.Title>
      {submit.error && <ErrorAlert error={submit.error} />}
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="kind" label={t('report.kind')} rules={[{ required: true }]}>
            <Select data-testid="report-kind" virtual={false} options={(kinds.data?.selfReportable ?? []).map((k) => ({ value: k, label: label('dutyKind', k, kinds.data!.kinds[k]) }))} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('report.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="report-date" />
          </Form.Item>
          <Form.Item name="title" label={t('report.name')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input data-testid="report-title" />
          </Form.Item>
          {metricKeys.map((m) => (
            <Form.Item key={m} name={['metrics', m]} label={t(`metric.${m}` as PerfKey)}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`report-metric-${m}`} />
            </Form.Item>
          ))}
          <Form.Item name="description" label={t('report.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="files" label={t('report.files')}>
            <AttachmentUpload max={9} />
          </Form.Item>
          <Form.Item name="evidence" label={t('report.evidence')}>
            <Input.TextArea rows={3} data-testid="report-evidence" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="report-submit">{t('report.submit')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
