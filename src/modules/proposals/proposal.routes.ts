import { z } from 'zod';
import { defineRoute } from '../../platform/modules.js';
import { createDraft } from './commands/create-draft.js';
import { respondToCosign } from './commands/respond-to-cosign.js';
import { submitProposal } from './commands/submit-proposal.js';
import { updateDraft } from './commands/update-draft.js';
import { updateProposalSettings } from './commands/update-settings.js';
import { withdrawProposal } from './commands/withdraw-proposal.js';
import { cosignInput, draftInput, draftPatch, listQuery, similarQuery, suggestQuery } from './contracts.js';
import { PROPOSAL_STATES, PROPOSAL_TRANSITIONS, proposalWorkflow } from './domain/proposal-workflow.js';
import { parseSettings, proposalSettingsPatch } from './domain/settings.js';
import { readSettings } from './proposal.repository.js';
import { ProposalPermissions as P } from './proposals.policy.js';
import { getProposal } from './queries/get-proposal.js';
import { proposalTimeline } from './queries/proposal-timeline.js';
import { listVisibleProposals } from './queries/list-proposals.js';
import { similarToProposal, similarToText } from './queries/similar-proposals.js';
import { sessionClusters } from './queries/session-clusters.js';
import { suggestUnitsFor } from './queries/suggest-units.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { moveRoute } from './route-kit.js';

const tags = ['proposals'];
const TEXT = '关于加快马铃薯脱毒种薯繁育体系建设的建议';

/** Drafting, reading, searching and settings. */
export const proposalRoutes = [
  defineRoute({
    method: 'GET', url: '/api/proposals', summary: 'Proposals the caller may see: filter by state, session, category, unit, text; paged', tags,
    access: { permission: P['proposals.read'] }, querystring: listQuery,
    handler: (req, ctx) => listVisibleProposals(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: '/api/proposals', summary: 'Start a proposal (draft); the member is its first signer', tags,
    access: { permission: P['proposals.propose'] }, body: draftInput,
    example: { body: { title: TEXT, body: '', category: '农业农村' } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createDraft(ctx.db, caller, req.body);
      reply.status(201);
      return getProposal(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/similar', summary: 'Similar proposals of this and previous sessions, ranked with scores (search before you propose)', tags,
    access: { permission: P['proposals.similar'] }, querystring: similarQuery, example: { query: { text: TEXT } },
    handler: (req, ctx) => {
      const q = req.query;
      return similarToText(ctx.db, callerOf(ctx), q.text, { limit: q.limit, excludeId: q.excludeId });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/clusters', summary: 'Clusters of the same matter across a session (并案 at review): open proposals and filed masters, with a suggested master', tags,
    access: { permission: P['proposals.review'] }, querystring: z.object({ sessionId: z.uuid().optional() }),
    handler: (req, ctx) => sessionClusters(ctx.db, callerOf(ctx), req.query.sessionId),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/suggest-units', summary: 'Suggested handling units for a text, ranked with scores', tags,
    access: { permission: P['proposals.review'] }, querystring: suggestQuery, example: { query: { text: TEXT } },
    handler: async (req, ctx) => {
      const q = req.query;
      return { items: await suggestUnitsFor(ctx.db, ctx.committeeId, q.text, { limit: q.limit }) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/settings', summary: "The committee's proposal settings (limits, categories, reasons, classes, deadlines)", tags,
    access: { permission: P['proposals.read'] },
    handler: async (_req, ctx) => parseSettings(await readSettings(ctx.db, ctx.committeeId)),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/proposals/settings', summary: "Change the committee's proposal settings", tags,
    access: { permission: P['proposals.configure'] }, body: proposalSettingsPatch, example: { body: { objectionWorkingDays: 5 } },
    handler: (req, ctx) => updateProposalSettings(ctx.db, callerOf(ctx), req.body),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/workflow', summary: 'The workflow table (states, actions, who acts) and its Mermaid diagram', tags,
    access: { permission: P['proposals.read'] },
    handler: async () => ({ states: PROPOSAL_STATES, transitions: PROPOSAL_TRANSITIONS, mermaid: proposalWorkflow.mermaid() }),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id', summary: 'One proposal, with the actions the caller may take (abilities)', tags,
    access: { permission: P['proposals.read'] }, params: idParams, resource: 'proposal',
    handler: (req, ctx) => getProposal(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/timeline', summary: '办理过程: every workflow move of the proposal from its audit rows, in time order', tags,
    access: { permission: P['proposals.read'] }, params: idParams, resource: 'proposal',
    handler: (req, ctx) => proposalTimeline(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/proposals/:id', summary: 'Save a draft or a returned proposal (the proposer)', tags,
    access: { permission: P['proposals.propose'] }, params: idParams, resource: 'proposal', body: draftPatch,
    example: { body: { body: '一、基本情况' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      await updateDraft(ctx.db, caller, id, req.body);
      return getProposal(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/similar', summary: 'Merge candidates (并案候选) for one proposal', tags,
    access: { permission: P['proposals.review'] }, params: idParams, resource: 'proposal',
    querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
    handler: (req, ctx) => similarToProposal(ctx.db, callerOf(ctx), req.params.id, req.query.limit),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/suggested-units', summary: 'Suggested handling units (智能分办) for one proposal', tags,
    access: { permission: P['proposals.review'] }, params: idParams, resource: 'proposal',
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const p = await getProposal(ctx.db, caller, req.params.id);
      return { items: await suggestUnitsFor(ctx.db, ctx.committeeId, `${p.title}\n${p.body}`, { excludeId: p.id }) };
    },
  }),
  moveRoute({ path: 'submit', summary: 'Submit (提交) — format limits enforced; unconfirmed co-signers lapse', permission: P['proposals.propose'], run: (db, c, id) => submitProposal(db, c, id) }),
  moveRoute({
    path: 'withdraw', summary: 'Withdraw (撤案), until assigned', permission: P['proposals.propose'],
    body: z.object({ reason: z.string().trim().max(1000).nullish() }), example: { reason: '已通过其他渠道反映' },
    run: (db, c, id, b) => withdrawProposal(db, c, id, b),
  }),
  moveRoute({
    path: 'cosign', summary: 'Confirm (确认联名) or decline an invitation to co-sign', permission: P['proposals.propose'],
    body: cosignInput, example: { accept: true }, run: (db, c, id, b) => respondToCosign(db, c, id, b),
  }),
];
