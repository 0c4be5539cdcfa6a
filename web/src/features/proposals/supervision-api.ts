import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { KeyAction, KeyStatus } from '../../../../src/modules/proposals/key.workflow';
import type { KeyView, SupervisionEventView } from '../../../../src/modules/proposals/key.contracts';

/** Key proposals (重点提案), supervision (督办) and batch assignment: the server's shapes (src/modules/proposals/key.queries.ts). */
export type { KeyAction, KeyStatus };
export interface Labelled { code: string; label: string }

export type SupervisionEvent = SupervisionEventView;
export type { KeyView };

export interface KeyListItem {
  proposalId: string;
  title: string;
  numberLabel: string | null;
  state: string;
  stateLabel: string;
  category: string;
  status: Exclude<KeyStatus, 'none'>;
  statusLabel: string;
  leadLeaderName: string | null;
  channelLabel: string | null;
  events: number;
  lastEventOn: string | null;
  leadUnit: string | null;
}

export interface AssignableItem {
  id: string;
  title: string;
  numberLabel: string | null;
  category: string;
  suggestions: { unitId: string; name: string; score: number }[];
}

export type BatchResult =
  | { proposalId: string; ok: true; state: string; leadUnitId: string | null; suggested: boolean }
  | { proposalId: string; ok: false; error: { code: string; message: string; status: number } };

export interface BatchItem {
  proposalId: string;
  mode?: 'lead';
  leadUnitId?: string | null;
  coUnitIds?: string[];
  useSuggestion?: boolean;
}

export function useKeyView(proposalId: string) {
  return useQuery({ queryKey: ['proposals', 'key', proposalId], queryFn: () => api.get<KeyView>(`/api/proposals/${proposalId}/key`) });
}

/** One key-proposal move: the answer is the key record as it now is. */
export function useKeyMove(proposalId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method }: { path: string; body: unknown; method?: 'PUT' }) =>
      method === 'PUT' ? api.put<KeyView>(`/api/proposals/${proposalId}/${path}`, body) : api.post<KeyView>(`/api/proposals/${proposalId}/${path}`, body),
    onSuccess: (view) => {
      qc.setQueryData(['proposals', 'key', proposalId], view);
      void qc.invalidateQueries({ queryKey: ['proposals', 'supervision'] });
    },
  });
}

export function useKeyList(params: { status: string; mine?: boolean }) {
  return useQuery({
    queryKey: ['proposals', 'supervision', params],
    queryFn: () => api.get<{ items: KeyListItem[]; approvedBy: 'leader' | 'office' }>('/api/proposals/supervision', { status: params.status, mine: params.mine ? 'true' : undefined }),
  });
}

export function useAssignable() {
  return useQuery({ queryKey: ['proposals', 'assignable'], queryFn: () => api.get<{ items: AssignableItem[]; total: number }>('/api/proposals/assignable', { limit: 300 }) });
}

export function useBatchAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { assignedOn?: string; items: BatchItem[] }) =>
      api.post<{ results: BatchResult[]; assigned: number; failed: number }>('/api/proposals/assign-batch', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['proposals', 'assignable'] });
      void qc.invalidateQueries({ queryKey: ['proposals', 'list'] });
    },
  });
}
