import { z } from 'zod';
import { scopeParam } from '../../platform/figures.js';

/** The consultation module's request and response shapes, shared with the web client. */
export const TOPIC_SOURCES = ['member', 'special_committee', 'sector', 'party_committee', 'government'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TOPIC_SOURCE_LABELS: Record<TopicSource, string> = {
  member: '委员', special_committee: '专门委员会', sector: '界别', party_committee: '党委', government: '政府',
};

const year = z.coerce.number().int().min(2000).max(2100);
const isoDate = z.iso.date();
const names = z.array(z.string().trim().min(1).max(60)).max(30);

export const idParams = z.object({ id: z.uuid() });
export const yearQuery = z.object({ year });
export const planCreateInput = z.object({ year: year });

export const itemInput = z.object({
  title: z.string().trim().min(4).max(120),
  form: z.string().trim().min(2).max(30),
  lead: z.string().trim().min(2).max(60),
  leadSpecialCommitteeId: z.uuid().nullable().optional(),
  month: z.number().int().min(1).max(12).nullable().optional(),
  leaders: names.optional(),
  units: names.optional(),
  supervisory: z.boolean().optional(),
  sort: z.number().int().min(0).max(10000).optional(),
});
export type ItemInput = z.infer<typeof itemInput>;
export const itemPatch = itemInput.partial();
export type ItemPatch = z.infer<typeof itemPatch>;

/** 党委常委会确定: the meeting's date and the document that records it. */
export const decideInput = z.object({ decidedOn: isoDate, docNo: z.string().trim().min(2).max(60) });
export const issueInput = z.object({ issuedOn: isoDate, docNo: z.string().trim().min(2).max(60).optional() });
export const reasonInput = z.object({ reason: z.string().trim().min(2).max(500) });
export const noteInput = z.object({ note: z.string().trim().max(500).optional() });

export const topicInput = z.object({
  year,
  title: z.string().trim().min(4).max(120),
  description: z.string().trim().max(4000).optional(),
  /** Default: member (a member's own topic); staff record the others. */
  sourceKind: z.enum(TOPIC_SOURCES).optional(),
  sourceName: z.string().trim().min(2).max(60).optional(),
});
export type TopicInput = z.infer<typeof topicInput>;
export const topicsQuery = z.object({ year: year.optional(), state: z.enum(['submitted', 'accepted', 'declined']).optional() });
export type TopicsQuery = z.infer<typeof topicsQuery>;

/** Accepting a topic makes it an item of a draft plan; the title defaults to the topic's. */
export const acceptInput = itemInput.omit({ title: true }).extend({ planId: z.uuid(), title: z.string().trim().min(4).max(120).optional() });
export type AcceptInput = z.infer<typeof acceptInput>;

export const planFigureQuery = z.object({ scope: scopeParam, year });

const dateTime = z.iso.datetime({ offset: true });
const ids = z.array(z.uuid()).max(500);

/** 协商会议: made from a plan item of an issued plan; title defaults to the item's. */
export const meetingInput = z.object({
  title: z.string().trim().min(4).max(120).optional(),
  agenda: z.string().trim().max(4000).optional(),
  place: z.string().trim().min(2).max(100).nullable().optional(),
  onlineLink: z.url().max(500).nullable().optional(),
  startsAt: dateTime,
  endsAt: dateTime.nullable().optional(),
  /** 应邀领导和部门负责人, by name. */
  officials: names.optional(),
  memberIds: ids.optional(),
  expertIds: ids.optional(),
  /** 会议材料 (uploaded first, then bound here). */
  attachmentIds: z.array(z.uuid()).max(50).optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;
export const meetingPatch = meetingInput.partial();
export type MeetingPatch = z.infer<typeof meetingPatch>;
export const meetingsQuery = z.object({ year: year.optional(), planItemId: z.uuid().optional(), state: z.string().max(20).optional() });
export const minutesInput = z.object({
  text: z.string().trim().max(20000).optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export const replyInput = z.object({
  reply: z.enum(['attend', 'leave']),
  reason: z.string().trim().max(500).optional(),
});
export const speechInput = z.object({
  title: z.string().trim().min(2).max(120),
  body: z.string().trim().min(10).max(20000),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
/** 口头发言: the speeches chosen for oral delivery, in their order; the others stay written. */
export const speakersInput = z.object({ order: z.array(z.uuid()).max(100) });
export const expertInput = z.object({
  name: z.string().trim().min(2).max(40),
  field: z.string().trim().max(60).optional(),
  affiliation: z.string().trim().max(100).optional(),
});

const outcomeKind = z.enum(['report', 'proposal', 'reference']);
const recommendation = z.string().trim().min(4).max(2000);
/** 协商成果: from a meeting (its plan item follows) or from a plan item directly. */
export const outcomeInput = z.object({
  kind: outcomeKind,
  meetingId: z.uuid().optional(),
  planItemId: z.uuid().optional(),
  title: z.string().trim().min(4).max(160),
  summary: z.string().trim().max(20000).optional(),
  recommendations: z.array(recommendation).max(100).optional(),
});
export type OutcomeInput = z.infer<typeof outcomeInput>;
export const outcomePatch = z.object({
  title: z.string().trim().min(4).max(160).optional(),
  summary: z.string().trim().max(20000).optional(),
  /** The whole numbered list (only while drafting). */
  recommendations: z.array(recommendation).max(100).optional(),
});
export const outcomesQuery = z.object({ year: year.optional(), kind: outcomeKind.optional(), planItemId: z.uuid().optional() });
export const sendInput = z.object({ to: z.array(z.enum(['party_committee', 'government'])).min(1).max(2), sentOn: isoDate });
export const instructInput = z.object({ leader: z.string().trim().min(2).max(60), onDate: isoDate, text: z.string().trim().min(2).max(4000) });
export const referInput = z.object({ unitIds: z.array(z.uuid()).min(1).max(50), deadline: isoDate, referredOn: isoDate.optional() });
export const feedbackInput = z.object({ text: z.string().trim().min(4).max(20000), attachmentIds: z.array(z.uuid()).max(20).optional() });
export const resultInput = z.object({
  result: z.enum(['adopted', 'partly_adopted', 'not_adopted', 'in_progress', 'implemented']),
  evidence: z.string().trim().min(2).max(4000),
  onDate: isoDate,
});

/** 网络议政 */
export const onlineTopicInput = z.object({
  title: z.string().trim().min(4).max(120),
  description: z.string().trim().max(4000).optional(),
  planItemId: z.uuid().optional(),
  opensAt: dateTime,
  closesAt: dateTime,
  memberIds: z.array(z.uuid()).min(1).max(2000),
});
export const opinionInput = z.object({ body: z.string().trim().min(4).max(4000) });
export const moderateInput = z.object({ status: z.enum(['published', 'hidden']) });
export const carryInput = z.object({ outcomeId: z.uuid(), opinionIds: z.array(z.uuid()).min(1).max(100) });
