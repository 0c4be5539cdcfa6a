import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { carryOpinions, getOnlineTopic, moderateOpinion, openOnlineTopic, postOpinion } from './commands/online.js';
import { ConsultationPermissions as P } from './consultation.policy.js';
import { carryInput, moderateInput, onlineTopicInput, opinionInput } from './contracts.js';

const tags = ['consultation'];
const BASE = '/api/consultation/online-topics';
const FAKE = '00000000-0000-4000-8000-000000000001';

/** 网络议政 routes. */
export const onlineRoutes: RouteDef[] = [
  defineRoute({
    method: 'POST', url: BASE, summary: '网络议政: open a topic to chosen members for a window (office)', tags,
    access: { permission: P['consultation.meetings'] }, body: onlineTopicInput,
    example: { body: { title: '城区停车难问题网络议政', opensAt: '2026-06-01T08:00:00+08:00', closesAt: '2026-06-10T18:00:00+08:00', memberIds: [FAKE] } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await openOnlineTopic(ctx.db, caller, onlineTopicInput.parse(req.body));
      reply.status(201);
      return getOnlineTopic(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/:id`, summary: 'One online topic with the opinions the caller may read', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_online_topic', params: idParams,
    handler: (req, ctx) => getOnlineTopic(ctx.db, callerOf(ctx), idParams.parse(req.params).id),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/:id/opinions`, summary: 'A chosen member posts an opinion inside the window', tags,
    access: { permission: P['consultation.participate'] }, resource: 'consultation_online_topic', params: idParams, body: opinionInput,
    example: { body: { body: '建议利用闲置地块建设立体停车场。' } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await postOpinion(ctx.db, caller, id, opinionInput.parse(req.body));
      reply.status(201);
      return getOnlineTopic(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/consultation/opinions/:id/moderate', summary: 'Publish or hide an opinion (office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_opinion', params: idParams, body: moderateInput, example: { body: { status: 'published' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const topicId = await moderateOpinion(ctx.db, caller, idParams.parse(req.params).id, moderateInput.parse(req.body));
      return getOnlineTopic(ctx.db, caller, topicId);
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/:id/carry`, summary: 'Carry published opinions into a draft outcome document as recommendations (office)', tags,
    access: { permission: P['consultation.meetings'] }, resource: 'consultation_online_topic', params: idParams, body: carryInput,
    example: { body: { outcomeId: FAKE, opinionIds: [FAKE] } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = idParams.parse(req.params);
      await carryOpinions(ctx.db, caller, id, carryInput.parse(req.body));
      return getOnlineTopic(ctx.db, caller, id);
    },
  }),
];
