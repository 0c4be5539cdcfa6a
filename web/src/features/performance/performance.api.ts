import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RecordInput } from '../../../../src/modules/performance/contracts';
import type { ReportCard } from '../../../../src/modules/performance/outputs/report-card-view';
import type { AttachmentMeta } from '../../ui/attachment-upload';

export type { ReportCard };

/** Types of the performance routes (src/modules/performance/*.routes.ts), as the pages use them. */
export interface KindScore { kind: string; label: string; group: string | null; count: number; units: number; points: number; capped: boolean; unscored?: string }
export interface Standing {
  year: number;
  total: number;
  base: number;
  grade: { key: string; label: string };
  byKind: KindScore[];
  byGroup: { key: string; label: string; raw: number; points: number; cap: number | null; capped: boolean }[];
  deductions: { kind: string; label: string; count: number; points: number }[];
  quotas: { key: string; label: string; met: boolean; requirements: { label: string; kinds: string[]; min: number; count: number; met: boolean }[] }[];
  pending: { id: string; kind: string; title: string; occurredOn: string }[];
  member: { id: string; name: string; sectorName: string | null; primaryRole: string };
  rules: { name: string; maxTotal: number | null };
  atCeiling: boolean;
}
export type AttendanceStatus = 'invited' | 'signed_up' | 'attended' | 'excused' | 'absent';
export interface ActivityItem {
  id: string; type: string; typeLabel: string; title: string; startsAt: string; endsAt: string | null; place: string | null;
  status: 'open' | 'closed' | 'cancelled'; halfDays: number; myStatus: AttendanceStatus | null; myStatusLabel: string | null;
}
export interface ActivityDetail extends ActivityItem {
  checkInCode: string | null;
  counts: Record<AttendanceStatus, number>;
  attendance: { memberId: string; name?: string; memberName?: string; status: AttendanceStatus; reason: string | null }[] | null;
  abilities: { signUp: boolean; checkIn: boolean; requestLeave: boolean; markAttendance: boolean; close: boolean; edit: boolean; cancel: boolean };
}
export interface DutyRecord {
  id: string; kind: string; kindLabel?: string; title: string; occurredOn: string; status: string; statusLabel?: string;
  metrics: Record<string, number>; evidence: { name: string; url: string | null }[]; attachments: AttachmentMeta[];
  members: { memberId: string; name?: string }[]; rejectReason?: string | null; description?: string | null;
  decidedAt?: string | null; abilities?: Record<string, boolean>;
}
export interface StandingRow {
  memberId: string; name: string; sectorId: string | null; sectorName: string | null; roles: string[]; primaryRole: string;
  points: number; grade: { key: string; label: string }; rank: number; quotasMet: boolean;
}
export interface Assessment {
  id: string; year: number; revision: number; status: 'draft' | 'published' | 'superseded';
  summary: { members: number; byGrade: { key: string; label: string; count: number }[]; atLeast90: number; shareAtLeast90: number; commended: number; warned: number; quotasMet: number };
}
export interface AssessmentResult {
  memberId: string; name: string; sectorId: string | null; sectorName: string | null; roles: string[]; points: number; grade: string; gradeLabel: string;
  rank: number; sectorRank: number | null; quotasMet: boolean; quotaShortfalls: { quota: string; requirement: string; shortfall: number }[];
  commended: boolean; warned: boolean; allowanceYuan: number;
}
export interface AssessmentDetail extends Assessment { rules: { name: string }; results: AssessmentResult[] }
export interface KindsInfo { kinds: Record<string, string>; selfReportable: string[]; metrics: Record<string, string[]>; activityTypes: Record<string, { label: string }> }

const year = () => new Date().getFullYear();

export const useStanding = (y?: number) =>
  useQuery({ queryKey: ['perf', 'standing', y ?? null], queryFn: () => api.get<Standing>('/api/performance/standing', y ? { year: y } : undefined) });
export const useKinds = () => useQuery({ queryKey: ['perf', 'kinds'], queryFn: () => api.get<KindsInfo>('/api/performance/kinds'), staleTime: 10 * 60_000 });
export const useActivities = () => useQuery({ queryKey: ['perf', 'activities'], queryFn: () => api.get<{ items: ActivityItem[] }>('/api/performance/activities', { year: year() }) });
export const useActivity = (id: string) => useQuery({ queryKey: ['perf', 'activity', id], queryFn: () => api.get<ActivityDetail>(`/api/performance/activities/${id}`) });
export const usePendingRecords = () =>
  useQuery({ queryKey: ['perf', 'records', 'submitted'], queryFn: () => api.get<{ items: DutyRecord[]; total: number }>('/api/performance/records', { status: 'submitted', pageSize: 100 }) });
export const useStandings = (q: { sectorId?: string; role?: string; sort: 'points' | 'name'; order: 'asc' | 'desc' }) =>
  useQuery({
    queryKey: ['perf', 'standings', q],
    queryFn: () => api.get<{ total: number; byGrade: { key: string; label: string; count: number }[]; items: StandingRow[] }>('/api/performance/standings', { ...q, pageSize: 500 }),
    placeholderData: keepPreviousData,
  });
export const useAssessment = (id: string) => useQuery({ queryKey: ['perf', 'assessment', id], queryFn: () => api.get<AssessmentDetail>(`/api/performance/assessments/${id}`) });
export const useReportCard = (memberId: string | undefined, y: number) =>
  useQuery({ queryKey: ['perf', 'report-card', memberId, y], queryFn: () => api.get<ReportCard>(`/api/performance/members/${memberId}/report-card`, { year: y }), enabled: !!memberId });
/** Where the report card and the results are downloaded (plain GET links: the session cookie goes along). */
export const reportCardFile = (memberId: string, y: number, ext: 'docx' | 'pdf') => `/api/performance/members/${memberId}/report-card.${ext}?year=${y}`;
export const resultsFile = (assessmentId: string) => `/api/performance/assessments/${assessmentId}/results.xlsx`;
export const useAssessments = (y: number) => useQuery({ queryKey: ['perf', 'assessments', y], queryFn: () => api.get<{ items: Assessment[] }>('/api/performance/assessments', { year: y }) });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['perf'] });
}

export function useCheckIn() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; code: string }) => api.post<ActivityDetail>(`/api/performance/activities/${v.id}/check-in`, { code: v.code }), onSuccess: done });
}
export function useMarkAttendance(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (entries: { memberId: string; status: 'attended' | 'excused' | 'absent' }[]) => api.post<ActivityDetail>(`/api/performance/activities/${id}/attendance`, { entries }),
    onSuccess: done,
  });
}
export type ActivityInput = import('../../../../src/modules/performance/contracts').ActivityInput;
export type ActivityPatch = import('../../../../src/modules/performance/contracts').ActivityPatch;
export function useCreateActivity() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: ActivityInput) => api.post<ActivityDetail>('/api/performance/activities', body), onSuccess: done });
}
export function useUpdateActivity(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: ActivityPatch) => api.patch<ActivityDetail>(`/api/performance/activities/${id}`, body), onSuccess: done });
}
export function useCancelActivity(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.post<ActivityDetail>(`/api/performance/activities/${id}/cancel`, { reason }), onSuccess: done });
}
/** Active members to invite by name (staff). */
export const useMemberOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['perf', 'member-options'], enabled, staleTime: 5 * 60_000,
    queryFn: () => api.get<{ items: { id: string; name: string; sectorName: string | null }[] }>('/api/members', { status: 'active', pageSize: 200 }),
  });
export function useCloseActivity(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: () => api.post<ActivityDetail>(`/api/performance/activities/${id}/close`), onSuccess: done });
}
export function useSubmitRecord() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: RecordInput) => api.post<DutyRecord>('/api/performance/records', body), onSuccess: done });
}
/** Self-reported records verified lately (the newest first): where a verification made by mistake is undone. */
export const useVerifiedRecords = () =>
  useQuery({ queryKey: ['perf', 'records', 'verified'], queryFn: () => api.get<{ items: DutyRecord[]; total: number }>('/api/performance/records', { status: 'verified', source: 'self_reported', sort: 'decided', pageSize: 20 }) });
export function useDecide() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; action: 'verify' | 'reject' | 'unverify'; reason?: string }) =>
      api.post<DutyRecord>(`/api/performance/records/${v.id}/${v.action}`, v.action === 'reject' ? { reason: v.reason } : {}),
    onSuccess: done,
  });
}
export function useRunAssessment() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (y: number) => api.post<Assessment>('/api/performance/assessments', { year: y }), onSuccess: done });
}
export function usePublishAssessment() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<Assessment>(`/api/performance/assessments/${id}/publish`), onSuccess: done });
}
