import { z } from 'zod';
import { boundedDateTime, calendarDate, httpUrl } from '../../platform/schema.js';
import { ACTIVITY_TYPE_KEYS, CREDIT_ROLES, dutyKind, memberRole, ORGANISER_KINDS, type OrganiserKind } from './domain/kinds.js';
import { PRESET_KEYS } from './domain/presets.js';
import { RECORD_STATUSES, type RecordStatus } from './domain/record-workflow.js';
import { rulesSchema } from './domain/rules.js';

/** Input schemas of the performance module, shared by the routes, the CLI and the web client. */

const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** A calendar date that exists, year 1900–2100 (platform/schema.ts). */
// Wider than the platform default: the domain's own check (performance.date_invalid) words the range of a duty record.
const date = calendarDate({ maxYear: 9999 });
export const yearParam = z.coerce.number().int().min(2000).max(2100);

/** Evidence typed by hand: file names or links. Uploaded files go by `attachmentIds` and live in the platform's attachments table. */
export const evidenceInput = z.array(z.object({ name: z.string().trim().min(1).max(200), url: z.string().trim().max(1000).nullish().transform((v) => v || null).pipe(httpUrl(1000).nullable()) })).max(20).default([]);
/** Files uploaded through POST /api/attachments (photos, sign-in sheets), claimed by the command that saves the record. */
export const attachmentIdsInput = z.array(z.uuid()).max(20).default([]);

export const activityInput = z.object({
  type: z.enum(ACTIVITY_TYPE_KEYS),
  title: z.string().trim().min(2).max(100),
  startsAt: boundedDateTime(),
  endsAt: boundedDateTime().nullish().transform((v) => v ?? null),
  halfDays: z.number().int().min(1).max(20).default(1),
  place: optText(100),
  organiserKind: z.enum(Object.keys(ORGANISER_KINDS) as [OrganiserKind, ...OrganiserKind[]]).default('committee'),
  organiserName: optText(60),
  openSignUp: z.boolean().default(false),
  inviteeIds: z.array(z.uuid()).max(5000).default([]),
  /** Invite every active member (the plenary); with `inviteRoles`, only members holding one of those roles. */
  inviteAll: z.boolean().default(false),
  inviteRoles: z.array(memberRole).max(20).nullish().transform((v) => v ?? null),
});
export type ActivityInput = z.input<typeof activityInput>;

/** Changing an open activity: the fields given, and members to invite as well. */
export const activityPatch = z.object({
  title: z.string().trim().min(2).max(100).optional(),
  startsAt: boundedDateTime().optional(),
  endsAt: boundedDateTime().nullish(),
  halfDays: z.number().int().min(1).max(20).optional(),
  /** Omitted: unchanged; null or empty: cleared. */
  place: z.string().trim().max(100).nullish().transform((v) => (v === undefined ? undefined : v || null)),
  addInviteeIds: z.array(z.uuid()).max(5000).default([]),
}).strict();
export type ActivityPatch = z.input<typeof activityPatch>;
export const cancelInput = z.object({ reason: z.string().trim().min(2).max(500) });

export const checkInInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, '签到码为 6 位数字') });
export const leaveInput = z.object({ reason: z.string().trim().min(2).max(500) });
export const attendanceInput = z.object({
  entries: z.array(z.object({
    memberId: z.uuid(),
    status: z.enum(['attended', 'excused', 'absent']),
    reason: optText(500),
  })).min(1).max(5000),
});

export const recordInput = z.object({
  kind: dutyKind,
  occurredOn: date,
  title: z.string().trim().min(2).max(200),
  description: optText(5000),
  /** Half-days, for kinds scored per half-day. */
  units: z.number().min(0.5).max(100).default(1),
  metrics: z.record(z.string().max(40), z.number().min(-1e9).max(1e9)).refine((m) => Object.keys(m).length <= 30, { message: '指标最多 30 项' }).meta({ maxProperties: 30 }).default({}),
  evidence: evidenceInput,
  attachmentIds: attachmentIdsInput,
  /** Staff recording for members (members report for themselves; co-participants are added with `coMemberIds`). */
  memberIds: z.array(z.uuid()).max(200).nullish().transform((v) => v ?? null),
  coMemberIds: z.array(z.uuid()).max(200).default([]),
});
export type RecordInput = z.input<typeof recordInput>;

export const rejectInput = z.object({ reason: z.string().trim().min(2).max(500) });
export const voidInput = z.object({ reason: z.string().trim().min(2).max(500) });

export const recordListQuery = z.object({
  year: yearParam.optional(),
  memberId: z.uuid().optional(),
  status: z.enum(Object.keys(RECORD_STATUSES) as [RecordStatus, ...RecordStatus[]]).optional(),
  kind: dutyKind.optional(),
  source: z.enum(['self_reported', 'automatic']).optional(),
  sort: z.enum(['occurred', 'decided']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const rulesInput = z.union([
  z.object({ year: z.number().int().min(2000).max(2100), preset: z.enum(PRESET_KEYS), note: optText(500) }).strict(),
  z.object({ year: z.number().int().min(2000).max(2100), rules: rulesSchema, note: optText(500) }).strict(),
]);
export type RulesInputBody = z.input<typeof rulesInput>;

export const standingsQuery = z.object({
  year: yearParam.optional(),
  sectorId: z.uuid().optional(),
  role: memberRole.optional(),
  grade: z.string().max(30).optional(),
  sort: z.enum(['points', 'name']).default('points'),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type StandingsQuery = z.infer<typeof standingsQuery>;

export const assessInput = z.object({ year: z.number().int().min(2000).max(2100) });
export const reviseInput = z.object({ reason: z.string().trim().min(4).max(1000) });

export const annualReportInput = z.object({
  year: z.number().int().min(2000).max(2100),
  body: z.string().trim().min(50).max(20000),
  attachments: evidenceInput,
  attachmentIds: attachmentIdsInput,
  /** Files the report holds that the member takes off it (they are deleted); the others stay. */
  removeAttachmentIds: z.array(z.uuid()).max(20).default([]),
});
export type AnnualReportInput = z.input<typeof annualReportInput>;

/** What another module sends to credit members (the generic duty contract, see events.ts). */
export const creditedMembers = z.array(z.object({ memberId: z.uuid(), role: z.enum(CREDIT_ROLES).nullish().transform((v) => v ?? null) })).min(1).max(500);
