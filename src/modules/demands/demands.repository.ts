import { sql, type SQL } from 'drizzle-orm';
import { pgArrayLiteral } from '../../platform/db/pg-array.js';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { DemandState } from './domain/demand-workflow.js';

/** SQL only; the committee comes first and is in every where. */

export type DemandRow = {
  id: string; trackingCode: string; channel: string; kind: string; matter: string; details: string;
  placeId: string | null; placeText: string; personName: string | null; personPhone: string | null; personIdNo: string | null;
  piiErasedAt: string | null; tokens: string[]; state: DemandState; recordedBy: string | null; memberId: string | null; memberName: string | null;
  unitId: string | null; unitName: string | null; deadline: string | null; referredAt: string | null; answer: string | null; answeredAt: string | null;
  declineReason: string | null; redirectTo: string | null; convertTarget: string | null; convertedRef: string | null;
  rating: number | null; ratingComment: string | null; ratedAt: string | null; closedAt: string | null; createdAt: string; updatedAt: string;
};

const cols = sql`d.id, d.tracking_code as "trackingCode", d.channel, d.kind, d.matter, d.details, d.place_id as "placeId", d.place_text as "placeText",
  d.person_name as "personName", d.person_phone as "personPhone", d.person_id_no as "personIdNo", d.pii_erased_at as "piiErasedAt", d.tokens,
  d.state, d.recorded_by as "recordedBy", d.member_id as "memberId", m.name as "memberName", d.unit_id as "unitId", u.name as "unitName",
  d.deadline::text as deadline, d.referred_at as "referredAt", d.answer, d.answered_at as "answeredAt", d.decline_reason as "declineReason",
  d.redirect_to as "redirectTo", d.convert_target as "convertTarget", d.converted_ref as "convertedRef", d.rating, d.rating_comment as "ratingComment",
  d.rated_at as "ratedAt", d.closed_at as "closedAt", d.created_at as "createdAt", d.updated_at as "updatedAt"`;
const from = sql`demands d left join members m on m.id = d.member_id and m.committee_id = d.committee_id
  left join handling_units u on u.id = d.unit_id and u.committee_id = d.committee_id`;

export async function findDemand(db: Executor, committeeId: string, id: string, lock = false): Promise<DemandRow | undefined> {
  const { rows } = await db.execute<DemandRow>(lock
    ? sql`select ${cols} from ${from} where d.committee_id = ${committeeId} and d.id = ${id} for update of d`
    : sql`select ${cols} from ${from} where d.committee_id = ${committeeId} and d.id = ${id}`);
  return rows[0];
}

/** By tracking code alone (the public page); the committee comes from the row. */
export async function findByTrackingCode(db: Executor, code: string, lock = false): Promise<(DemandRow & { committeeId: string; committeeName: string }) | undefined> {
  const { rows } = await db.execute<DemandRow & { committeeId: string; committeeName: string }>(sql`select ${cols}, d.committee_id as "committeeId", c.name as "committeeName"
    from ${from} join committees c on c.id = d.committee_id where d.tracking_code = ${code} ${lock ? sql`for update of d` : sql``}`);
  return rows[0];
}

export interface NewDemand {
  trackingCode: string; channel: string; kind: string; matter: string; details: string; placeId: string | null; placeText: string;
  personName: string | null; personPhone: string | null; personIdNo: string | null; tokens: string[];
  recordedBy: string | null; memberId: string | null; challengeNonce: string | null;
}

/** Inserts; null when the challenge nonce was used already (the unique index refuses it). */
export async function insertDemand(db: Executor, committeeId: string, v: NewDemand): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`insert into demands
    (committee_id, tracking_code, channel, kind, matter, details, place_id, place_text, person_name, person_phone, person_id_no, tokens,
     recorded_by, member_id, challenge_nonce)
    values (${committeeId}, ${v.trackingCode}, ${v.channel}, ${v.kind}, ${v.matter}, ${v.details}, ${v.placeId}, ${v.placeText},
      ${v.personName}, ${v.personPhone}, ${v.personIdNo}, ${pgArray(v.tokens)}, ${v.recordedBy}, ${v.memberId}, ${v.challengeNonce})
    on conflict (committee_id, challenge_nonce) do nothing returning id`);
  return rows[0]?.id ?? null;
}

export type DemandPatch = Partial<{
  state: DemandState; memberId: string | null; unitId: string | null; deadline: string | null; referredAt: 'now' | null;
  answer: string | null; answeredAt: 'now' | null; declineReason: string; redirectTo: string; convertTarget: string; convertedRef: string;
  rating: number; ratingComment: string | null; ratedAt: 'now'; closedAt: 'now';
}>;

const COLUMN: Record<keyof DemandPatch, string> = {
  state: 'state', memberId: 'member_id', unitId: 'unit_id', deadline: 'deadline', referredAt: 'referred_at', answer: 'answer',
  answeredAt: 'answered_at', declineReason: 'decline_reason', redirectTo: 'redirect_to', convertTarget: 'convert_target',
  convertedRef: 'converted_ref', rating: 'rating', ratingComment: 'rating_comment', ratedAt: 'rated_at', closedAt: 'closed_at',
};

export async function patchDemand(db: Executor, committeeId: string, id: string, p: DemandPatch): Promise<void> {
  const sets: SQL[] = [sql`updated_at = now()`];
  for (const [k, v] of Object.entries(p) as [keyof DemandPatch, unknown][]) {
    if (v === undefined) continue;
    sets.push(v === 'now' ? sql`${sql.raw(COLUMN[k])} = now()` : sql`${sql.raw(COLUMN[k])} = ${v}`);
  }
  await db.execute(sql`update demands set ${sql.join(sets, sql`, `)} where committee_id = ${committeeId} and id = ${id}`);
}

/** Who may see which rows: everything (staff, leaders), or those recorded by / with these members, or referred to these units. */
export interface Visibility { all: boolean; userId: string | null; memberIds: string[]; unitIds: string[] }

function visible(v: Visibility): SQL {
  if (v.all) return sql`true`;
  const parts: SQL[] = [sql`false`];
  if (v.userId) parts.push(sql`d.recorded_by = ${v.userId}`);
  if (v.memberIds.length) parts.push(sql`d.member_id = any(${pgUuidArray(v.memberIds)})`);
  if (v.unitIds.length) parts.push(sql`d.unit_id = any(${pgUuidArray(v.unitIds)})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function listDemands(db: Executor, committeeId: string, v: Visibility, q: {
  state?: string; channel?: string; kind?: string; q?: string; limit: number; offset: number;
}): Promise<{ rows: DemandRow[]; total: number }> {
  const where: SQL[] = [sql`d.committee_id = ${committeeId}`, visible(v)];
  if (q.state) where.push(sql`d.state = ${q.state}`);
  if (q.channel) where.push(sql`d.channel = ${q.channel}`);
  if (q.kind) where.push(sql`d.kind = ${q.kind}`);
  if (q.q) where.push(sql`(d.matter ilike ${'%' + q.q.replace(/[\\%_]/g, '\\$&') + '%'} or d.tracking_code = ${q.q.toUpperCase()})`);
  const w = sql.join(where, sql` and `);
  const [{ rows }, total] = await Promise.all([
    db.execute<DemandRow>(sql`select ${cols} from ${from} where ${w} order by d.created_at desc, d.id limit ${q.limit} offset ${q.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from demands d where ${w}`),
  ]);
  return { rows, total: total.rows[0].n };
}

/** Candidates for duplicates: demands of the committee sharing a token with `tokens` (GIN), newest first. */
export async function demandsSharingTokens(db: Executor, committeeId: string, v: Visibility, excludeId: string, tokens: string[], limit = 300): Promise<DemandRow[]> {
  if (tokens.length === 0) return [];
  const { rows } = await db.execute<DemandRow>(sql`select ${cols} from ${from}
    where d.committee_id = ${committeeId} and d.tokens && ${pgArray(tokens)} and d.id <> ${excludeId} and ${visible(v)}
    order by d.created_at desc limit ${limit}`);
  return rows;
}

export async function readSettings(db: Executor, committeeId: string): Promise<unknown> {
  const { rows } = await db.execute<{ s: unknown }>(sql`select settings -> 'demands' as s from committees where id = ${committeeId}`);
  return rows[0]?.s ?? null;
}

export async function writeSettings(db: Executor, committeeId: string, value: unknown): Promise<void> {
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{demands}', ${JSON.stringify(value)}::jsonb, true) where id = ${committeeId}`);
}

export async function committeeByCode(db: Executor, code: string): Promise<{ id: string; name: string; settings: unknown } | undefined> {
  const { rows } = await db.execute<{ id: string; name: string; settings: unknown }>(sql`select id, name, settings -> 'demands' as settings from committees where code = ${code}`);
  return rows[0];
}

export async function activeUnit(db: Executor, committeeId: string, unitId: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from handling_units where committee_id = ${committeeId} and id = ${unitId} and active`);
  return rows.length > 0;
}

export async function memberExists(db: Executor, committeeId: string, memberId: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from members where committee_id = ${committeeId} and id = ${memberId}`);
  return rows.length > 0;
}

/** The committee's portal key, made on first use (two first uses at once agree on the stored one). */
export async function portalKey(db: Executor, committeeId: string, fresh: Buffer): Promise<Buffer> {
  await db.execute(sql`insert into demand_portal_keys (committee_id, secret) values (${committeeId}, ${fresh}) on conflict (committee_id) do nothing`);
  const { rows } = await db.execute<{ secret: Buffer }>(sql`select secret from demand_portal_keys where committee_id = ${committeeId}`);
  return rows[0].secret;
}

/** Closed demands whose personal data is due for erasure: closed more than `days` ago and not erased yet. */
export async function dueForErasure(db: Executor, limit: number): Promise<{ id: string; committeeId: string }[]> {
  const { rows } = await db.execute<{ id: string; committeeId: string }>(sql`select d.id, d.committee_id as "committeeId"
    from demands d join committees c on c.id = d.committee_id
    where d.state = 'closed' and d.pii_erased_at is null
      and (d.person_name is not null or d.person_phone is not null or d.person_id_no is not null)
      and d.closed_at < now() - make_interval(days => coalesce(case when jsonb_typeof(c.settings #> '{demands,retentionDays}') = 'number'
        then (c.settings #>> '{demands,retentionDays}')::int end, 730))
    order by d.closed_at limit ${limit}`);
  return rows;
}

export async function erasePerson(db: Executor, committeeId: string, id: string): Promise<void> {
  await db.execute(sql`update demands set person_name = null, person_phone = null, person_id_no = null, pii_erased_at = now(), updated_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

const pgArray = (a: string[]) => sql`${pgArrayLiteral(a)}::text[]`;
const pgUuidArray = (a: string[]) => sql`${pgArrayLiteral(a)}::uuid[]`;

/** The holidays and 调休 days the committee keeps in its proposals settings (one working-day calendar per committee). */
export async function calendarSettings(db: Executor, committeeId: string): Promise<{ holidays: string[]; extraWorkdays: string[] }> {
  const { rows } = await db.execute<{ h: unknown; w: unknown }>(
    sql`select settings #> '{proposals,holidays}' as h, settings #> '{proposals,extraWorkdays}' as w from committees where id = ${committeeId}`);
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s)) : []);
  return { holidays: list(rows[0]?.h), extraWorkdays: list(rows[0]?.w) };
}
