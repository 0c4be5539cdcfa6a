import type { Db } from '../../platform/db/database.js';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import {
  concludeOutcome, createOutcome, editOutcome, giveFeedback, recordInstruction, recordResult, referOutcome, sendOutcome,
} from './commands/outcomes.js';
import { ConsultationPermissions as P, type Caller } from './consultation.policy.js';
import { feedbackInput, instructInput, outcomeInput, outcomePatch, outcomesQuery, referInput, resultInput, sendInput, yearQuery } from './contracts.js';
import { findReferral } from './outcomes.repository.js';
import { getOutcome, listVisibleOutcomes } from './queries/get-outcome.js';
import { followUpList, planProgress } from './queries/progress.js';

const tags = ['consultation'];
const BASE = '/api/consultation/outcomes';
const FAKE = '00000000-0000-4000-8000-000000000001';
const answer = (db: Db, caller: Caller, id: string) => getOutcome(db, caller, id);
const office = { base: BASE, tags, permission: P['consultation.meetings'], resource: 'consultation_outcome', answer };

export const outcomeRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: BASE, summary: 'Outcome documents (staff and leaders: all; a unit clerk: those referred to its unit)', tags,
    access: { permission: P['consultation.read'] }, querystring: outcomesQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => listVisibleOutcomes(ctx.db, callerOf(ctx), outcomesQuery.parse(req.query), ctx.lang),
  }),
  defineRoute({
    method: 'POST', url: BASE, summary: '起草 a 协商专报 / 建议案 / 参阅件 with numbered recommendations (office); numbered per kind and year', tags,
    access: { permission: P['consultation.meetings'] }, body: outcomeInput,
    example: { body: { kind: 'report', planItemId: FAKE, title: '关于促进民营经济高质量发展的协商专报', recommendations: ['设立应急转贷资金池'] } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createOutcome(ctx.db, caller, outcomeInput.parse(req.body));
      reply.status(201);
      return getOutcome(ctx.db, caller, id, ctx.lang);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/:id`, summary: 'One outcome document: recommendations with results, 批示, referrals and feedback', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_outcome', params: idParams,
    handler: (req, ctx) => getOutcome(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/:id`, summary: 'Change a draft (title, text, the recommendations as a list; office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_outcome', params: idParams, body: outcomePatch, example: { body: { title: '关于促进民营经济高质量发展的建议' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await editOutcome(ctx.db, caller, id, outcomePatch.parse(req.body));
      return getOutcome(ctx.db, caller, id, ctx.lang);
    },
  }),
  moveRoute({ ...office, path: 'send', summary: '报送 to the party committee and/or the government', body: sendInput, example: { to: ['party_committee', 'government'], sentOn: '2026-06-25' }, run: sendOutcome }),
  moveRoute({ ...office, path: 'instructions', summary: '登记批示 (who, date, text)', body: instructInput, example: { leader: '市委书记', onDate: '2026-06-28', text: '请市发展改革委研究落实' }, run: recordInstruction }),
  moveRoute({ ...office, path: 'refer', summary: '转办 to handling units with a feedback deadline', body: referInput, example: { unitIds: [FAKE], deadline: '2026-08-31' }, run: referOutcome }),
  moveRoute({ ...office, path: 'conclude', summary: '办结 (followed up)', run: concludeOutcome }),
  defineRoute({
    method: 'POST', url: '/api/consultation/referrals/:id/feedback', summary: "书面反馈 by a clerk of the unit it was referred to (another unit's referral: 404)", tags,
    access: { permission: P['consultation.feedback'] }, resource: 'consultation_referral', params: idParams, body: feedbackInput,
    example: { body: { text: '我委已将建议纳入年度工作要点，正在推进。' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await giveFeedback(ctx.db, caller, id, feedbackInput.parse(req.body));
      const ref = await findReferral(ctx.db, ctx.committeeId, id);
      return getOutcome(ctx.db, caller, ref!.outcomeId, ctx.lang);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/consultation/recommendations/:id/result', summary: 'Per recommendation: 采纳 / 部分采纳 / 未采纳 / 落实中 / 已落实 with evidence (office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_recommendation', params: idParams, body: resultInput,
    example: { body: { result: 'adopted', evidence: '市政府办公室函〔2026〕12号', onDate: '2026-07-10' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const outcomeId = await recordResult(ctx.db, caller, idParams.parse(req.params).id, resultInput.parse(req.body));
      return getOutcome(ctx.db, caller, outcomeId, ctx.lang);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/progress', summary: "Progress of the year's plan items and of the year, computed from meetings, documents and results", tags,
    access: { permission: P['consultation.oversee'] }, querystring: yearQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => planProgress(ctx.db, ctx.committeeId, yearQuery.parse(req.query).year),
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/follow-up', summary: '跟踪问效: every recommendation sent in the year and what became of it', tags,
    access: { permission: P['consultation.oversee'] }, querystring: yearQuery, example: { query: { year: '2026' } },
    handler: (req, ctx) => followUpList(ctx.db, ctx.committeeId, yearQuery.parse(req.query).year),
  }),
];
