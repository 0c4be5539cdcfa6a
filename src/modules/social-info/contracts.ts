import { z } from 'zod';
import { scopeParam } from '../../platform/figures-contract.js';
import { calendarDate } from '../../platform/schema.js';

/** The committee's settings as GET /api/social-info/settings answers them (pure zod, so the web reads this type). */
export type { InfoSettings } from './domain/settings.js';

/** Schemas shared by the routes and tests. */
export const SOURCE_KINDS = ['member', 'officer', 'organisation', 'sector', 'special_committee', 'liaison_station'] as const;
export const SOURCE_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  member: '委员', officer: '信息员', organisation: '党派团体', sector: '界别', special_committee: '专委会', liaison_station: '委员工作站',
};
export const INSTRUCTION_LEVELS = ['provincial', 'city'] as const;
export const LEVEL_LABELS = { provincial: '省级领导', city: '市级领导' } as const;

/** A calendar date that exists, year 1900–2100 (platform/schema.ts). */
const date = calendarDate();
const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const reason = z.string().trim().min(2).max(1000);
const year = z.coerce.number().int().min(2000).max(2100);

export const submitInput = z.object({
  title: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(20000),
  sourceKind: z.enum(SOURCE_KINDS).default('member'),
  sourceName: optText(60),
  /** Authors (members); for a member's own item the caller is added first. */
  memberIds: z.array(z.uuid()).max(20).default([]),
  topicId: z.uuid().nullish().transform((v) => v ?? null),
  urgent: z.boolean().default(false),
  /** Files uploaded beforehand (platform attachments) that belong to this item. */
  attachmentIds: z.array(z.uuid()).max(20).default([]),
});
export type SubmitInput = z.input<typeof submitInput>;

export const editInput = z.object({ title: z.string().trim().min(2).max(200).optional(), body: z.string().trim().min(10).max(20000).optional(), note: optText(500) });
export const resubmitInput = z.object({
  title: z.string().trim().min(2).max(200).optional(), body: z.string().trim().min(10).max(20000).optional(),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
});
export const reasonInput = z.object({ reason });
export const mergeInput = z.object({ targetId: z.uuid(), note: optText(500) });
export const signOffInput = z.object({ issueId: z.uuid() });
export const noteInput = z.object({ note: optText(500) });

export const topicInput = z.object({ year, title: z.string().trim().min(2).max(100), description: z.string().trim().max(2000).default('') });
export const officerInput = z.object({ year, memberId: z.uuid(), monthlyQuota: z.number().int().min(0).max(31).optional() });
export const periodicalInput = z.object({ name: z.string().trim().min(2).max(40), sort: z.number().int().min(0).max(1000).default(0) });
export const issueInput = z.object({ periodicalId: z.uuid(), year, title: z.string().trim().max(100).default('') });

export const forwardInput = z.object({ destinations: z.array(z.string().trim().min(1).max(40)).min(1).max(20), forwardedOn: date });
export const resultInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('adoption'), destination: z.string().trim().min(1).max(40), publication: optText(60), onDate: date, text: z.string().trim().max(2000).default('') }),
  z.object({
    kind: z.literal('instruction'), destination: z.string().trim().min(1).max(40), leader: z.string().trim().min(1).max(40),
    level: z.enum(INSTRUCTION_LEVELS), onDate: date, text: z.string().trim().min(1).max(2000),
  }),
  z.object({ kind: z.literal('follow_up'), destination: z.string().trim().min(1).max(40), onDate: date, text: z.string().trim().min(1).max(2000) }),
]);
export type ResultInput = z.input<typeof resultInput>;

export const listQuery = z.object({
  state: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.enum(['1', 'true']).optional(),
  urgent: z.enum(['1', 'true']).optional(),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  /** Submitted in this year (China time). */
  year: year.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;
export const yearQuery = z.object({ year: year.optional() });
export const figuresQuery = z.object({ year: year.optional(), scope: scopeParam });
export const exportQuery = listQuery.omit({ page: true, pageSize: true });
export type ExportQuery = z.infer<typeof exportQuery>;
export const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
