import { z } from 'zod';
import { calendarDate } from '../../platform/schema.js';

/** Schemas shared by the server routes and the web client. */
export const MEMBER_ROLES = ['member', 'standing', 'vice_chair', 'chair', 'secretary_general'] as const;
export const MEMBER_ROLE_LABELS: Record<(typeof MEMBER_ROLES)[number], string> = {
  member: '委员', standing: '常委', vice_chair: '副主席', chair: '主席', secretary_general: '秘书长',
};
export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS = { male: '男', female: '女' } as const;
export const MEMBER_STATUSES = ['active', 'left'] as const;
export const STATUS_LABELS = { active: '在任', left: '离任' } as const;

/** A calendar date that exists, year 1900–2100 (platform/schema.ts). */
const date = calendarDate();
const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const memberInput = z.object({
  name: z.string().trim().min(1).max(40),
  gender: z.enum(GENDERS),
  ethnicity: z.string().trim().min(1).max(20).default('汉族'),
  birthDate: date.nullish(),
  party: optText(40),
  sectorId: z.uuid().nullish(),
  specialCommitteeId: z.uuid().nullish(),
  roles: z.array(z.enum(MEMBER_ROLES)).min(1).max(MEMBER_ROLES.length).default(['member']),
  employer: optText(100),
  title: optText(100),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号应为 11 位数字').nullish(),
  status: z.enum(MEMBER_STATUSES).default('active'),
  leftAt: date.nullish(),
  leftReason: optText(200),
});
export type MemberInput = z.infer<typeof memberInput>;
export const memberPatch = memberInput.partial();

export const memberListQuery = z.object({
  q: z.string().trim().max(40).optional(),
  sectorId: z.uuid().optional(),
  specialCommitteeId: z.uuid().optional(),
  role: z.enum(MEMBER_ROLES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  sort: z.enum(['name', 'birthDate', 'createdAt', 'sector']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export type MemberView = {
  id: string;
  name: string;
  gender: (typeof GENDERS)[number];
  ethnicity: string;
  birthDate: string | null;
  party: string | null;
  sectorId: string | null;
  sectorName: string | null;
  specialCommitteeId: string | null;
  specialCommitteeName: string | null;
  roles: (typeof MEMBER_ROLES)[number][];
  employer: string | null;
  title: string | null;
  phone: string | null;
  status: (typeof MEMBER_STATUSES)[number];
  leftAt: string | null;
  leftReason: string | null;
};

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const passwordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const unitInput = z.object({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(['government', 'party', 'court', 'enterprise', 'county', 'other']).default('government'),
  duties: z.string().trim().max(2000).default(''),
  contactPerson: optText(40),
  contactPhone: optText(40),
  active: z.boolean().default(true),
});
