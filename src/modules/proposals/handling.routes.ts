import { acceptAssignment } from './commands/accept-assignment.js';
import { countersignReply } from './commands/countersign-reply.js';
import { objectToAssignment } from './commands/object-to-assignment.js';
import { rateReply } from './commands/rate-reply.js';
import { saveReply } from './commands/save-reply.js';
import { submitReply } from './commands/submit-reply.js';
import { countersignInput, feedbackInput, reasonInput, replyInput } from './contracts.js';
import { ProposalPermissions as P } from './proposals.policy.js';
import { moveRoute } from './route-kit.js';

const unit = P['proposals.handle'];

/** The handling units' moves (a clerk acts only on what is assigned to the unit) and the proposers' feedback. */
export const handlingRoutes = [
  moveRoute({
    path: 'object', summary: 'A unit objects to the assignment within the window (异议)', permission: unit, body: reasonInput,
    example: { reason: '该事项不属于本单位职责' }, run: (db, c, id, b) => objectToAssignment(db, c, id, b),
  }),
  moveRoute({ path: 'accept', summary: '签收: the lead unit takes the proposal up', permission: unit, run: (db, c, id) => acceptAssignment(db, c, id) }),
  moveRoute({
    path: 'reply', method: 'PUT', summary: "Save the unit's reply draft (class, public flag, signer, contact, text)", permission: unit,
    body: replyInput, example: { body: '关于市政协第五届三次会议第1号提案的答复' }, run: (db, c, id, b) => saveReply(db, c, id, b),
  }),
  moveRoute({ path: 'reply/submit', summary: 'Submit the reply: to countersign (会签) or to the office', permission: unit, run: (db, c, id) => submitReply(db, c, id) }),
  moveRoute({
    path: 'countersign', summary: "会签: a co-handling unit signs the lead unit's reply", permission: unit, body: countersignInput,
    example: {}, run: (db, c, id, b) => countersignReply(db, c, id, b),
  }),
  moveRoute({
    path: 'feedback', summary: '评价: 满意 / 基本满意 / 不满意 (不满意 → re-handling)', permission: P['proposals.rate'], body: feedbackInput,
    example: { rating: 'satisfied' }, run: (db, c, id, b) => rateReply(db, c, id, b),
  }),
];
