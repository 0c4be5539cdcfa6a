import { Image, List, Space, Typography } from 'antd';
import { FileExcelOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import type { AttachmentMeta } from '../../../src/modules/inbox/contracts';
import { attachmentUrl, isPreviewableImage } from './attachment-upload';
import { useInboxT } from '../features/notifications/inbox-i18n';

export interface AttachmentListProps {
  items: AttachmentMeta[];
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function iconFor(mime: string) {
  if (mime.startsWith('image/')) return <FileImageOutlined />;
  if (mime === 'application/pdf') return <FilePdfOutlined />;
  if (/word/.test(mime)) return <FileWordOutlined />;
  if (/excel|spreadsheet/.test(mime)) return <FileExcelOutlined />;
  if (mime.startsWith('text/')) return <FileTextOutlined />;
  return <FileOutlined />;
}

/** The files of a record, each a link to GET /api/attachments/:id; images as thumbnails that open large. */
export function AttachmentList({ items }: AttachmentListProps) {
  const t = useInboxT();
  if (items.length === 0) return <Typography.Text type="secondary">{t('att.none')}</Typography.Text>;
  const images = items.filter((a) => isPreviewableImage(a.mime));
  const files = items.filter((a) => !isPreviewableImage(a.mime));
  return (
    <div data-testid="attachment-list">
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8} style={{ marginBottom: files.length ? 8 : 0 }}>
            {images.map((a) => (
              <Image key={a.id} src={attachmentUrl(a.id)} alt={a.fileName} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          renderItem={(a) => (
            <List.Item key={a.id} style={{ paddingInline: 0 }}>
              <Space>
                {iconFor(a.mime)}
                <a href={attachmentUrl(a.id)} target="_blank" rel="noopener noreferrer">{a.fileName}</a>
                <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
                <a href={attachmentUrl(a.id, { download: true })} download={a.fileName}>{t('att.download')}</a>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export default AttachmentList;
