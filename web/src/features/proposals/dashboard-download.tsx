import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { toQueryString, type Query } from '../../api/client';
import type { ProposalView } from '../../api/types';
import { useMe } from '../../app/auth';
import { replyLetterAccess } from '../../../../src/modules/proposals/exports/reply-letter-access';
import { useDashT } from './dashboard-i18n';

/** The file name a response names in content-disposition (filename* first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/**
 * A download that shows the server's refusal as a message instead of leaving the page: fetches
 * the file, then saves it under the name the server gave.
 */
export function DownloadButton({ url, query, label, testId, type }: { url: string; query?: Query; label: string; testId?: string; type?: 'primary' | 'default' }) {
  const t = useDashT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const res = await fetch(url + toQueryString(query), { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        message.error(body?.error?.message ?? `${t('download.failed')} (${res.status})`);
        return;
      }
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileNameOf(res, url.split('/').pop() ?? 'download');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch {
      message.error(t('download.failed'));
    } finally {
      setBusy(false);
    }
  };
  return <Button type={type} icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>{label}</Button>;
}

/**
 * 下载答复函 on a proposal with a released reply, for those the server gives it to (the proposers,
 * the answering unit's clerks, staff); the server decides, this only hides the button from others.
 */
export function ReplyLetterButton({ p }: { p: ProposalView }) {
  const t = useDashT();
  const me = useMe().data;
  const released = [...p.replies, ...(p.mergedInto?.replies ?? [])].some((r) => r.status === 'released');
  if (!released || !me) return null;
  const proposer = me.grants.some((g) => g.role === 'member' && p.signers.some((s) => s.memberId === g.memberId && (s.status === 'first' || s.status === 'confirmed')));
  const liveAssignments = p.assignments.filter((a) => a.status !== 'replaced');
  if (!replyLetterAccess({ admin: me.user.isPlatformAdmin, grants: me.grants }, { proposer, liveAssignments }).allowed) return null;
  return <DownloadButton url={`/api/proposals/${p.id}/reply.docx`} label={t('download.reply')} testId="download-reply" />;
}
