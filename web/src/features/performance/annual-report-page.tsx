import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { RequireAbility } from '../../app/auth';
import { AttachmentUpload, type AttachmentMeta } from '../../ui/attachment-upload';
import { ErrorAlert } from '../../ui/error-alert';
import { REPORT_MAX, REPORT_MIN, reportYears, useOwnAnnualReport, useSubmitAnnualReport, when, type AnnualReport } from './annual-report.api';
import { usePerfT } from './performance-i18n';
import { useStanding } from './performance.api';

/** 常委年度述职: a standing-committee member writes the year's report, attaches files, submits and revises it. */
export default function AnnualReportPage() {
  return (
    <RequireAbility ability="performance.participate">
      <AnnualReportScreen />
    </RequireAbility>
  );
}

function AnnualReportScreen() {
  const t = usePerfT();
  const years = reportYears();
  const [year, setYear] = useState(years[0]);
  const own = useOwnAnnualReport(year);
  const r = own.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('annual.title')}</Typography.Title>
      <Space wrap>
        <Typography.Text>{t('annual.year')}</Typography.Text>
        <Select
          value={year} onChange={setYear} style={{ width: 140 }} data-testid="annual-year"
          options={years.map((y) => ({ value: y, label: t('annual.yearOption', { year: y }) }))}
        />
      </Space>
      {own.error && <ErrorAlert error={own.error} />}
      {own.isPending && <Spin />}
      {r && !r.required && <Alert type="info" showIcon message={t('annual.notRequired')} data-testid="annual-not-required" />}
      {r?.required && (
        <>
          <Card size="small" data-testid="annual-status">
            <Space direction="vertical" size={4}>
              <Space wrap>
                <Typography.Text strong data-testid="annual-member">{r.member.name}</Typography.Text>
                {r.report ? <Tag color="green">{t('annual.submitted')}</Tag> : <Tag color="orange">{t('annual.notSubmitted')}</Tag>}
                {r.report && <Typography.Text data-testid="annual-submitted-at">{t('annual.submittedAt', { at: when(r.report.submittedAt) })}</Typography.Text>}
                {r.report && r.report.updatedAt !== r.report.submittedAt && <Typography.Text type="secondary">{t('annual.updatedAt', { at: when(r.report.updatedAt) })}</Typography.Text>}
              </Space>
              <QuotaNote year={year} />
            </Space>
          </Card>
          {/* A fresh form per year and per saved version: it starts from what the server holds. */}
          <ReportForm key={`${year}:${r.report?.updatedAt ?? ''}`} year={year} report={r.report} />
        </>
      )}
    </Space>
  );
}

interface Values { body: string; files: AttachmentMeta[] }

function ReportForm({ year, report }: { year: number; report: AnnualReport | null }) {
  const t = usePerfT();
  const { message } = App.useApp();
  const submit = useSubmitAnnualReport();
  const [form] = Form.useForm<Values>();
  const body = Form.useWatch('body', form) ?? report?.body ?? '';
  const length = body.trim().length;
  const onFinish = (v: Values) => {
    const had = new Set((report?.files ?? []).map((f) => f.id));
    const now = new Set(v.files.map((f) => f.id));
    submit.mutate(
      {
        year, body: v.body,
        // Typed-by-hand evidence of an earlier version is kept as it was.
        attachments: report?.attachments ?? [],
        attachmentIds: v.files.filter((f) => !had.has(f.id)).map((f) => f.id),
        removeAttachmentIds: [...had].filter((id) => !now.has(id)),
      },
      { onSuccess: () => void message.success(report ? t('annual.revised') : t('annual.done')) },
    );
  };
  return (
    <Card size="small">
      {submit.error && <ErrorAlert error={submit.error} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ body: report?.body ?? '', files: report?.files ?? [] }}>
        <Form.Item
          name="body" label={t('annual.body')} extra={t('annual.bodyHint')}
          rules={[{ required: true, whitespace: true, message: t('annual.tooShort', { min: REPORT_MIN }) }, { min: REPORT_MIN, max: REPORT_MAX, transform: (v: string) => v?.trim(), message: t('annual.tooShort', { min: REPORT_MIN }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} maxLength={REPORT_MAX} data-testid="annual-body" />
        </Form.Item>
        <Typography.Text type={length < REPORT_MIN ? 'warning' : 'secondary'} data-testid="annual-length" style={{ display: 'block', marginTop: -16, marginBottom: 16 }}>
          {t('annual.length', { n: length, min: REPORT_MIN, max: REPORT_MAX })}
        </Typography.Text>
        <Form.Item name="files" label={t('annual.files')}>
          <AttachmentUpload max={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="annual-submit">
          {report ? t('annual.revise') : t('annual.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * Which quota the report counts toward, from the member's own standing (the year's rules and the
 * member's role), so that this page and 我的履职 name the same quota.
 */
function QuotaNote({ year }: { year: number }) {
  const t = usePerfT();
  const standing = useStanding(year);
  const quota = standing.data?.quotas.find((q) => q.requirements.some((r) => r.kinds.includes('annual_report')));
  const requirement = quota?.requirements.find((r) => r.kinds.includes('annual_report'));
  return (
    <Typography.Text type="secondary" data-testid="annual-quota">
      {quota && requirement ? t('annual.counts', { quota: quota.label, requirement: requirement.label }) : t('annual.countsRecord')}
    </Typography.Text>
  );
}
