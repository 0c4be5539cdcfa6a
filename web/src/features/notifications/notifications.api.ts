import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationPage, NotificationView } from '../../../../src/modules/inbox/contracts';
import { useSession } from '../../app/auth';

export type { NotificationPage, NotificationView };

/** Every notification query of the current committee starts with this key. */
const base = (committeeId: string | undefined) => ['notifications', committeeId ?? ''] as const;

/** My notifications in the current committee (the bell polls the first page every minute). */
export function useNotifications(q: { page?: number; pageSize?: number; unread?: boolean } = {}, opts: { poll?: boolean; enabled?: boolean } = {}) {
  const me = useSession();
  return useQuery({
    queryKey: [...base(me.currentCommittee?.id), q],
    queryFn: () => api.get<NotificationPage>('/api/notifications', { page: q.page, pageSize: q.pageSize, unread: q.unread ? 'true' : undefined }),
    placeholderData: keepPreviousData,
    refetchInterval: opts.poll ? 60_000 : false,
    enabled: opts.enabled ?? true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  const me = useSession();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationView>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: base(me.currentCommittee?.id) }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  const me = useSession();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: base(me.currentCommittee?.id) }),
  });
}

/** Links are paths inside the web app; anything else is not followed. */
export function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
