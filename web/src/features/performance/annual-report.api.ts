import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AnnualReportInput } from '../../../../src/modules/performance/contracts';
import type { AttachmentMeta } from '../../ui/attachment-upload';
import { chinaYear, dateTimeOf } from '../../ui/format';

/** 常委年度述职 (src/modules/performance/assessment.routes.ts), as the pages use it. */
export interface AnnualReport {
  id: string; memberId: string; year: number; body: string;
  attachments: { name: string; url: string | null }[];
  files: AttachmentMeta[];
  submittedAt: string; updatedAt: string;
}
export interface MemberAnnualReport {
  year: number;
  member: { id: string; name: string; sectorName: string | null; roles: string[] };
  /** The member is 常委 or above and owes the year's report. */
  required: boolean;
  report: AnnualReport | null;
}
export interface AnnualReportStatus {
  year: number;
  counts: { submitted: number; expected: number };
  submitted: { memberId: string; name: string; reportId: string; submittedAt: string; updatedAt: string }[];
  missing: { memberId: string; name: string }[];
}

/** The text the server accepts (contracts.ts annualReportInput). */
export const REPORT_MIN = 50;
export const REPORT_MAX = 20000;

/** Years a report may be submitted for: this year and the last (China time, as the server counts). */
export function reportYears(): number[] {
  const y = chinaYear();
  return [y, y - 1];
}

export const useOwnAnnualReport = (year: number, enabled = true) =>
  useQuery({ queryKey: ['perf', 'annual-report', 'own', year], queryFn: () => api.get<MemberAnnualReport>('/api/performance/annual-report', { year }), enabled, staleTime: 60_000 });

/** Whether the caller owes a 述职 report (for the menu): asked only of members. */
export function useOwesAnnualReport(isMember: boolean): boolean {
  return !!useOwnAnnualReport(reportYears()[0], isMember).data?.required;
}

export const useAnnualReportStatus = (year: number) =>
  useQuery({ queryKey: ['perf', 'annual-reports', year], queryFn: () => api.get<AnnualReportStatus>('/api/performance/annual-reports', { year }) });
export const useMemberAnnualReport = (memberId: string | null, year: number) =>
  useQuery({ queryKey: ['perf', 'annual-reports', year, memberId], queryFn: () => api.get<MemberAnnualReport>(`/api/performance/annual-reports/${memberId}`, { year }), enabled: !!memberId });
/** A time as people in China read it. */
export const when = dateTimeOf;

/** A plain GET link (the session cookie goes along). */
export const annualReportsFile = (year: number) => `/api/performance/annual-reports.xlsx?year=${year}`;

export function useSubmitAnnualReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnualReportInput) => api.put<{ report: AnnualReport }>('/api/performance/annual-report', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['perf'] }),
  });
}
