import { assignProposal } from './commands/assign-proposal.js';
import { carryOverProposal, resumeProposal } from './commands/carry-over-proposal.js';
import { closeProposal } from './commands/close-proposal.js';
import { convertProposal } from './commands/convert-proposal.js';
import { dismissObjection } from './commands/dismiss-objection.js';
import { extendDeadline } from './commands/extend-deadline.js';
import { fileProposal } from './commands/file-proposal.js';
import { mergeProposal } from './commands/merge-proposal.js';
import { preReviewProposal } from './commands/pre-review-proposal.js';
import { reassignProposal } from './commands/reassign-proposal.js';
import { rehandleProposal } from './commands/rehandle-proposal.js';
import { rejectProposal } from './commands/reject-proposal.js';
import { releaseReply } from './commands/release-reply.js';
import { returnProposal } from './commands/return-proposal.js';
import { sendBackReply } from './commands/send-back-reply.js';
import {
  assignInput, convertInput, extendInput, fileInput, mergeInput, noteInput, reasonInput, rejectInput, releaseInput, sendBackInput,
} from './contracts.js';
import { ProposalPermissions as P } from './proposals.policy.js';
import { moveRoute } from './route-kit.js';

const office = P['proposals.review'];
const UUID = '00000000-0000-4000-8000-000000000000';

/** The proposal office's moves: review (审查), assignment (交办), reply review, closing. */
export const reviewRoutes = [
  moveRoute({ path: 'pre-review', summary: '预审 (first of two review passes)', permission: office, body: noteInput, example: {}, run: (db, c, id, b) => preReviewProposal(db, c, id, b) }),
  moveRoute({ path: 'file', summary: '立案: file and number the proposal', permission: office, body: fileInput, example: {}, run: (db, c, id, b) => fileProposal(db, c, id, b) }),
  moveRoute({
    path: 'reject', summary: '不予立案 with a coded reason', permission: office, body: rejectInput, example: { reasonCode: 'no_suggestion' },
    run: (db, c, id, b) => rejectProposal(db, c, id, b),
  }),
  moveRoute({ path: 'convert', summary: '转为意见建议', permission: office, body: convertInput, example: {}, run: (db, c, id, b) => convertProposal(db, c, id, b) }),
  moveRoute({
    path: 'merge', summary: '并案 into a filed master (composite number)', permission: office, body: mergeInput, example: { masterId: UUID },
    run: (db, c, id, b) => mergeProposal(db, c, id, b),
  }),
  moveRoute({
    path: 'return', summary: '退回修改 with the reason', permission: office, body: reasonInput, example: { reason: '请补充具体建议' },
    run: (db, c, id, b) => returnProposal(db, c, id, b),
  }),
  moveRoute({
    path: 'assign', summary: '交办: one lead unit plus co-handling units, or 分办', permission: office, body: assignInput,
    example: { mode: 'lead', leadUnitId: UUID }, run: (db, c, id, b) => assignProposal(db, c, id, b),
  }),
  moveRoute({
    path: 'dismiss-objection', summary: "Dismiss a unit's objection; the assignment stands", permission: office, body: reasonInput,
    example: { reason: '属于该单位职责' }, run: (db, c, id, b) => dismissObjection(db, c, id, b),
  }),
  moveRoute({
    path: 'reassign', summary: '改办: replace the assignment', permission: office, body: assignInput,
    example: { mode: 'lead', leadUnitId: UUID }, run: (db, c, id, b) => reassignProposal(db, c, id, b),
  }),
  moveRoute({
    path: 'extend-deadline', summary: '延期: a later reply deadline with a reason', permission: office, body: extendInput,
    example: { deadline: '2030-01-01', reason: '需跨年度实施' }, run: (db, c, id, b) => extendDeadline(db, c, id, b),
  }),
  moveRoute({
    path: 'send-back', summary: '退回重办: send the reply back to the unit', permission: office, body: sendBackInput,
    example: { reason: '答复内容过于笼统' }, run: (db, c, id, b) => sendBackReply(db, c, id, b),
  }),
  moveRoute({ path: 'release', summary: 'Review and release the reply (may change its class)', permission: office, body: releaseInput, example: {}, run: (db, c, id, b) => releaseReply(db, c, id, b) }),
  moveRoute({
    path: 'rehandle', summary: '重新办理: another handling round', permission: office, body: reasonInput, example: { reason: '提案人反映问题未解决' },
    run: (db, c, id, b) => rehandleProposal(db, c, id, b),
  }),
  moveRoute({ path: 'close', summary: '办结', permission: office, body: noteInput, example: {}, run: (db, c, id, b) => closeProposal(db, c, id, b) }),
  moveRoute({
    path: 'carry-over', summary: '续办: carry into next year', permission: office, body: reasonInput, example: { reason: '项目列入明年计划' },
    run: (db, c, id, b) => carryOverProposal(db, c, id, b),
  }),
  moveRoute({ path: 'resume', summary: 'Resume handling of a carried-over proposal', permission: office, body: noteInput, example: {}, run: (db, c, id, b) => resumeProposal(db, c, id, b) }),
];
