import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Page, ProposalListItem, ProposalSettingsView, ProposalView, SimilarProposal, Unit, UnitSuggestion,
} from '../../api/types';

export interface ProposalListParams {
  state?: string;
  category?: string;
  sessionId?: string;
  q?: string;
  mine?: 'true';
  page?: number;
  pageSize?: number;
}

export function useProposalList(params: ProposalListParams) {
  return useQuery({
    queryKey: ['proposals', 'list', params],
    queryFn: () => api.get<Page<ProposalListItem>>('/api/proposals', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: ['proposals', 'one', id], queryFn: () => api.get<ProposalView>(`/api/proposals/${id}`), enabled: !!id });
}

export function useProposalSettings() {
  return useQuery({ queryKey: ['proposals', 'settings'], queryFn: () => api.get<ProposalSettingsView>('/api/proposals/settings'), staleTime: 5 * 60_000 });
}

/** "Search before you propose": similar proposals for a text (callers debounce the text). */
export function useSimilarToText(text: string) {
  return useQuery({
    queryKey: ['proposals', 'similar-text', text],
    queryFn: () => api.get<{ threshold: number; items: SimilarProposal[] }>('/api/proposals/similar', { text, limit: 8 }),
    enabled: text.trim().length >= 4,
    placeholderData: keepPreviousData,
  });
}

/** Merge candidates (并案候选) of one proposal. */
export function useMergeCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['proposals', 'similar', id],
    queryFn: () => api.get<{ threshold: number; items: SimilarProposal[] }>(`/api/proposals/${id}/similar`, { limit: 10 }),
    enabled,
  });
}

export function useSuggestedUnits(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['proposals', 'suggested-units', id],
    queryFn: () => api.get<{ items: UnitSuggestion[] }>(`/api/proposals/${id}/suggested-units`),
    enabled,
  });
}

export function useUnits(enabled: boolean) {
  return useQuery({ queryKey: ['units', 'all'], queryFn: () => api.get<{ items: Unit[] }>('/api/units'), enabled, staleTime: 5 * 60_000 });
}

/** One workflow move: POST (or PUT) /api/proposals/:id/<path>; the answer is the proposal as it now is. */
export function useMove(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method }: { path: string; body?: unknown; method?: 'PUT' }) =>
      method === 'PUT' ? api.put<ProposalView>(`/api/proposals/${id}/${path}`, body ?? {}) : api.post<ProposalView>(`/api/proposals/${id}/${path}`, body ?? {}),
    onSuccess: (view) => {
      qc.setQueryData(['proposals', 'one', id], view);
      void qc.invalidateQueries({ queryKey: ['proposals', 'list'] });
    },
  });
}

export interface DraftValues {
  title: string;
  body: string;
  category?: string;
  kind: 'individual' | 'joint';
  researchBasis?: string | null;
  cosignerIds?: string[];
}

export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: DraftValues) => api.post<ProposalView>('/api/proposals', values),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['proposals', 'list'] }),
  });
}

export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: Partial<DraftValues>) => api.patch<ProposalView>(`/api/proposals/${id}`, values),
    onSuccess: (view) => qc.setQueryData(['proposals', 'one', id], view),
  });
}

