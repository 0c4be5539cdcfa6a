import { useQuery } from '@tanstack/react-query';
import { Skeleton, Timeline, Typography } from 'antd';
import { api } from '../../api/client';
import type { TimelineEntry } from '../../../../src/modules/proposals/queries/proposal-timeline';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../ui/error-alert';
import { dateTimeOf } from '../../ui/format';
import { stateLabel } from './proposal-labels';

const COLOR: Partial<Record<TimelineEntry['action'], string>> = {
  release: 'green', close: 'green', rate: 'green', reject: 'red', withdraw: 'gray', send_back: 'orange', object: 'orange', return_for_revision: 'orange',
};

/**
 * 办理过程: every workflow move of the proposal as the server's audit rows give it, in time order,
 * each at its Beijing time (the one formatter), with who acted where the move was made by a person.
 */
export function ProposalTimeline({ id, state }: { id: string; state: Parameters<typeof stateLabel>[0] }) {
  const { t, lang } = useI18n();
  // Under the proposal's own key, so that every move that refreshes the proposal refreshes this too.
  const q = useQuery({ queryKey: ['proposals', 'one', id, 'timeline'], queryFn: () => api.get<{ items: TimelineEntry[] }>(`/api/proposals/${id}/timeline`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const items = q.data.items.map((e) => ({
    color: COLOR[e.action],
    children: (
      <span data-testid="timeline-entry" data-action={e.action}>
        <Typography.Text type="secondary" data-testid="timeline-at">{dateTimeOf(e.at)}</Typography.Text>
        {'　'}{lang === 'en' ? e.labelEn : e.label}
        {e.actorName && <Typography.Text type="secondary">{'　'}{e.actorName}</Typography.Text>}
      </span>
    ),
  }));
  items.push({ color: 'gray', children: <span>{t('proposals.ev.now', { state: stateLabel(state, t) })}</span> });
  return <Timeline items={items} data-testid="proposal-timeline" />;
}
