import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { AttachmentMeta } from '../../ui/attachment-upload';
import { chinaDate } from '../../ui/format';
import type { DiffOp } from '../../../../src/modules/social-info/domain/diff';
import type { InfoSettings } from '../../../../src/modules/social-info/contracts';
import { ALL_INFO_STATES, INFO_ACTIONS, type InfoAction, type InfoState, type IssueStatus } from '../../../../src/modules/social-info/domain/info-workflow';

/** Types of the social-information routes (src/modules/social-info/social-info.routes.ts), as the pages use them. */
// The workflow's states, actions and issue statuses are the server's table's (import-free file).
export const INFO_STATE_KEYS = ALL_INFO_STATES;
export const INFO_ACTION_KEYS = INFO_ACTIONS;
export type { InfoAction, InfoState, IssueStatus };
export const SOURCE_KIND_KEYS = ['member', 'officer', 'organisation', 'sector', 'special_committee', 'liaison_station'] as const;
export type SourceKind = (typeof SOURCE_KIND_KEYS)[number];

export interface InfoListRow {
  id: string; title: string; state: InfoState; stateLabel: string; urgent: boolean; sourceKind: SourceKind; sourceName: string | null; submittedAt: string; hits?: number | null;
}
export interface InfoForward { id: string; itemId: string; issueId: string | null; destination: string; forwardedOn: string; results: InfoResult[] }
export interface InfoResult {
  id: string; forwardId: string; kind: 'adoption' | 'instruction' | 'follow_up'; publication: string | null; leader: string | null;
  level: 'provincial' | 'city' | null; onDate: string; text: string;
}
export interface InfoItem {
  id: string; state: InfoState; stateLabel: string; sourceKind: SourceKind; sourceLabel: string; sourceName: string | null;
  authors: { memberId: string; name: string }[]; topicId: string | null; urgent: boolean; title: string; body: string;
  reason: string | null; mergedIntoId: string | null;
  /** The 群众诉求 it was drafted from (demandId for the link back). */
  origin: { ref: string; demandId: string | null } | null;
  issue: { id: string; periodicalName: string; year: number; number: number | null; status: IssueStatus } | null;
  forwards: InfoForward[];
  dates: { submittedAt: string; publishedAt: string | null; updatedAt: string };
  abilities: Record<InfoAction, boolean>;
  /** The files sent with the item (when the server lists them). */
  attachments?: AttachmentMeta[];
}
export type { DiffOp };
export interface InfoVersion { version: number; kind: 'original' | 'edit' | 'resubmission'; title: string; body: string; note: string | null; createdByLabel: string | null; createdAt: string }
export interface InfoVersions { versions: InfoVersion[]; diff: { title: DiffOp[]; body: DiffOp[] } }
export interface InfoEvent { type: string; at: string; payload: Record<string, unknown> }
export interface SimilarInfo { id: string; title: string; state: InfoState; stateLabel: string; score: number; likelySame: boolean }
export type { InfoSettings };
export interface InfoTopic { id: string; year: number; title: string; description: string; active: boolean }
export interface Periodical { id: string; name: string; sort: number }
export interface InfoIssue {
  id: string; periodicalId: string; periodicalName: string; year: number; number: number | null; title: string; status: IssueStatus;
  signedByLabel: string | null; signedAt: string | null; releasedAt: string | null; createdAt: string;
}
export interface InfoIssueDetail extends InfoIssue {
  statusLabel: string;
  items: { id: string; title: string; state: InfoState; urgent: boolean; sourceName: string | null }[];
}
export interface OfficerProgress {
  year: number;
  officers: { memberId: string; name: string; monthlyQuota: number; months: number[]; total: number; owed: number; monthsMet: number }[];
}

export interface InfoListParams {
  state?: string; q?: string; mine?: 'true'; urgent?: 'true'; year?: number; sourceKind?: SourceKind; page?: number; pageSize?: number;
}

const BASE = '/api/social-info';
const KEY = 'social-info';

export function useInfoList(params: InfoListParams, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', params],
    queryFn: () => api.get<Page<InfoListRow>>(`${BASE}/items`, { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
export const useInfoItem = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'item', id], queryFn: () => api.get<InfoItem>(`${BASE}/items/${id}`), enabled: !!id });
export const useInfoVersions = (id: string) => useQuery({ queryKey: [KEY, 'versions', id], queryFn: () => api.get<InfoVersions>(`${BASE}/items/${id}/versions`) });
export const useInfoTimeline = (id: string) => useQuery({ queryKey: [KEY, 'timeline', id], queryFn: () => api.get<{ items: InfoEvent[] }>(`${BASE}/items/${id}/timeline`) });
export const useSimilarInfo = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'similar', id], queryFn: () => api.get<{ threshold: number; items: SimilarInfo[] }>(`${BASE}/items/${id}/similar`, { limit: 10 }), enabled });
export const useInfoSettings = () => useQuery({ queryKey: [KEY, 'settings'], queryFn: () => api.get<InfoSettings>(`${BASE}/settings`), staleTime: 5 * 60_000 });
export const useTopics = (year?: number) => useQuery({ queryKey: [KEY, 'topics', year], queryFn: () => api.get<{ items: InfoTopic[] }>(`${BASE}/topics`, { year }) });
export const usePeriodicals = () => useQuery({ queryKey: [KEY, 'periodicals'], queryFn: () => api.get<{ items: Periodical[] }>(`${BASE}/periodicals`) });
export const useIssues = (year: number | undefined, enabled = true) =>
  useQuery({ queryKey: [KEY, 'issues', year], queryFn: () => api.get<{ items: InfoIssue[] }>(`${BASE}/issues`, { year }), enabled });
export const useIssue = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'issue', id], queryFn: () => api.get<InfoIssueDetail>(`${BASE}/issues/${id}`), enabled: !!id });
export const useOfficers = (year: number) =>
  useQuery({ queryKey: [KEY, 'officers', year], queryFn: () => api.get<OfficerProgress>(`${BASE}/officers/progress`, { year }) });

/** "Search before you write": items on the same words as the draft title (the Chinese search of the list; callers debounce). */
export function useSimilarToDraft(text: string) {
  return useQuery({
    queryKey: [KEY, 'draft-similar', text],
    queryFn: () => api.get<Page<InfoListRow>>(`${BASE}/items`, { q: text, pageSize: 6 }),
    enabled: text.trim().length >= 4,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [KEY] });
}

/** POST /api/social-info/items/:id/<path>; the answer is the item as the caller now sees it. */
export function useItemMove(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post<InfoItem>(`${BASE}/items/${id}/${path}`, body ?? {}),
    onSuccess: (view) => {
      qc.setQueryData([KEY, 'item', id], view);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === KEY && !(q.queryKey[1] === 'item' && q.queryKey[2] === id) });
    },
  });
}

export interface SubmitValues {
  title: string; body: string; sourceKind: SourceKind; sourceName?: string | null; memberIds?: string[]; topicId?: string | null; urgent: boolean;
  attachmentIds?: string[];
}
export function useSubmitItem() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: SubmitValues) => api.post<InfoItem>(`${BASE}/items`, v), onSuccess: done });
}

export function useCreateIssue() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { periodicalId: string; year: number; title?: string }) => api.post<InfoIssueDetail>(`${BASE}/issues`, v), onSuccess: done });
}
export function useIssueMove(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'sign' | 'release' | 'forwards'; body?: unknown }) => api.post<InfoIssueDetail>(`${BASE}/issues/${id}/${path}`, body ?? {}),
    onSuccess: (view) => {
      qc.setQueryData([KEY, 'issue', id], view);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === KEY && q.queryKey[1] !== 'issue' });
    },
  });
}
export function useCreatePeriodical() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { name: string; sort?: number }) => api.post<{ id: string }>(`${BASE}/periodicals`, v), onSuccess: done });
}
export function usePublishTopic() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { year: number; title: string; description?: string }) => api.post<{ id: string }>(`${BASE}/topics`, v), onSuccess: done });
}
export function useAppointOfficer() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { year: number; memberId: string; monthlyQuota?: number }) => api.post<{ id: string }>(`${BASE}/officers`, v), onSuccess: done });
}
export function useSaveSettings() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: Partial<InfoSettings>) => api.patch<InfoSettings>(`${BASE}/settings`, v), onSuccess: done });
}

/** Today in China time, YYYY-MM-DD. */
export const todayCN = () => chinaDate();
export const thisYear = () => Number(todayCN().slice(0, 4));
