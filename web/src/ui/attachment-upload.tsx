import { useEffect, useRef, useState } from 'react';
import { Button, Upload, message, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError, api } from '../api/client';
import type { AttachmentMeta } from '../../../src/modules/inbox/contracts';
import { useInboxT } from '../features/notifications/inbox-i18n';
import { errorText } from './error-alert';

export type { AttachmentMeta };

/** What the server accepts (src/modules/inbox/file-types.ts); the server checks again, by content. */
export const ATTACHMENT_ACCEPT =
  'image/jpeg,image/png,image/webp,image/heic,.jpg,.jpeg,.png,.webp,.heic,.pdf,.doc,.docx,.xls,.xlsx,.txt';

/** Where a stored file is read (the server decides who may). */
export const attachmentUrl = (id: string, opts: { download?: boolean } = {}) =>
  `/api/attachments/${encodeURIComponent(id)}${opts.download ? '?download=1' : ''}`;

/** Images a browser can draw (HEIC is an image but most browsers cannot show it). */
export const isPreviewableImage = (mime: string) => /^image\/(jpeg|png|webp|gif)$/.test(mime);

export interface AttachmentUploadProps {
  value?: AttachmentMeta[];
  onChange?(v: AttachmentMeta[]): void;
  /** The file picker's filter; defaults to every type the server accepts. */
  accept?: string;
  /** Most files allowed (no limit when unset). */
  max?: number;
  disabled?: boolean;
}

function toUploadFile(a: AttachmentMeta): UploadFile<AttachmentMeta> {
  return {
    uid: a.id,
    name: a.fileName,
    status: 'done',
    size: a.size,
    type: a.mime,
    url: attachmentUrl(a.id),
    thumbUrl: isPreviewableImage(a.mime) ? attachmentUrl(a.id) : undefined,
    response: a,
  };
}

/**
 * Uploads files to POST /api/attachments (through the api client, so the session's CSRF token
 * and committee go along) and holds their metadata. A controlled component for antd Form:
 * `<Form.Item name="attachments"><AttachmentUpload max={9} /></Form.Item>`, then send
 * `attachments.map((a) => a.id)` as the command's `attachmentIds`.
 */
export function AttachmentUpload({ value, onChange, accept = ATTACHMENT_ACCEPT, max, disabled }: AttachmentUploadProps) {
  const t = useInboxT();
  const [inner, setInner] = useState<AttachmentMeta[]>([]);
  const current = value ?? inner;
  // Several files may finish in any order: each adds to the latest list, not to the one it started with.
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  }, [current]);
  const [pending, setPending] = useState<UploadFile<AttachmentMeta>[]>([]);

  const commit = (next: AttachmentMeta[]) => {
    latest.current = next;
    if (value === undefined) setInner(next);
    onChange?.(next);
  };

  const uploading = pending.filter((p) => p.status === 'uploading').length;
  const full = max !== undefined && current.length + uploading >= max;

  return (
    <Upload<AttachmentMeta>
      accept={accept}
      multiple={max === undefined || max > 1}
      listType="picture"
      disabled={disabled}
      fileList={[...current.map(toUploadFile), ...pending]}
      beforeUpload={() => {
        if (max !== undefined && latest.current.length + pending.filter((p) => p.status === 'uploading').length >= max) {
          void message.warning(t('att.tooMany', { n: max }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setPending((p) => [...p, { uid: f.uid, name: f.name, status: 'uploading', percent: 30 }]);
        api
          .upload<AttachmentMeta>('/api/attachments', 'file', f, f.name)
          .then((meta) => {
            setPending((p) => p.filter((x) => x.uid !== f.uid));
            commit([...latest.current, meta]);
            onSuccess?.(meta);
          })
          .catch((err: unknown) => {
            const text = errorText(err, t('att.failed'));
            setPending((p) => p.map((x) => (x.uid === f.uid ? { ...x, status: 'error', error: err, response: undefined, percent: 0 } : x)));
            void message.error(err instanceof ApiError ? text : `${f.name}：${text}`);
            onError?.(err instanceof Error ? err : new Error(text));
          });
      }}
      onRemove={(file) => {
        if (current.some((a) => a.id === file.uid)) commit(latest.current.filter((a) => a.id !== file.uid));
        else setPending((p) => p.filter((x) => x.uid !== file.uid));
        return false;
      }}
      showUploadList={{ showRemoveIcon: !disabled }}
    >
      {!full && !disabled && (
        <Button icon={<UploadOutlined />} data-testid="attachment-upload" title={t('att.hint')}>
          {t('att.upload')}
        </Button>
      )}
    </Upload>
  );
}

export default AttachmentUpload;
