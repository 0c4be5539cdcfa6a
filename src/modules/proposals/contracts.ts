import { z } from 'zod';
import { calendarDate } from '../../platform/schema.js';

/** Schemas shared by the routes, the CLI and (later) the web client. */
export const PROPOSAL_KINDS = ['individual', 'joint', 'party_group', 'sector', 'special_committee'] as const;
export const KIND_LABELS: Record<(typeof PROPOSAL_KINDS)[number], string> = {
  individual: '委员个人', joint: '委员联名', party_group: '党派团体', sector: '界别', special_committee: '专委会',
};
export const OCCASIONS = ['plenary', 'between_sessions'] as const;
export const OCCASION_LABELS = { plenary: '大会提案', between_sessions: '平时提案' } as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;
export type Rating = (typeof RATINGS)[number];

/** A calendar date that exists, year 1900–2100 (platform/schema.ts). */
const date = calendarDate();
const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** For patches: absent stays absent (keep the stored value); empty clears it. */
const patchText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v === undefined ? undefined : v || null));
const reason = z.string().trim().min(2).max(1000);

/** A draft may be incomplete; the format limits are checked at submission. */
export const draftInput = z.object({
  title: z.string().trim().max(200).default(''),
  body: z.string().max(20000).default(''),
  category: z.string().trim().min(1).max(20).optional(),
  kind: z.enum(PROPOSAL_KINDS).default('individual'),
  occasion: z.enum(OCCASIONS).default('plenary'),
  sessionId: z.uuid().nullish(),
  submitterName: optText(60),
  researchBasis: optText(500),
  cosignerIds: z.array(z.uuid()).max(50).default([]),
  /** Files uploaded through POST /api/attachments (research material, 不调研不提案), claimed for the proposal. */
  attachmentIds: z.array(z.uuid()).max(20).default([]),
});
export type DraftInput = z.input<typeof draftInput>;

export const draftPatch = z.object({
  title: z.string().trim().max(200).optional(),
  body: z.string().max(20000).optional(),
  category: z.string().trim().min(1).max(20).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
  occasion: z.enum(OCCASIONS).optional(),
  sessionId: z.uuid().nullish(),
  submitterName: patchText(60),
  researchBasis: patchText(500),
  cosignerIds: z.array(z.uuid()).max(50).optional(),
  /** The proposal's whole file list: new uploads are claimed, files left out are removed (absent: unchanged). */
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type DraftPatch = z.input<typeof draftPatch>;

export const noteInput = z.object({ note: optText(1000) });
export const reasonInput = z.object({ reason });
export const cosignInput = z.object({ accept: z.boolean() });
export const fileInput = z.object({ note: optText(1000), category: z.string().trim().min(1).max(20).optional() });
export const rejectInput = z.object({ reasonCode: z.string().min(1).max(40), note: optText(1000) });
export const convertInput = z.object({ note: optText(1000), forwardTo: optText(100) });
export const mergeInput = z.object({ masterId: z.uuid(), note: optText(1000) });

export const assignInput = z.object({
  /** lead: one 主办 plus 会办 units; split (分办): several units, each answering on its own. */
  mode: z.enum(['lead', 'split']).default('lead'),
  leadUnitId: z.uuid().nullish(),
  coUnitIds: z.array(z.uuid()).max(20).default([]),
  splitUnitIds: z.array(z.uuid()).max(20).default([]),
  /** The 交办 date (default today); the deadline and the objection window count from it. */
  assignedOn: date.optional(),
  note: optText(1000),
});
export type AssignInput = z.input<typeof assignInput>;

export const extendInput = z.object({ deadline: date, reason });

export const replyInput = z.object({
  replyClass: z.string().regex(/^[A-Z]$/).nullish(),
  isPublic: z.boolean().optional(),
  signer: patchText(40),
  contactPerson: patchText(40),
  contactPhone: patchText(40),
  docNumber: patchText(60),
  body: z.string().max(20000).optional(),
  contactedOn: date.nullish(),
});
export type ReplyInput = z.input<typeof replyInput>;

export const countersignInput = z.object({ opinion: optText(2000) });
export const sendBackInput = z.object({ reason, unitId: z.uuid().optional() });
export const releaseInput = z.object({
  /** The office may change a reply's class (by unit) before releasing it. */
  classes: z.array(z.object({ unitId: z.uuid(), replyClass: z.string().regex(/^[A-Z]$/) })).max(20).default([]),
  note: optText(1000),
});

export const feedbackInput = z.object({
  rating: z.enum(RATINGS),
  /** Whether the unit contacted the proposer before replying (办前面商). */
  contactedBefore: z.boolean().nullish(),
  attitude: z.enum(['good', 'fair', 'poor']).nullish(),
  remarks: optText(1000),
  /** Staff entering a rating on a member's behalf name the member. */
  memberId: z.uuid().optional(),
});
export type FeedbackInput = z.input<typeof feedbackInput>;

export const listQuery = z.object({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
  sessionId: z.uuid().optional(),
  category: z.string().trim().max(20).optional(),
  unitId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const similarQuery = z.object({
  text: z.string().trim().min(2).max(20000),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  excludeId: z.uuid().optional(),
});

export const suggestQuery = z.object({ text: z.string().trim().min(2).max(20000), limit: z.coerce.number().int().min(1).max(10).default(3) });

/**
 * What the similar check returns (queries/similar-proposals.ts). `matched` says why an item is
 * there: the words both texts share that weigh most in its score, for the web to highlight.
 */
export const similarResponse = z.object({
  threshold: z.number(),
  items: z.array(z.object({
    id: z.uuid(), title: z.string(), numberLabel: z.string().nullable(), state: z.string(), stateLabel: z.string(), score: z.number(),
    matched: z.array(z.string()), sessionName: z.string().nullable(), currentSession: z.boolean(), likelyDuplicate: z.boolean(),
  })),
});
export type SimilarResponse = z.infer<typeof similarResponse>;

/**
 * What unit suggestion returns (queries/suggest-units.ts). `matched`: the proposal's words and
 * concepts (written 〔公交〕) found in the unit's duties; `historyScore`: the share of similar past
 * proposals that unit led.
 */
export const suggestResponse = z.object({
  items: z.array(z.object({
    unitId: z.string(), name: z.string(), score: z.number(), dutyScore: z.number(), historyScore: z.number(), matched: z.array(z.string()),
  })),
});
export type SuggestResponse = z.infer<typeof suggestResponse>;
