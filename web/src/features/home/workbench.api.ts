import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../app/auth';
import type { Translate } from '../../app/i18n';
import { zhCN, type MessageKey } from '../../locales/zh-CN';
import type { SearchAnswer, WorkbenchView } from '../../../../src/modules/workbench/contracts';

export type { SearchAnswer, WorkbenchView };

const key = (committeeId: string | undefined) => ['workbench', committeeId ?? ''] as const;

/** GET /api/workbench: what waits for me in every module of the current committee. */
export function useWorkbench() {
  const me = useSession();
  return useQuery({ queryKey: key(me.currentCommittee?.id), queryFn: () => api.get<WorkbenchView>('/api/workbench'), refetchInterval: 120_000 });
}

/** Marks the home seen: "what changed" counts from now on. */
export function useMarkSeen() {
  const qc = useQueryClient();
  const me = useSession();
  return useMutation({
    mutationFn: () => api.post<{ seenAt: string | null }>('/api/workbench/visit'),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(me.currentCommittee?.id) }),
  });
}

/** GET /api/search?q=: every module's hits, grouped. */
export function useSearch(q: string) {
  const me = useSession();
  return useQuery({
    queryKey: ['search', me.currentCommittee?.id ?? '', q],
    queryFn: () => api.get<SearchAnswer>('/api/search', { q }),
    enabled: q.trim().length > 0,
  });
}

/**
 * The label of a server kind (`proposals.to_review`) under a prefix of the locale catalogue; a
 * kind a new module brought without its keys shows as itself rather than breaking the page.
 */
export function kindLabel(t: Translate, prefix: 'workbench.kind' | 'search.kind', kind: string): string {
  const k = `${prefix}.${kind}`;
  return k in zhCN ? t(k as MessageKey) : kind;
}
