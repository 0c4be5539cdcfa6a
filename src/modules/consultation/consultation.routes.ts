import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { sendDownload } from '../../platform/exports/download.js';
import { defineRoute, type RequestContext, type RouteDef } from '../../platform/modules.js';
import { createPlan } from './commands/create-plan.js';
import { adjustPlan, issuePlan, recordDecision, sendBack, submitForReview } from './commands/move-plan.js';
import { addPlanItem, editPlanItem, removePlanItem } from './commands/plan-items.js';
import { acceptTopic, declineTopic, submitTopic } from './commands/topics.js';
import { updateConsultationSettings } from './commands/update-settings.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { committeeHeader, readSettings } from './consultation.repository.js';
import {
  acceptInput, decideInput, idParams, issueInput, itemInput, itemPatch, noteInput, planCreateInput, reasonInput, topicInput, topicsQuery, yearQuery,
} from './contracts.js';
import { planWorkflow } from './domain/plan-workflow.js';
import { consultationSettingsPatch, parseConsultationSettings } from './domain/settings.js';
import { topicWorkflow } from './domain/topic-workflow.js';
import { planDocument } from './exports/plan-document.js';
import { DOCX_MIME, planDocx } from './exports/plan-docx.js';
import { XLSX_MIME, planXlsx } from './exports/plan-xlsx.js';
import { getPlan, listPlans } from './queries/get-plan.js';
import { listCollectedTopics } from './queries/list-topics.js';

const tags = ['consultation'];
const BASE = '/api/consultation';
const FAKE = '00000000-0000-4000-8000-000000000001';
const ITEM = { title: '促进民营经济高质量发展', form: '专题协商会', lead: '经济委员会', month: 6, supervisory: false };

export function callerOf(ctx: RequestContext): Caller {
  return { committeeId: ctx.committeeId, actor: ctx.actor, grants: ctx.grants, admin: !!ctx.principal?.isPlatformAdmin };
}

/** POST /api/consultation/plans/:id/<path>: one workflow move, answered with the plan as the caller now sees it. */
function planMove<B extends z.ZodType>(def: {
  path: string; summary: string; body: B; example: z.input<B>;
  run(db: Db, caller: Caller, id: string, body: z.output<B>): Promise<unknown>;
}): RouteDef {
  return defineRoute({
    method: 'POST', url: `${BASE}/plans/:id/${def.path}`, summary: def.summary, tags,
    access: { permission: P['consultation.plan'] }, resource: 'consultation_plan', params: idParams, body: def.body,
    example: { body: def.example },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      const out = await def.run(ctx.db, caller, id, def.body.parse(req.body));
      // 调整 answers with the new version it started.
      return getPlan(ctx.db, caller, typeof out === 'string' ? out : id, ctx.lang);
    },
  });
}

async function exportPlan(ctx: RequestContext, reply: FastifyReply, id: string, kind: 'docx' | 'xlsx') {
  const caller = callerOf(ctx);
  const plan = await getPlan(ctx.db, caller, id, ctx.lang);
  const [settings, header] = await Promise.all([readSettings(ctx.db, ctx.committeeId), committeeHeader(ctx.db, ctx.committeeId)]);
  const doc = planDocument(plan, header.shortName, parseConsultationSettings(settings).forms);
  const suffix = plan.version > 1 ? `（第${plan.version}版）` : '';
  const body = kind === 'docx' ? await planDocx(doc, header.name) : await planXlsx(doc, header.name);
  return sendDownload(reply, body, {
    mime: kind === 'docx' ? DOCX_MIME : XLSX_MIME, fileName: `${doc.title}${suffix}.${kind}`, asciiName: `consultation-plan-${plan.year}-v${plan.version}.${kind}`,
  });
}

export const consultationRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: `${BASE}/settings`, summary: "The committee's consultation settings (the forms of consultation)", tags,
    access: { permission: P['consultation.read'] },
    handler: async (_req, ctx) => parseConsultationSettings(await readSettings(ctx.db, ctx.committeeId)),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/settings`, summary: "Change the committee's consultation settings (office)", tags,
    access: { permission: P['consultation.configure'] }, body: consultationSettingsPatch, example: { body: { forms: ['专题协商会', '双月协商座谈会'] } },
    handler: (req, ctx) => updateConsultationSettings(ctx.db, callerOf(ctx), consultationSettingsPatch.parse(req.body)),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/workflow`, summary: 'The plan and topic transition tables (states, actions, who acts) and their diagrams', tags,
    access: { permission: P['consultation.read'] },
    handler: async () => ({
      plan: { states: planWorkflow.states, transitions: planWorkflow.transitions, mermaid: planWorkflow.mermaid() },
      topic: { states: topicWorkflow.states, transitions: topicWorkflow.transitions, mermaid: topicWorkflow.mermaid() },
    }),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/plans`, summary: "The year's plan versions the caller may see, newest first", tags,
    access: { permission: P['consultation.read'] }, querystring: yearQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => listPlans(ctx.db, callerOf(ctx), yearQuery.parse(req.query).year, ctx.lang),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/plans`, summary: "Start the year's plan (version 1, a draft; office)", tags,
    access: { permission: P['consultation.plan'] }, body: planCreateInput, example: { body: { year: 2026 } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createPlan(ctx.db, caller, planCreateInput.parse(req.body));
      reply.status(201);
      return getPlan(ctx.db, caller, id, ctx.lang);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/plans/:id`, summary: 'One plan version with its items, the approval history of the year and the abilities', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_plan', params: idParams,
    handler: (req, ctx) => getPlan(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/plans/:id/items`, summary: 'Add an item to a draft plan (office)', tags,
    access: { permission: P['consultation.plan'] }, resource: 'consultation_plan', params: idParams, body: itemInput, example: { body: ITEM },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await addPlanItem(ctx.db, caller, id, itemInput.parse(req.body));
      reply.status(201);
      return getPlan(ctx.db, caller, id, ctx.lang);
    },
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/plan-items/:id`, summary: 'Change an item of a draft plan (office)', tags,
    access: { permission: P['consultation.plan'] }, resource: 'consultation_plan_item', params: idParams, body: itemPatch, example: { body: { month: 7 } },
    async handler(req, ctx) {
      const { id } = idParams.parse(req.params);
      await editPlanItem(ctx.db, callerOf(ctx), id, itemPatch.parse(req.body));
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'DELETE', url: `${BASE}/plan-items/:id`, summary: 'Remove an item from a draft plan (office)', tags,
    access: { permission: P['consultation.plan'] }, resource: 'consultation_plan_item', params: idParams,
    async handler(req, ctx) {
      await removePlanItem(ctx.db, callerOf(ctx), idParams.parse(req.params).id);
      return { ok: true };
    },
  }),
  planMove({ path: 'submit-review', summary: '提交主席会议审议', body: noteInput, example: {}, run: submitForReview }),
  planMove({
    path: 'decide', summary: '党委常委会确定 (with the date and the document number)', body: decideInput,
    example: { decidedOn: '2026-01-20', docNo: '市委办发〔2026〕3号' }, run: recordDecision,
  }),
  planMove({ path: 'send-back', summary: '退回修改 (from review or after the decision)', body: reasonInput, example: { reason: '请补充监督性议题' }, run: sendBack }),
  planMove({ path: 'issue', summary: '印发 (an adjusted version supersedes the one before)', body: issueInput, example: { issuedOn: '2026-01-25' }, run: issuePlan }),
  planMove({ path: 'adjust', summary: '调整: start the next version of an issued plan; answers with the new draft', body: reasonInput, example: { reason: '增加一项双月协商座谈会' }, run: adjustPlan }),
  defineRoute({
    method: 'GET', url: `${BASE}/plans/:id/docx`, summary: 'The plan as Word (items grouped by form, with month and lead)', tags,
    access: { permission: P['consultation.oversee'] }, resource: 'consultation_plan', params: idParams,
    handler: (req, ctx, reply) => exportPlan(ctx, reply, idParams.parse(req.params).id, 'docx'),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/plans/:id/xlsx`, summary: 'The plan as a workbook', tags,
    access: { permission: P['consultation.oversee'] }, resource: 'consultation_plan', params: idParams,
    handler: (req, ctx, reply) => exportPlan(ctx, reply, idParams.parse(req.params).id, 'xlsx'),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/topics`, summary: 'Collected topics (staff and leaders: all; a member: their own)', tags,
    access: { permission: P['consultation.read'] }, querystring: topicsQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => listCollectedTopics(ctx.db, callerOf(ctx), topicsQuery.parse(req.query), ctx.lang),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/topics`, summary: '议题征集: a member proposes a topic; the office records one for a body', tags,
    access: { permission: P['consultation.topics.submit'] }, body: topicInput,
    example: { body: { year: 2026, title: '推动中医药产业高质量发展', description: '建议围绕道地药材标准化种植开展专题协商。' } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await submitTopic(ctx.db, caller, topicInput.parse(req.body));
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/topics/:id/accept`, summary: 'Accept a topic into a draft plan as an item (office)', tags,
    access: { permission: P['consultation.topics.review'] }, resource: 'consultation_topic', params: idParams, body: acceptInput,
    example: { body: { planId: FAKE, form: '专题协商会', lead: '经济委员会', month: 5 } },
    async handler(req, ctx) {
      const itemId = await acceptTopic(ctx.db, callerOf(ctx), idParams.parse(req.params).id, acceptInput.parse(req.body));
      return { itemId };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/topics/:id/decline`, summary: 'Decline a topic with a reason (office)', tags,
    access: { permission: P['consultation.topics.review'] }, resource: 'consultation_topic', params: idParams, body: reasonInput,
    example: { body: { reason: '已列入提案办理协商' } },
    async handler(req, ctx) {
      await declineTopic(ctx.db, callerOf(ctx), idParams.parse(req.params).id, reasonInput.parse(req.body));
      return { ok: true };
    },
  }),
];
