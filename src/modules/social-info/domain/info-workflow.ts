import { defineWorkflow, type TransitionDef } from '../../../platform/workflow.js';

/**
 * The social-information workflow (社情民意信息: 收集 → 编辑 → 签发 → 刊发) as one table: every
 * state, every legal move, who may make it. Commands move through `infoWorkflow.move` (the
 * platform's kernel); the abilities sent to clients and the diagram come from the same table.
 *
 * Who acts, relative to one item:
 * - author: a member named among the item's authors (memberIds), or the user who submitted it
 *   (staff submitting for an organisation, sector, special committee or liaison station);
 * - editor: staff of the information office (staff office 'info'; staff with no office too);
 * - signer: the signing leader (签发): a user with the `leader` role or staff of the general
 *   office (办公室), who signs the issue off on the chair's behalf. Permission
 *   `social_info.sign_off` declares the same rule for the routes.
 */
export const INFO_STATES = {
  // 草稿: drafted for a member from another module's record (a 群众诉求); the author sends it.
  draft: '草稿',
  submitted: '已报送',
  screening: '筛选中',
  editing: '编辑中',
  sign_off: '待签发',
  published: '已刊发',
  returned: '退回修改',
  archived: '存档未用',
  merged: '已合并',
} as const;
export type InfoState = keyof typeof INFO_STATES;
export type InfoActor = 'author' | 'editor' | 'signer';

export type Transition = TransitionDef<InfoState, InfoActor>;

export const INFO_TRANSITIONS = {
  screen: { from: ['submitted'], to: 'screening', by: ['editor'], label: '筛选' },
  accept: { from: ['screening'], to: 'editing', by: ['editor'], label: '采编' },
  edit: { from: ['editing'], to: 'same', by: ['editor'], label: '编辑' },
  return: { from: ['submitted', 'screening', 'editing'], to: 'returned', by: ['editor'], label: '退回修改' },
  resubmit: { from: ['returned', 'draft'], to: 'submitted', by: ['author'], label: '重新报送' },
  archive: { from: ['submitted', 'screening', 'editing', 'returned'], to: 'archived', by: ['editor'], label: '存档不用' },
  merge: { from: ['submitted', 'screening', 'editing'], to: 'merged', by: ['editor'], label: '合并' },
  send_to_sign_off: { from: ['editing'], to: 'sign_off', by: ['editor'], label: '送签' },
  send_back: { from: ['sign_off'], to: 'editing', by: ['editor', 'signer'], label: '退回编辑' },
  publish: { from: ['sign_off'], to: 'published', by: ['editor', 'signer'], label: '刊发' },
} as const satisfies Record<string, Transition>;

export const infoWorkflow = defineWorkflow({
  name: 'social_info',
  title: 'Social-conditions information (社情民意)',
  // A drafted item (from a demand) starts here; one the author writes and sends at once starts at
  // submitted, as after the author's first send (resubmit from draft).
  initial: 'draft',
  states: INFO_STATES,
  actors: {
    author: "a member named among the item's authors, or the user who submitted it",
    editor: 'staff of the information office (or staff with no office)',
    signer: 'the signing leader (签发): a leader, or staff of the general office',
  },
  transitions: INFO_TRANSITIONS,
  errors: { notAllowed: 'social_info.not_allowed', invalidTransition: 'social_info.invalid_transition' },
});

export type InfoAction = keyof typeof INFO_TRANSITIONS;
export const INFO_ACTIONS = infoWorkflow.actionList;
export const ALL_INFO_STATES = infoWorkflow.stateList;

/** Issue statuses: an issue is put together (draft), signed off (签发) by the signing leader, then released (numbered). */
export const ISSUE_STATUSES = { draft: '编辑中', signed: '已签发', released: '已印发' } as const;
export type IssueStatus = keyof typeof ISSUE_STATUSES;
