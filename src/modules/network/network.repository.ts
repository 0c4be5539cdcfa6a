import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import {
  networkCarePairs, networkCareVisits, networkPlaceMembers, networkPlaces, networkPlaceStandards, networkReceptionRules, networkReceptions, networkRegions, networkVisits,
} from './network.schema.js';

/** SQL only; the committee comes first and is in every where. */

export async function readSettings(db: Executor, committeeId: string): Promise<unknown> {
  const { rows } = await db.execute<{ s: unknown }>(sql`select settings -> 'network' as s from committees where id = ${committeeId}`);
  return rows[0]?.s ?? null;
}
export async function writeSettings(db: Executor, committeeId: string, value: unknown): Promise<void> {
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{network}', ${JSON.stringify(value)}::jsonb, true) where id = ${committeeId}`);
}

// ── regions ────────────────────────────────────────────────────────────────
export type RegionRow = typeof networkRegions.$inferSelect;
export async function findRegion(db: Executor, committeeId: string, id: string): Promise<RegionRow | undefined> {
  const [r] = await db.select().from(networkRegions).where(and(eq(networkRegions.committeeId, committeeId), eq(networkRegions.id, id)));
  return r;
}
export async function insertRegion(db: Executor, committeeId: string, v: Omit<typeof networkRegions.$inferInsert, 'committeeId'>): Promise<string | null> {
  const rows = await db.insert(networkRegions).values({ ...v, committeeId }).onConflictDoNothing().returning({ id: networkRegions.id });
  return rows[0]?.id ?? null;
}
export async function listRegions(db: Executor, committeeId: string, q: { parentId?: string; level?: string }) {
  return db
    .select({ id: networkRegions.id, parentId: networkRegions.parentId, level: networkRegions.level, code: networkRegions.code, name: networkRegions.name })
    .from(networkRegions)
    .where(and(
      eq(networkRegions.committeeId, committeeId),
      ...(q.parentId ? [eq(networkRegions.parentId, q.parentId)] : []),
      ...(q.level ? [eq(networkRegions.level, q.level)] : []),
    ))
    .orderBy(asc(networkRegions.sort), asc(networkRegions.code))
    .limit(5000);
}

// ── places ─────────────────────────────────────────────────────────────────
export type PlaceRow = typeof networkPlaces.$inferSelect;
export async function findPlace(db: Executor, committeeId: string, id: string, lock = false): Promise<PlaceRow | undefined> {
  const q = db.select().from(networkPlaces).where(and(eq(networkPlaces.committeeId, committeeId), eq(networkPlaces.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}
export async function insertPlace(db: Executor, committeeId: string, v: Omit<typeof networkPlaces.$inferInsert, 'committeeId'>): Promise<string | null> {
  const rows = await db.insert(networkPlaces).values({ ...v, committeeId }).onConflictDoNothing().returning({ id: networkPlaces.id });
  return rows[0]?.id ?? null;
}
export async function updatePlace(db: Executor, committeeId: string, id: string, v: Partial<typeof networkPlaces.$inferInsert>): Promise<void> {
  await db.update(networkPlaces).set({ ...v, updatedAt: sql`now()` as never }).where(and(eq(networkPlaces.committeeId, committeeId), eq(networkPlaces.id, id)));
}
export async function placeNameTaken(db: Executor, committeeId: string, name: string, exceptId?: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from network_places where committee_id = ${committeeId} and name = ${name}
    ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`);
  return rows.length > 0;
}

export async function placedMembers(db: Executor, committeeId: string, placeId: string) {
  const { rows } = await db.execute<{ memberId: string; name: string; role: string; since: string | null }>(sql`
    select pm.member_id as "memberId", m.name, pm.role, pm.since::text as since
    from network_place_members pm join members m on m.id = pm.member_id and m.committee_id = pm.committee_id
    where pm.committee_id = ${committeeId} and pm.place_id = ${placeId} order by m.name_pinyin`);
  return rows;
}
export async function replacePlacedMembers(db: Executor, committeeId: string, placeId: string, list: { memberId: string; role: string; since?: string | null }[]) {
  await db.delete(networkPlaceMembers).where(and(eq(networkPlaceMembers.committeeId, committeeId), eq(networkPlaceMembers.placeId, placeId)));
  if (list.length) await db.insert(networkPlaceMembers).values(list.map((m) => ({ committeeId, placeId, memberId: m.memberId, role: m.role, since: m.since ?? null })));
}
export async function isPlacedAt(db: Executor, committeeId: string, placeId: string, memberIds: readonly string[]): Promise<boolean> {
  if (!memberIds.length) return false;
  const { rows } = await db.execute(sql`select 1 from network_place_members where committee_id = ${committeeId} and place_id = ${placeId}
    and member_id = any(${`{${memberIds.join(',')}}`}::uuid[]) limit 1`);
  return rows.length > 0;
}

/** How many of the ids are members of the committee (the caller compares with the count it sent). */
export async function countMembers(db: Executor, committeeId: string, ids: readonly string[]): Promise<number> {
  const unique = [...new Set(ids)];
  if (!unique.length) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from members
    where committee_id = ${committeeId} and id = any(${`{${unique.join(',')}}`}::uuid[])`);
  return rows[0]!.n;
}
export async function memberNames(db: Executor, committeeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { rows } = await db.execute<{ id: string; name: string }>(sql`select id, name from members
    where committee_id = ${committeeId} and id = any(${`{${unique.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function placeStandards(db: Executor, committeeId: string, placeId: string) {
  return db
    .select({ item: networkPlaceStandards.item, metOn: networkPlaceStandards.metOn, checkedBy: networkPlaceStandards.checkedByLabel })
    .from(networkPlaceStandards)
    .where(and(eq(networkPlaceStandards.committeeId, committeeId), eq(networkPlaceStandards.placeId, placeId)));
}
export async function setStandard(db: Executor, committeeId: string, placeId: string, item: string, met: { metOn: string; userId: string | null; label: string } | null) {
  const where = and(eq(networkPlaceStandards.committeeId, committeeId), eq(networkPlaceStandards.placeId, placeId), eq(networkPlaceStandards.item, item));
  if (!met) {
    await db.delete(networkPlaceStandards).where(where);
    return;
  }
  await db.insert(networkPlaceStandards)
    .values({ committeeId, placeId, item, metOn: met.metOn, checkedBy: met.userId, checkedByLabel: met.label })
    .onConflictDoUpdate({
      target: [networkPlaceStandards.committeeId, networkPlaceStandards.placeId, networkPlaceStandards.item],
      set: { metOn: met.metOn, checkedBy: met.userId, checkedByLabel: met.label },
    });
}

// ── reception rota and receptions ──────────────────────────────────────────
export type RuleRow = typeof networkReceptionRules.$inferSelect;
export async function insertRule(db: Executor, committeeId: string, v: Omit<typeof networkReceptionRules.$inferInsert, 'committeeId'>): Promise<string> {
  const [r] = await db.insert(networkReceptionRules).values({ ...v, committeeId }).returning({ id: networkReceptionRules.id });
  return r!.id;
}
export async function findRule(db: Executor, committeeId: string, id: string): Promise<RuleRow | undefined> {
  const [r] = await db.select().from(networkReceptionRules).where(and(eq(networkReceptionRules.committeeId, committeeId), eq(networkReceptionRules.id, id))).for('update');
  return r;
}
export async function endRule(db: Executor, committeeId: string, id: string, endsOn: string): Promise<void> {
  await db.update(networkReceptionRules).set({ endsOn }).where(and(eq(networkReceptionRules.committeeId, committeeId), eq(networkReceptionRules.id, id)));
}
export async function rulesOfPlace(db: Executor, committeeId: string, placeId: string): Promise<RuleRow[]> {
  return db.select().from(networkReceptionRules)
    .where(and(eq(networkReceptionRules.committeeId, committeeId), eq(networkReceptionRules.placeId, placeId)))
    .orderBy(asc(networkReceptionRules.startsOn));
}
/** The rules that name any of the members and may fall in [from, to], with their place's name. */
export async function rulesOfMembers(db: Executor, committeeId: string, memberIds: readonly string[], from: string, to: string) {
  if (!memberIds.length) return [];
  const { rows } = await db.execute<RuleRow & { placeName: string; placeAddress: string }>(sql`
    select r.id, r.place_id as "placeId", r.kind, r.days, r.member_ids as "memberIds", r.starts_on::text as "startsOn", r.ends_on::text as "endsOn", r.note,
      p.name as "placeName", p.address as "placeAddress"
    from network_reception_rules r join network_places p on p.id = r.place_id and p.committee_id = r.committee_id
    where r.committee_id = ${committeeId} and p.status = 'active' and r.member_ids && ${`{${memberIds.join(',')}}`}::uuid[]
      and r.starts_on <= ${to} and (r.ends_on is null or r.ends_on >= ${from})`);
  return rows;
}

export type ReceptionRow = typeof networkReceptions.$inferSelect;
export async function insertReception(db: Executor, committeeId: string, v: Omit<typeof networkReceptions.$inferInsert, 'committeeId'>): Promise<string> {
  const [r] = await db.insert(networkReceptions).values({ ...v, committeeId }).returning({ id: networkReceptions.id });
  return r!.id;
}
export async function findReception(db: Executor, committeeId: string, id: string, lock = false): Promise<ReceptionRow | undefined> {
  const q = db.select().from(networkReceptions).where(and(eq(networkReceptions.committeeId, committeeId), eq(networkReceptions.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}
export async function voidReceptionRow(db: Executor, committeeId: string, id: string, reason: string): Promise<void> {
  await db.update(networkReceptions).set({ status: 'void', voidReason: reason }).where(and(eq(networkReceptions.committeeId, committeeId), eq(networkReceptions.id, id)));
}
export async function insertVisits(db: Executor, committeeId: string, receptionId: string, list: { visitor: string; matter: string; answer?: string; outcome: string }[]): Promise<string[]> {
  if (!list.length) return [];
  const rows = await db.insert(networkVisits)
    .values(list.map((v) => ({ committeeId, receptionId, visitor: v.visitor, matter: v.matter, answer: v.answer ?? '', outcome: v.outcome })))
    .returning({ id: networkVisits.id });
  return rows.map((r) => r.id);
}
export async function visitsOf(db: Executor, committeeId: string, receptionIds: readonly string[]) {
  if (!receptionIds.length) return [];
  return db.select({ id: networkVisits.id, receptionId: networkVisits.receptionId, visitor: networkVisits.visitor, matter: networkVisits.matter, answer: networkVisits.answer, outcome: networkVisits.outcome })
    .from(networkVisits)
    .where(and(eq(networkVisits.committeeId, committeeId), inArray(networkVisits.receptionId, [...receptionIds])))
    .orderBy(asc(networkVisits.createdAt));
}

// ── care pairings ──────────────────────────────────────────────────────────
export type CareRow = typeof networkCarePairs.$inferSelect;
export async function insertCare(db: Executor, committeeId: string, v: Omit<typeof networkCarePairs.$inferInsert, 'committeeId'>): Promise<string> {
  const [r] = await db.insert(networkCarePairs).values({ ...v, committeeId }).returning({ id: networkCarePairs.id });
  return r!.id;
}
export async function findCare(db: Executor, committeeId: string, id: string, lock = false): Promise<CareRow | undefined> {
  const q = db.select().from(networkCarePairs).where(and(eq(networkCarePairs.committeeId, committeeId), eq(networkCarePairs.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}
export async function endCareRow(db: Executor, committeeId: string, id: string, endedOn: string): Promise<void> {
  await db.update(networkCarePairs).set({ endedOn }).where(and(eq(networkCarePairs.committeeId, committeeId), eq(networkCarePairs.id, id)));
}
export async function insertCareVisit(db: Executor, committeeId: string, pairId: string, v: { visitedOn: string; note?: string; policies?: string[]; difficultiesSolved?: number }): Promise<string> {
  const [r] = await db.insert(networkCareVisits)
    .values({ committeeId, pairId, visitedOn: v.visitedOn, note: v.note ?? '', policies: v.policies ?? [], difficultiesSolved: v.difficultiesSolved ?? 0 })
    .returning({ id: networkCareVisits.id });
  return r!.id;
}
