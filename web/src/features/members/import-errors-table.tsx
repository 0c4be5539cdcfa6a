import { Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

/** One problem in one row of the uploaded file; rows count as in the spreadsheet (header = 1). */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export function ImportErrorsTable({ errors }: { errors: RowError[] }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph>{t('import.errorsTitle', { n: errors.length })}</Typography.Paragraph>
      <Table<RowError & { key: number }>
        size="small"
        data-testid="import-errors"
        dataSource={errors.map((e, i) => ({ ...e, key: i }))}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'row', title: t('import.row'), dataIndex: 'row', width: 80 },
          { key: 'column', title: t('import.column'), dataIndex: 'column', width: 120 },
          { key: 'reason', title: t('import.reason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
