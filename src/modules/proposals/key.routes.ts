import { z } from 'zod';
import { listAttachments } from '../../platform/attachments.js';
import { defineRoute } from '../../platform/modules.js';
import { approveKeyProposal, declineKeyProposal, revokeKeyProposal } from './commands/key-approve.js';
import { shortlistKeyProposal } from './commands/key-shortlist.js';
import { assignableProposals, batchAssign } from './commands/batch-assign.js';
import { recordSupervisionEvent, setSupervision } from './commands/supervise-proposal.js';
import {
  assignableQuery, batchAssignInput, keyApproveInput, keyDeclineInput, keyListQuery, keyRevokeInput, keyShortlistInput,
  supervisionEventInput, supervisionInput,
} from './key.contracts.js';
import { KeyPermissions as K } from './key.policy.js';
import { getKeyView, listKeyProposals } from './key.queries.js';
import { PROPOSAL_ATTACHMENT_KIND } from './supervision.attachments.js';
import { loadVisible } from './proposal.access.js';
import { ProposalPermissions as P } from './proposals.policy.js';
import type { Caller } from './proposals.policy.js';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import type { Db } from '../../platform/db/database.js';

const tags = ['proposals'];
const UUID = '00000000-0000-4000-8000-000000000000';

/** POST|PUT /api/proposals/:id/<path>: one key-proposal command, answered with the key record as the caller now sees it. */
function keyRoute<B extends z.ZodType>(def: {
  path: string; summary: string; permission: string; body: B; example: unknown; method?: 'POST' | 'PUT'; status?: number;
  run(db: Db, caller: Caller, id: string, body: z.output<B>): Promise<unknown>;
}) {
  return moveRoute<B>({ ...def, base: '/api/proposals', tags, resource: 'proposal', answer: getKeyView });
}

/** Key proposals (重点提案) and their supervision (督办); the proposal's files; batch assignment (交办会). */
export const keyRoutes = [
  defineRoute({
    method: 'GET', url: '/api/proposals/supervision', summary: 'Key proposals (重点提案) with their supervising leader, channel and events', tags,
    access: { permission: P['proposals.read'] }, querystring: keyListQuery,
    handler: (req, ctx) => listKeyProposals(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/assignable', summary: 'Filed proposals awaiting assignment, each with its top suggested units (交办会)', tags,
    access: { permission: P['proposals.review'] }, querystring: assignableQuery,
    handler: (req, ctx) => assignableProposals(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: '/api/proposals/assign-batch',
    summary: '交办会: assign many filed proposals at once; one transaction per proposal, the answer lists each result', tags,
    access: { permission: P['proposals.review'] }, body: batchAssignInput,
    example: { body: { items: [{ proposalId: UUID, leadUnitId: UUID }] } },
    handler: (req, ctx) => batchAssign(ctx.db, callerOf(ctx), req.body, ctx.lang),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/key', summary: 'The key-proposal record of a proposal, its supervision events and the actions the caller may take', tags,
    access: { permission: P['proposals.read'] }, params: idParams, resource: 'proposal',
    handler: (req, ctx) => getKeyView(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/proposals/:id/attachments', summary: "The proposal's files (visible to whoever may see the proposal)", tags,
    access: { permission: P['proposals.read'] }, params: idParams, resource: 'proposal',
    async handler(req, ctx) {
      const { id } = req.params;
      await loadVisible(ctx.db, callerOf(ctx), id);
      return { items: await listAttachments(ctx.db, ctx.committeeId, PROPOSAL_ATTACHMENT_KIND, id) };
    },
  }),
  keyRoute({
    path: 'key/shortlist', summary: '列为重点提案候选 (the proposal office, with the reason)', permission: P['proposals.review'],
    body: keyShortlistInput, example: { reason: '事关全市群众饮水安全，社会关注度高' }, run: (db, c, id, b) => shortlistKeyProposal(db, c, id, b),
  }),
  keyRoute({
    path: 'key/approve', summary: '批准为重点提案 (a leader, or the office per settings); may name the supervising leader and channel',
    permission: K['proposals.supervise'], body: keyApproveInput, example: {}, run: (db, c, id, b) => approveKeyProposal(db, c, id, b),
  }),
  keyRoute({
    path: 'key/decline', summary: '不列为重点提案', permission: K['proposals.supervise'], body: keyDeclineInput, example: {},
    run: (db, c, id, b) => declineKeyProposal(db, c, id, b),
  }),
  keyRoute({
    path: 'key/revoke', summary: '撤销重点提案 (its key-proposal credit is revoked)', permission: P['proposals.review'], body: keyRevokeInput,
    example: { reason: '经主席会议研究调整' }, run: (db, c, id, b) => revokeKeyProposal(db, c, id, b),
  }),
  keyRoute({
    path: 'key/supervision', method: 'PUT', summary: '确定领衔督办: the leading leader and the channel (督办方式)', permission: P['proposals.review'],
    body: supervisionInput, example: { leaderUserId: UUID, channel: 'top_leader' }, run: (db, c, id, b) => setSupervision(db, c, id, b),
  }),
  keyRoute({
    path: 'supervision/events', status: 201, summary: '记录督办活动 (座谈, 视察, 走访承办单位, 办理协商会 …) with files', permission: K['proposals.supervise'],
    body: supervisionEventInput, example: { kind: 'symposium', heldOn: '2025-05-20', participants: '市政协副主席、市水务局', notes: '' },
    run: (db, c, id, b) => recordSupervisionEvent(db, c, id, b),
  }),
];
