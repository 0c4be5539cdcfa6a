import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { recordDemand } from './commands/create-demand.js';
import { PHOTO_MAX_MB, issueChallenge, portalOf, submitPublicDemand, uploadPublicPhoto } from './commands/portal.js';
import { revealPerson } from './commands/reveal-person.js';
import {
  answerAsMember, answerAsUnit, answerOnSpot, assignMember, closeDemand, convertDemand, declineDemand, rateDemand, referDemand, returnReferral,
} from './commands/triage.js';
import { updateDemandSettings } from './commands/update-settings.js';
import {
  answerInput, assignMemberInput, committeeCodeParams, convertInput, declineInput, intakeInput, listQuery, noteInput, publicDemandInput,
  ratingInput, reasonInput, referInput, trackingParams,
} from './contracts.js';
import { DemandErrors as E } from './demands.errors.js';
import { DemandPermissions as P } from './demands.policy.js';
import { readSettings } from './demands.repository.js';
import { demandWorkflow } from './domain/demand-workflow.js';
import { demandSettingsPatch, parseDemandSettings } from './domain/settings.js';
import { getDemand, listVisibleDemands } from './queries/get-demand.js';
import { similarDemands } from './queries/similar.js';
import { trackDemand } from './queries/tracking.js';

const tags = ['demands'];
const publicTags = ['demands', 'public'];
const BASE = '/api/demands';
const FAKE = '00000000-0000-4000-8000-000000000001';
/** The demand as the caller sees it after a move; a clerk who sent it back no longer sees it, and is told only its state. */
async function answer(db: Parameters<typeof getDemand>[0], caller: Parameters<typeof getDemand>[1], id: string) {
  try {
    return await getDemand(db, caller, id, 'zh');
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== E['demand.not_found']) throw err;
    return { id, visible: false };
  }
}

/** Per-minute limits per client address on the public routes (TRUST_PROXY decides which address that is). */
export interface PublicLimits { submit: number }

async function receivePhoto(req: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError(E['demand.photo_missing']);
  const part = await req.file({ limits: { fileSize: PHOTO_MAX_MB * 1024 * 1024, files: 1, fields: 0 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError(E['demand.photo_missing']);
  }
  try {
    return { fileName: part.filename ?? '', content: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(E['demand.photo_too_large'], { maxMb: PHOTO_MAX_MB });
    throw err;
  }
}

export function demandRoutes(limits: PublicLimits): RouteDef[] {
  const move = (path: string, summary: string, permission: string, body: Parameters<typeof moveRoute>[0]['body'], example: unknown, run: Parameters<typeof moveRoute>[0]['run']) =>
    moveRoute({ base: BASE, resource: 'demand', tags, path, summary, permission, body, example, run, answer });
  return [
    defineRoute({
      method: 'GET', url: `${BASE}/settings`, summary: "The committee's demand settings (kinds, retention, challenge strength, referral deadline)", tags,
      access: { permission: P['demands.read'] },
      handler: async (_req, ctx) => parseDemandSettings(await readSettings(ctx.db, ctx.committeeId)),
    }),
    defineRoute({
      method: 'PATCH', url: `${BASE}/settings`, summary: "Change the committee's demand settings (triage office)", tags,
      access: { permission: P['demands.configure'] }, body: demandSettingsPatch, example: { body: { retentionDays: 365 } },
      handler: (req, ctx) => updateDemandSettings(ctx.db, callerOf(ctx), req.body),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/workflow`, summary: 'The triage transition table (states, actions, who acts) and its diagram', tags,
      access: { permission: P['demands.read'] },
      handler: async () => ({ states: demandWorkflow.states, transitions: demandWorkflow.transitions, mermaid: demandWorkflow.mermaid() }),
    }),
    defineRoute({
      method: 'GET', url: BASE, summary: 'Demands the caller may see (staff, leaders: all; a member: recorded or taken up; a clerk: referred to the unit); personal data masked', tags,
      access: { permission: P['demands.read'] }, querystring: listQuery, example: { query: { state: 'received' } },
      handler: (req, ctx) => listVisibleDemands(ctx.db, callerOf(ctx), req.query, ctx.lang),
    }),
    defineRoute({
      method: 'POST', url: BASE, summary: 'Record a demand raised at a reception, in the field (a member) or by phone (staff)', tags,
      access: { permission: P['demands.intake'] }, body: intakeInput,
      example: { body: { channel: 'reception', kind: '基础设施', matter: '村道损坏需要修复', details: '下雨天无法通行', placeText: '安定区凤翔镇', personName: '张三', personPhone: '13800001234' } },
      async handler(req, ctx, reply) {
        const caller = callerOf(ctx);
        const { id } = await recordDemand(ctx.db, caller, req.body);
        reply.status(201);
        return getDemand(ctx.db, caller, id, ctx.lang);
      },
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/:id`, summary: 'One demand (personal data masked), its photos and what the caller may do', tags,
      access: { permission: P['demands.read'] }, resource: 'demand', params: idParams,
      handler: (req, ctx) => getDemand(ctx.db, callerOf(ctx), req.params.id, ctx.lang),
    }),
    defineRoute({
      method: 'POST', url: `${BASE}/:id/personal-data`, summary: "The person's name, phone and ID unmasked, for those handling the demand; every read is audited", tags,
      access: { permission: P['demands.read'] }, resource: 'demand', params: idParams,
      handler: (req, ctx) => revealPerson(ctx.db, callerOf(ctx), req.params.id),
    }),
    defineRoute({
      method: 'GET', url: `${BASE}/:id/similar`, summary: 'Demands of the same matter from other people (token similarity), most similar first', tags,
      access: { permission: P['demands.read'] }, resource: 'demand', params: idParams,
      handler: (req, ctx) => similarDemands(ctx.db, callerOf(ctx), req.params.id, ctx.lang),
    }),
    move('answer-on-spot', '当场解答', P['demands.triage'], answerInput, { answer: '已现场说明政策' }, answerOnSpot),
    move('refer', '转办 to a handling unit with a deadline in working days', P['demands.triage'], referInput, { unitId: FAKE, workingDays: 10 }, referDemand),
    move('assign-member', '委员领办', P['demands.triage'], assignMemberInput, { memberId: FAKE }, assignMember),
    move('convert', '转为提案或社情民意 (the target module drafts it; the link comes back by event)', P['demands.read'], convertInput, { target: 'social_info' }, convertDemand),
    move('decline', '不属于政协职能: the reason and where to go instead', P['demands.triage'], declineInput, { reason: '属于信访事项', redirectTo: '县信访局' }, declineDemand),
    move('return', '退回重新分办 (the unit it was referred to, or the office)', P['demands.read'], reasonInput, { reason: '不属于本单位职责' }, returnReferral),
    move('unit-answer', "The unit's answer to a referred demand", P['demands.read'], answerInput, { answer: '已安排维修' }, answerAsUnit),
    move('member-answer', "The member's answer to a demand they took up", P['demands.read'], answerInput, { answer: '已协调解决' }, answerAsMember),
    move('close', '办结', P['demands.triage'], noteInput, {}, closeDemand),

    // The public portal: no login, rate-limited per client address, the form guarded by a proof of work.
    defineRoute({
      method: 'GET', url: '/api/public/:code/demand-form', summary: "The public demand form of a committee (by its code): kinds and a fresh challenge", tags: publicTags,
      access: { public: true }, resource: 'demand_portal', params: committeeCodeParams, rateLimit: limits.submit * 6,
      async handler(req, ctx) {
        const p = await portalOf(ctx.db, req.params.code);
        return { committeeName: p.name, kinds: p.settings.kinds, maxPhotos: 3, photoMaxMb: PHOTO_MAX_MB, ...(await issueChallenge(ctx.db, p)) };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/public/:code/photos', multipart: true, tags: publicTags,
      summary: `Upload one photo for the public form (multipart field \`file\`, JPG/PNG/WebP/HEIC, at most ${PHOTO_MAX_MB} MB); answers its id and the receipt the submission sends`,
      access: { public: true }, resource: 'demand_portal', params: committeeCodeParams, rateLimit: limits.submit * 3,
      async handler(req, ctx, reply) {
        const p = await portalOf(ctx.db, req.params.code);
        const out = await uploadPublicPhoto(ctx.db, ctx.actor, p, await receivePhoto(req));
        reply.status(201);
        return out;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/public/:code/demands', summary: '网上提交: submit a demand (solved challenge, matter, optional contact and photos); answers the tracking code', tags: publicTags,
      access: { public: true }, resource: 'demand_portal', params: committeeCodeParams, body: publicDemandInput, rateLimit: limits.submit,
      example: { body: { challenge: 'x'.repeat(20), solution: '0', kind: '基础设施', matter: '村道损坏需要修复' } },
      async handler(req, ctx, reply) {
        const p = await portalOf(ctx.db, req.params.code);
        const out = await submitPublicDemand(ctx.db, ctx.actor, p, req.body);
        reply.status(201);
        return out;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/public/track/:code', summary: 'The state, dates and answer of a demand by its tracking code (never personal data)', tags: publicTags,
      access: { public: true }, resource: 'demand_tracking', params: trackingParams, rateLimit: limits.submit * 6,
      handler: (req, ctx) => trackDemand(ctx.db, req.params.code, ctx.lang),
    }),
    defineRoute({
      method: 'POST', url: '/api/public/track/:code/rating', summary: "The person's rating of the answer (once; closes the demand)", tags: publicTags,
      access: { public: true }, resource: 'demand_tracking', params: trackingParams, body: ratingInput, rateLimit: limits.submit,
      example: { body: { rating: 5, comment: '很满意' } },
      async handler(req, ctx) {
        await rateDemand(ctx.db, ctx.actor, req.params.code, req.body);
        return trackDemand(ctx.db, req.params.code, ctx.lang);
      },
    }),
  ];
}
