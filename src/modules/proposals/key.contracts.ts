import { z } from 'zod';
import { calendarDate } from '../../platform/schema.js';
import { KEY_STATUSES, type KeyAction, type KeyStatus } from './key.workflow.js';

/** Inputs of key proposals (重点提案), supervision (督办) and batch assignment (交办会); shared with the web client. */
/** A calendar date that exists (2025-02-30 does not). */
const date = calendarDate();
const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const code = z.string().regex(/^[a-z0-9_]{1,40}$/);
const reason = z.string().trim().min(2).max(1000);
/** Files uploaded through POST /api/attachments, claimed by the command. */
export const attachmentIds = z.array(z.uuid()).max(20).default([]);

export const keyShortlistInput = z.object({ reason });
export type KeyShortlistInput = z.input<typeof keyShortlistInput>;

export const keyApproveInput = z.object({
  note: optText(1000),
  /** May name the supervision at once (else later with PUT …/key/supervision). */
  leaderUserId: z.uuid().nullish(),
  channel: code.nullish(),
});
export type KeyApproveInput = z.input<typeof keyApproveInput>;

export const keyDeclineInput = z.object({ note: optText(1000) });
export const keyRevokeInput = z.object({ reason });

export const supervisionInput = z.object({ leaderUserId: z.uuid(), channel: code });
export type SupervisionInput = z.input<typeof supervisionInput>;

export const supervisionEventInput = z.object({
  kind: code,
  heldOn: date,
  participants: z.string().trim().max(1000).default(''),
  notes: z.string().trim().max(10000).default(''),
  attachmentIds,
});
export type SupervisionEventInput = z.input<typeof supervisionEventInput>;

const KEY_STATUS_CODES = Object.keys(KEY_STATUSES).filter((s) => s !== 'none');
export const keyListQuery = z.object({
  status: z.string().refine((v) => v.split(',').every((s) => KEY_STATUS_CODES.includes(s)), { message: `one or more of ${KEY_STATUS_CODES.join(', ')}` }).optional(),
  /** Only those whose supervision the caller leads. */
  mine: z.enum(['true', 'false']).optional(),
});

export const batchAssignItem = z.object({
  proposalId: z.uuid(),
  mode: z.enum(['lead', 'split']).default('lead'),
  leadUnitId: z.uuid().nullish(),
  coUnitIds: z.array(z.uuid()).max(20).default([]),
  splitUnitIds: z.array(z.uuid()).max(20).default([]),
  /** Without a lead unit: take the top suggested unit (智能分办) as 主办. */
  useSuggestion: z.boolean().default(false),
});
export const batchAssignInput = z.object({
  /** The 交办会 date (default today); every deadline counts from it. */
  assignedOn: date.optional(),
  items: z.array(batchAssignItem).min(1).max(300),
});
export type BatchAssignInput = z.input<typeof batchAssignInput>;

export const assignableQuery = z.object({
  sessionId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(300).default(100),
});

/** One supervision event (督办活动) as the key view shows it, with its files' metadata. */
export interface SupervisionEventView {
  id: string;
  kind: string;
  kindLabel: string;
  heldOn: string;
  participants: string;
  notes: string;
  createdByName: string | null;
  createdAt: string;
  attachments: { id: string; fileName: string; mime: string; size: number; createdAt: string }[];
}

/** The key-proposal record of one proposal (GET /api/proposals/:id/key); the web reads this type. */
export interface KeyView {
  proposalId: string;
  status: KeyStatus;
  statusLabel: string;
  reason: string | null;
  decisionNote: string | null;
  leader: { userId: string; name: string | null } | null;
  channel: { code: string; label: string } | null;
  shortlistedAt: string | null;
  decidedAt: string | null;
  events: SupervisionEventView[];
  /** The committee's lists, for the forms. */
  channels: { code: string; label: string }[];
  eventKinds: { code: string; label: string }[];
  /** Leaders who may lead the supervision (only for the office). */
  leaders: { userId: string; name: string }[];
  approvedBy: 'leader' | 'office';
  abilities: Record<KeyAction, boolean>;
}
