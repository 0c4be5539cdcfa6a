import { defineFigure } from '../../platform/figures.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { createPlan } from './commands/create-plan.js';
import { addPlanItem } from './commands/plan-items.js';
import { submitTopic } from './commands/topics.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { consultationRoutes } from './consultation.routes.js';
import { planFigureQuery } from './contracts.js';
import { planWorkflow } from './domain/plan-workflow.js';
import { topicWorkflow } from './domain/topic-workflow.js';
import { planItemFigures } from './queries/plan-figures.js';
import { seedConsultationDemoSummary } from './seed/demo.js';
import { consultationWorkbench, planItemSearch, topicSearch } from './workbench.js';

const probe = { userId: null, label: 'probe' };
const office = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'general' }], admin: false });

/** 协商议政: topic collection and the annual consultation plan with its approval path (meetings and outcomes come next). */
export function consultationModule() {
  return defineModule({
    name: 'consultation',
    workflows: [planWorkflow, topicWorkflow],
    routes: consultationRoutes,
    workbench: [consultationWorkbench],
    search: [topicSearch, planItemSearch],
    demoSeed: (db) => seedConsultationDemoSummary(db),
    figures: [
      defineFigure({
        name: 'plan-items', title: { zh: '协商计划项目（按形式、状态）', en: 'Consultation plan items by form and state' },
        permission: P['consultation.oversee'], query: planFigureQuery, example: { scope: 'self', year: '2026' },
        compute: (db, scope, q) => planItemFigures(db, scope, q.year),
      }),
    ],
    probeFixtures: {
      // Made through the real commands, in the given committee (the plan and the item in different years: one plan per year).
      consultation_plan: (db, committeeId) => createPlan(db, office(committeeId), { year: 2026 }),
      consultation_plan_item: async (db, committeeId) => {
        const planId = await createPlan(db, office(committeeId), { year: 2027 });
        return addPlanItem(db, office(committeeId), planId, { title: '和美乡村建设', form: '专题协商会', lead: '农业和农村委员会', month: 4 });
      },
      consultation_topic: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'male' } as never);
        const caller: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
        return submitTopic(db, caller, { year: 2026, title: '推动中医药产业高质量发展' });
      },
    },
  });
}
