import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, jsonb,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * Committees form a tree (national → province → city → county); a committee is the tenant of
 * every other record. This is the tenant table itself, so it has no committee_id of its own.
 */
export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level').notNull(), // national | province | city | county
    region: text('region'),
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('committees_code_uq').on(t.code), index('committees_parent_idx').on(t.parentId)],
);

/** 届 — a five-year term. */
export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    isCurrent: boolean('is_current').notNull().default(false),
  },
  (t) => [uniqueIndex('terms_committee_number_uq').on(t.committeeId, t.number)],
);

/** 次会议 — the yearly plenary session of a term. */
export const plenarySessions = pgTable(
  'plenary_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('plenary_sessions_committee_term_number_uq').on(t.committeeId, t.termId, t.number)],
);

/** 界别 */
export const sectors = pgTable(
  'sectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('professional'), // party | nonparty | organisation | professional
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('sectors_committee_name_uq').on(t.committeeId, t.name)],
);

/** 专门委员会 */
export const specialCommittees = pgTable(
  'special_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('special_committees_committee_name_uq').on(t.committeeId, t.name)],
);

/** 委员 */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    termId: uuid('term_id').references(() => terms.id),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    gender: text('gender').notNull(), // male | female
    ethnicity: text('ethnicity').notNull().default('汉族'),
    birthDate: date('birth_date', { mode: 'string' }),
    party: text('party'),
    sectorId: uuid('sector_id').references(() => sectors.id),
    specialCommitteeId: uuid('special_committee_id').references(() => specialCommittees.id),
    roles: text('roles').array().notNull().default(sql`'{member}'::text[]`),
    employer: text('employer'),
    title: text('title'),
    phone: text('phone'),
    status: text('status').notNull().default('active'), // active | left
    leftAt: date('left_at', { mode: 'string' }),
    leftReason: text('left_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('members_committee_name_idx').on(t.committeeId, t.name),
    index('members_committee_initials_idx').on(t.committeeId, t.nameInitials),
    index('members_committee_pinyin_idx').on(t.committeeId, t.namePinyin),
    index('members_committee_sector_idx').on(t.committeeId, t.sectorId),
    index('members_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    uniqueIndex('members_committee_phone_uq').on(t.committeeId, t.phone),
  ],
);

/** 承办单位 — departments that answer proposals; `duties` (职能) is used for routing. */
export const handlingUnits = pgTable(
  'handling_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('government'), // government | party | court | enterprise | county | other
    duties: text('duties').notNull().default(''),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('handling_units_committee_name_uq').on(t.committeeId, t.name)],
);

/** Staff offices (机关): proposals, info, member_affairs, general. */
export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('offices_committee_kind_uq').on(t.committeeId, t.kind)],
);

/**
 * Accounts. committee_id is the home committee. The username index is the one unique index
 * that does not start with committee_id: a person logs in before any committee is chosen.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    locale: text('locale'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

/**
 * Failed logins for names that are no account, so that they are counted and locked exactly as an
 * account is (auth.commands.ts): the lockout must not tell which usernames exist. In the database,
 * not in process memory, because two server instances on one database (or a restart) would
 * otherwise each count from zero, and an unknown name would take N × maxFailures tries to lock
 * where a real one takes maxFailures. Keyed by lower(username) like `users_username_uq`.
 * A deliberate tenancy exception: a name that is no account belongs to no committee.
 */
export const loginNameFailures = pgTable(
  'login_name_failures',
  {
    usernameKey: text('username_key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: ts('locked_until'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('login_name_failures_updated_idx').on(t.updatedAt)],
);

/** A user's role in one committee. office for staff, unit for clerks, member for members. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(), // staff | member | unit_clerk | leader
    office: text('office'),
    unitId: uuid('unit_id').references(() => handlingUnits.id),
    memberId: uuid('member_id').references(() => members.id),
  },
  (t) => [
    uniqueIndex('user_roles_committee_user_role_uq').on(t.committeeId, t.userId, t.role, sql`coalesce(${t.office}, '')`),
    index('user_roles_user_idx').on(t.userId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its hash. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** Personal API tokens (Authorization: Bearer). Only a hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_committee_hash_uq').on(t.committeeId, t.tokenHash), index('api_tokens_hash_idx').on(t.tokenHash)],
);

/** Progress and result of a member import, so the UI can poll it. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: uuid('committee_id').notNull().references(() => committees.id),
  userId: uuid('user_id').references(() => users.id),
  kind: text('kind').notNull(),
  fileName: text('file_name'),
  status: text('status').notNull(), // running | succeeded | failed
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
  message: text('message'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});
