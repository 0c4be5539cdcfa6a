import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import type { ImportJob } from '../../api/types';
import { RequireAbility } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../ui/error-alert';
import { ImportErrorsTable, type RowError } from './import-errors-table';

export default function MemberImportPage() {
  return (
    <RequireAbility ability="org.members.import">
      <MemberImport />
    </RequireAbility>
  );
}

/** Errors the server may attach to a rejected upload (same shape as a failed job's). */
function uploadErrors(e: unknown): RowError[] {
  const d = e instanceof ApiError ? (e.details as { errors?: RowError[] } | null) : null;
  return Array.isArray(d?.errors) ? d.errors : [];
}

function MemberImport() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => api.upload<{ jobId: string }>('/api/members/import', 'file', file, file.name),
    onSuccess: (res) => setJobId(res.jobId),
  });
  const job = useQuery({
    queryKey: ['members', 'import', jobId],
    queryFn: () => api.get<ImportJob>(`/api/members/import/${jobId}`),
    enabled: !!jobId,
    // Poll while the server works; stop once the job has an outcome.
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 700),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'succeeded') void qc.invalidateQueries({ queryKey: ['members', 'list'] });
  }, [status, qc]);

  const reset = () => {
    setJobId(null);
    upload.reset();
  };
  const current = status && status !== 'running' ? 2 : jobId || upload.isPending ? 1 : 0;
  const errors = job.data?.errors?.length ? job.data.errors : uploadErrors(upload.error);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('import.title')}</Typography.Title>
      <Steps
        current={current}
        orientation={screens.md ? 'horizontal' : 'vertical'}
        size="small"
        items={[{ title: t('import.stepTemplate') }, { title: t('import.stepUpload') }, { title: t('import.stepResult') }]}
      />
      <Card title={t('import.stepTemplate')} size="small">
        <Typography.Paragraph type="secondary">{t('import.stepTemplateDesc')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href="/api/members/import-template.xlsx" data-testid="import-template">{t('import.downloadTemplate')}</Button>
      </Card>
      <Card title={t('import.stepUpload')} size="small">
        {!jobId && (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            data-testid="import-upload"
            customRequest={({ file }) => upload.mutate(file as File)}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{upload.isPending ? t('import.uploading') : t('import.dragHint')}</p>
            <p className="ant-upload-hint">{t('import.dragSub')}</p>
          </Upload.Dragger>
        )}
        {upload.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorText(upload.error, t('common.network'))} />}
        {job.error && <Alert type="error" showIcon role="alert" title={errorText(job.error, t('common.network'))} />}
        {job.data && (
          <div data-testid="import-progress">
            <Progress
              percent={job.data.total ? Math.floor((job.data.processed / job.data.total) * 100) : status === 'running' ? 0 : 100}
              status={status === 'failed' ? 'exception' : status === 'succeeded' ? 'success' : 'active'}
            />
            {status === 'running' && <Typography.Text type="secondary">{t('import.progress', { processed: job.data.processed, total: job.data.total })}</Typography.Text>}
          </div>
        )}
      </Card>
      {status === 'succeeded' && (
        <Result
          status="success"
          title={<span data-testid="import-succeeded">{t('import.succeeded', { n: job.data!.imported })}</span>}
          extra={[
            <Link key="list" to="/members"><Button type="primary" data-testid="import-to-list">{t('import.toList')}</Button></Link>,
            <Button key="again" onClick={reset}>{t('import.again')}</Button>,
          ]}
        />
      )}
      {(status === 'failed' || errors.length > 0) && (
        <Card size="small" title={<Typography.Text type="danger">{t('import.failed')}</Typography.Text>} extra={<Button onClick={reset}>{t('import.again')}</Button>}>
          {job.data?.message && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={job.data.message} />}
          {errors.length > 0 && <ImportErrorsTable errors={errors} />}
        </Card>
      )}
    </Space>
  );
}
