import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { chinaDate } from '../../ui/format';
import type { AcceptInput, ItemInput, ItemPatch, TopicInput, TopicSource } from '../../../../src/modules/consultation/contracts';
import type { PlanView, listPlans } from '../../../../src/modules/consultation/queries/get-plan';
import type { listCollectedTopics } from '../../../../src/modules/consultation/queries/list-topics';
import type { planItemFigures } from '../../../../src/modules/consultation/queries/plan-figures';
import type { PlanAction, PlanState } from '../../../../src/modules/consultation/domain/plan-workflow';
import type { TopicState } from '../../../../src/modules/consultation/domain/topic-workflow';
import type { ConsultationSettings } from '../../../../src/modules/consultation/domain/settings';

/**
 * The consultation routes (src/modules/consultation/consultation.routes.ts) as the pages use them.
 * Every shape is the server's own (type-only imports: nothing of the server enters the bundle);
 * the rows carry dates as text already, so the JSON is the type.
 */
export type { AcceptInput, ItemInput, ItemPatch, PlanAction, PlanState, PlanView, TopicInput, TopicSource, TopicState };
export type PlanSummary = Awaited<ReturnType<typeof listPlans>>[number];
export type Topic = Awaited<ReturnType<typeof listCollectedTopics>>[number];
export type PlanItem = PlanView['items'][number];
export type PlanFigure = Awaited<ReturnType<typeof planItemFigures>>;
export type Scope = PlanFigure['scope'];

const BASE = '/api/consultation';
const KEY = 'consultation';

export const useSettings = () =>
  useQuery({ queryKey: [KEY, 'settings'], queryFn: () => api.get<ConsultationSettings>(`${BASE}/settings`), staleTime: 5 * 60_000 });
export const usePlans = (year: number) =>
  useQuery({ queryKey: [KEY, 'plans', year], queryFn: () => api.get<PlanSummary[]>(`${BASE}/plans`, { year }) });
export const usePlan = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'plan', id], queryFn: () => api.get<PlanView>(`${BASE}/plans/${id}`), enabled: !!id });
export const useTopics = (q: { year?: number; state?: TopicState }) =>
  useQuery({ queryKey: [KEY, 'topics', q], queryFn: () => api.get<Topic[]>(`${BASE}/topics`, q) });
export const usePlanFigure = (year: number, scope: Scope, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'figure', year, scope], queryFn: () => api.get<PlanFigure>('/api/figures/consultation/plan-items', { year, scope }), enabled });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [KEY] });
}

export function useSubmitTopic() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (v: TopicInput) => api.post<{ id: string }>(`${BASE}/topics`, v), onSuccess: done });
}
export function useAcceptTopic() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: AcceptInput }) => api.post<{ itemId: string }>(`${BASE}/topics/${id}/accept`, body), onSuccess: done });
}
export function useDeclineTopic() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<{ ok: true }>(`${BASE}/topics/${id}/decline`, { reason }), onSuccess: done });
}
export function useCreatePlan() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (year: number) => api.post<PlanView>(`${BASE}/plans`, { year }), onSuccess: done });
}

/** Item edits on a draft plan: add answers with the plan, edit and remove with ok (then the plan is read again). */
export function useItemEdits(planId: string) {
  const done = useInvalidate();
  return {
    add: useMutation({ mutationFn: (v: ItemInput) => api.post<PlanView>(`${BASE}/plans/${planId}/items`, v), onSuccess: done }),
    edit: useMutation({ mutationFn: ({ id, patch }: { id: string; patch: ItemPatch }) => api.patch<{ ok: true }>(`${BASE}/plan-items/${id}`, patch), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.del<{ ok: true }>(`${BASE}/plan-items/${id}`), onSuccess: done }),
  };
}

/** The route of each move a person may ask for (the server's PLAN_ROUTE_ACTIONS). */
export const MOVE_PATHS = { submit_review: 'submit-review', decide: 'decide', send_back: 'send-back', issue: 'issue', adjust: 'adjust' } as const satisfies Partial<Record<PlanAction, string>>;
export type PlanMove = keyof typeof MOVE_PATHS;

/** POST /api/consultation/plans/:id/<move>; the answer is the plan as the caller now sees it (for 调整: the new version). */
export function usePlanMove(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ move, body }: { move: PlanMove; body: Record<string, unknown> }) => api.post<PlanView>(`${BASE}/plans/${id}/${MOVE_PATHS[move]}`, body),
    onSuccess: (view) => {
      qc.setQueryData([KEY, 'plan', view.id], view);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === KEY && !(q.queryKey[1] === 'plan' && q.queryKey[2] === view.id) });
    },
  });
}

export const todayCN = () => chinaDate();
export const thisYear = () => Number(todayCN().slice(0, 4));
