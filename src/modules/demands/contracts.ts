import { z } from 'zod';
import { scopeParam } from '../../platform/figures.js';
import { DEMAND_STATES } from './domain/demand-workflow.js';
import { TRACKING_ALPHABET, TRACKING_LENGTH } from './domain/personal-data.js';

/** The demands module's request and response shapes, shared with the web client. */
export const CHANNELS = ['reception', 'field', 'phone', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  reception: { zh: '接待日受理', en: 'at a reception' },
  field: { zh: '委员走访收集', en: 'by a member in the field' },
  phone: { zh: '电话受理', en: 'by phone' },
  online: { zh: '网上提交', en: 'online' },
};
export const DEMAND_STATE_KEYS = Object.keys(DEMAND_STATES) as (keyof typeof DEMAND_STATES)[];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** A mainland mobile or a landline with its area code (digits and one hyphen). */
const phone = z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或带区号的电话 / a mobile or a landline with area code');
/** 18-character resident ID (last may be X). */
const idNo = z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, '身份证号应为 18 位 / an ID number has 18 characters');

const person = {
  personName: text(1, 30).optional(),
  personPhone: phone.optional(),
  personIdNo: idNo.optional(),
};

export const idParams = z.object({ id: z.uuid() });

/** Staff or a member records a demand raised at a reception, in the field or by phone. */
export const intakeInput = z.object({
  channel: z.enum(['reception', 'field', 'phone']),
  kind: text(2, 20),
  matter: text(4, 200),
  details: text(0, 4000).optional(),
  placeId: z.uuid().optional(),
  placeText: text(0, 120).optional(),
  ...person,
  /** Uploaded files (POST /api/attachments) to claim as photos. */
  attachmentIds: z.array(z.uuid()).max(6).optional(),
});
export type IntakeInput = z.infer<typeof intakeInput>;

/** A photo uploaded through the public page: its id and the receipt the upload answered. */
export const publicPhoto = z.object({ id: z.uuid(), receipt: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** The public form (no login). */
export const publicDemandInput = z.object({
  challenge: z.string().min(10).max(400),
  solution: z.string().regex(/^[0-9a-z]{1,16}$/),
  kind: text(2, 20),
  matter: text(4, 200),
  details: text(0, 2000).optional(),
  placeText: text(0, 120).optional(),
  ...person,
  photos: z.array(publicPhoto).max(3).optional(),
});
export type PublicDemandInput = z.infer<typeof publicDemandInput>;

export const committeeCodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });
export const trackingParams = z.object({
  code: z.string().trim().toUpperCase().regex(new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_LENGTH}}$`), '查询码为 12 位 / a tracking code has 12 characters'),
});
export const ratingInput = z.object({ rating: z.number().int().min(1).max(5), comment: text(0, 500).optional() });

export const referInput = z.object({
  unitId: z.uuid(),
  /** Working days from today; default: the committee's referralWorkingDays. */
  workingDays: z.number().int().min(1).max(60).optional(),
  note: text(0, 500).optional(),
});
export const assignMemberInput = z.object({ memberId: z.uuid(), note: text(0, 500).optional() });
export const answerInput = z.object({ answer: text(2, 4000) });
export const declineInput = z.object({
  reason: text(2, 500),
  /** Where the person should go instead (e.g. 县信访局, 12345 热线). */
  redirectTo: text(2, 200),
});
export const convertInput = z.object({ target: z.enum(['proposal', 'social_info']), note: text(0, 500).optional() });
export const noteInput = z.object({ note: text(0, 500).optional() });
export const reasonInput = z.object({ reason: text(2, 500) });

export const listQuery = z.object({
  state: z.enum(DEMAND_STATE_KEYS as [string, ...string[]]).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: text(1, 20).optional(),
  q: text(1, 60).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const figureQuery = z.object({
  scope: scopeParam,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
