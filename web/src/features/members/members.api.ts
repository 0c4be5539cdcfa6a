import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MemberDetail, MemberView, Page, Structure } from '../../api/types';
import type { MemberInput } from '../../../../src/modules/org/contracts';

/** Filters, sort and page of the member list; also the query string of the export link. */
export interface MemberListParams {
  q?: string;
  sectorId?: string;
  specialCommitteeId?: string;
  role?: string;
  status?: string;
  sort?: 'name' | 'birthDate' | 'createdAt' | 'sector';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** Sectors, special committees, terms… of the current committee; changes rarely. */
export function useStructure() {
  return useQuery({ queryKey: ['org', 'structure'], queryFn: () => api.get<Structure>('/api/org/structure'), staleTime: 5 * 60_000 });
}

export function useMemberList(params: MemberListParams) {
  return useQuery({
    queryKey: ['members', 'list', params],
    queryFn: () => api.get<Page<MemberView>>('/api/members', { ...params }),
    // Keeps the rows on screen while the next page or sort loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | undefined) {
  return useQuery({ queryKey: ['members', 'one', id], queryFn: () => api.get<MemberDetail>(`/api/members/${id}`), enabled: !!id });
}

/** The form's values as the API takes them: empty strings become null. */
export type MemberFormValues = Omit<MemberInput, 'ethnicity' | 'roles' | 'status'> & Partial<Pick<MemberInput, 'ethnicity' | 'roles' | 'status'>>;

export function useSaveMember(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: MemberFormValues) =>
      id ? api.patch<MemberView>(`/api/members/${id}`, values) : api.post<MemberView>('/api/members', values),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
}
