import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { listAttachments } from '../../../platform/attachments.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { PlacesQuery } from '../contracts.js';
import { describeRule } from '../domain/schedule.js';
import { parseNetworkSettings } from '../domain/settings.js';
import { NetworkErrors as E } from '../network.errors.js';
import { isNetworkOffice, type Caller } from '../network.policy.js';
import { findPlace, findRegion, memberNames, placedMembers, placeStandards, readSettings, rulesOfPlace } from '../network.repository.js';
import { PLACE_PHOTO_OWNER } from '../commands/places.js';

/** One page of the committee's places, with type label, region and counts. */
export async function listPlaces(db: Db, caller: Caller, q: PlacesQuery) {
  const settings = parseNetworkSettings(await readSettings(db, caller.committeeId));
  const where = sql.join([
    sql`p.committee_id = ${caller.committeeId}`,
    sql`p.status = ${q.status ?? 'active'}`,
    ...(q.type ? [sql`p.type = ${q.type}`] : []),
    ...(q.regionId ? [sql`(p.region_id = ${q.regionId} or r.town_id = ${q.regionId} or r.county_id = ${q.regionId})`] : []),
    ...(q.q ? [sql`p.name like ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`] : []),
  ], sql` and `);
  const { rows } = await db.execute<{ id: string; type: string; name: string; regionId: string; regionName: string; address: string; members: number; total: number }>(sql`
    select p.id, p.type, p.name, p.region_id as "regionId", r.name as "regionName", p.address,
      (select count(*)::int from network_place_members m where m.committee_id = p.committee_id and m.place_id = p.id) as members,
      count(*) over ()::int as total
    from network_places p join network_regions r on r.id = p.region_id and r.committee_id = p.committee_id
    where ${where}
    order by r.code, p.type, p.name
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const label = new Map(settings.placeTypes.map((t) => [t.key, t.label]));
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...r }) => ({ ...r, typeLabel: label.get(r.type) ?? r.type })),
    abilities: isNetworkOffice(caller) ? ['create'] : [],
  };
}

/** One place with its conveners, members, standards (every configured item, ticked or not), rota and photos. */
export async function getPlace(db: Db, caller: Caller, id: string) {
  const p = await findPlace(db, caller.committeeId, id);
  if (!p) throw new AppError(E['network.place_not_found']);
  const [settings, region, placed, ticked, rules, photos] = await Promise.all([
    readSettings(db, caller.committeeId).then(parseNetworkSettings),
    findRegion(db, caller.committeeId, p.regionId),
    placedMembers(db, caller.committeeId, id),
    placeStandards(db, caller.committeeId, id),
    rulesOfPlace(db, caller.committeeId, id),
    listAttachments(db, caller.committeeId, PLACE_PHOTO_OWNER, id),
  ]);
  const names = await memberNames(db, caller.committeeId, [...rules.flatMap((r) => r.memberIds), ...(p.execConvenerMemberId ? [p.execConvenerMemberId] : [])]);
  const tick = new Map(ticked.map((t) => [t.item, t]));
  return {
    id: p.id, type: p.type, typeLabel: settings.placeTypes.find((t) => t.key === p.type)?.label ?? p.type, name: p.name, status: p.status,
    region: region ? { id: region.id, name: region.name, level: region.level, code: region.code } : null,
    address: p.address, openingHours: p.openingHours,
    firstConvener: p.firstConvenerName ? { name: p.firstConvenerName, post: p.firstConvenerPost } : null,
    execConvener: p.execConvenerMemberId ? { memberId: p.execConvenerMemberId, name: names.get(p.execConvenerMemberId) ?? '' } : p.execConvenerName ? { name: p.execConvenerName } : null,
    partner: p.partnerOrg ? { org: p.partnerOrg, city: p.partnerCity } : null,
    members: placed,
    standards: [...new Set([...settings.standards, ...tick.keys()])].map((item) => ({ item, met: tick.has(item), metOn: tick.get(item)?.metOn ?? null, checkedBy: tick.get(item)?.checkedBy ?? null })),
    schedule: rules.map((r) => ({
      id: r.id, kind: r.kind, days: r.days, label: describeRule(r), startsOn: r.startsOn, endsOn: r.endsOn, note: r.note,
      members: r.memberIds.map((m) => ({ memberId: m, name: names.get(m) ?? '' })),
    })),
    photos,
    abilities: isNetworkOffice(caller) && p.status === 'active' ? ['edit', 'close', 'check_standards', 'schedule', 'record_reception'] : [],
  };
}

/**
 * For the demands module (wired by the lead at merge): the place if it is one of the committee's,
 * else undefined — so a demand can only point at its own committee's place.
 */
export async function placeInCommittee(executor: Executor, committeeId: string, placeId: string): Promise<{ id: string; name: string; type: string } | undefined> {
  const { rows } = await executor.execute<{ id: string; name: string; type: string }>(sql`
    select id, name, type from network_places where committee_id = ${committeeId} and id = ${placeId}`);
  return rows[0];
}
