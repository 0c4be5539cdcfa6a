import type { Db } from '../../../platform/db/database.js';
import { syncAttachments } from '../../../platform/attachments.js';
import { transact, type Tx } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { chinaDate } from '../../../platform/time.js';
import { placeInput, placePatch, standardInput, type PlaceInput, type PlacePatch, type StandardInput } from '../contracts.js';
import { parseNetworkSettings } from '../domain/settings.js';
import { NetworkErrors as E } from '../network.errors.js';
import type { Caller } from '../network.policy.js';
import {
  findRegion, insertPlace, placedMembers, placeNameTaken, readSettings, replacePlacedMembers, setStandard, updatePlace, type PlaceRow,
} from '../network.repository.js';
import { loadPlace, requireMembers, requireOffice } from './access.js';

import { NETWORK_EVENTS } from '../events.js';

export const PLACE_PHOTO_OWNER = 'network_place';

type Columns = Partial<Omit<PlaceRow, 'id' | 'committeeId' | 'createdAt' | 'updatedAt'>>;

/** The columns a (partial) input sets, after checking its type, region and members in the committee. */
async function columnsOf(tx: Tx, caller: Caller, input: PlacePatch): Promise<Columns> {
  const c: Columns = {};
  if (input.type !== undefined) {
    const types = parseNetworkSettings(await readSettings(tx, caller.committeeId)).placeTypes;
    if (!types.some((t) => t.key === input.type)) throw new AppError(E['network.type_unknown'], { type: input.type });
    c.type = input.type;
  }
  if (input.regionId !== undefined) {
    if (!(await findRegion(tx, caller.committeeId, input.regionId))) throw new AppError(E['network.region_not_found']);
    c.regionId = input.regionId;
  }
  if (input.name !== undefined) c.name = input.name;
  if (input.address !== undefined) c.address = input.address;
  if (input.openingHours !== undefined) c.openingHours = input.openingHours;
  if (input.firstConvener !== undefined) {
    c.firstConvenerName = input.firstConvener?.name ?? null;
    c.firstConvenerPost = input.firstConvener?.post ?? null;
  }
  if (input.execConvener !== undefined) {
    const ec = input.execConvener;
    if (ec && 'memberId' in ec) await requireMembers(tx, caller.committeeId, [ec.memberId]);
    c.execConvenerMemberId = ec && 'memberId' in ec ? ec.memberId : null;
    c.execConvenerName = ec && 'name' in ec ? ec.name : null;
  }
  if (input.partner !== undefined) {
    c.partnerOrg = input.partner?.org ?? null;
    c.partnerCity = input.partner?.city ?? null;
  }
  if (input.members) await requireMembers(tx, caller.committeeId, input.members.map((m) => m.memberId));
  return c;
}

/** Sets the placed members and photos the input names; returns what the audit row records of them. */
async function placeChildren(tx: Tx, caller: Caller, placeId: string, input: PlacePatch) {
  const out: Record<string, unknown> = {};
  if (input.members) {
    const seen = new Set<string>();
    const list = input.members.filter((m) => !seen.has(m.memberId) && seen.add(m.memberId));
    await replacePlacedMembers(tx, caller.committeeId, placeId, list);
    out.members = list;
  }
  if (input.photoIds) {
    const photos = await syncAttachments(tx, { committeeId: caller.committeeId, ids: input.photoIds, ownerKind: PLACE_PHOTO_OWNER, ownerId: placeId, actorUserId: caller.actor.userId });
    out.photoIds = photos.map((p) => p.id);
  }
  return out;
}

/** Sets up a place (阵地) of one of the committee's types, with its conveners, placed members and photos. */
export async function createPlace(db: Db, caller: Caller, raw: PlaceInput): Promise<string> {
  const input = placeInput.parse(raw);
  requireOffice(caller, '设立阵地', 'set up a place');
  return transact(db, caller.actor, async (uow) => {
    const cols = await columnsOf(uow.tx, caller, input);
    const id = await insertPlace(uow.tx, caller.committeeId, cols as PlaceRow);
    if (!id) throw new AppError(E['network.place_exists'], { name: input.name });
    const children = await placeChildren(uow.tx, caller, id, input);
    await uow.audit({ committeeId: caller.committeeId, action: 'network_place.create', entity: 'network_place', entityId: id, after: { ...cols, ...children } });
    await uow.emit({ type: NETWORK_EVENTS.placeCreated, committeeId: caller.committeeId, entityId: id, payload: { placeId: id, type: cols.type, regionId: cols.regionId } });
    return id;
  });
}

/** Changes a place; only the fields sent change (members and photos: the lists sent replace the old ones). */
export async function editPlace(db: Db, caller: Caller, id: string, raw: PlacePatch): Promise<void> {
  const input = placePatch.parse(raw);
  requireOffice(caller, '修改阵地', 'change a place');
  await transact(db, caller.actor, async (uow) => {
    const before = await loadPlace(uow.tx, caller.committeeId, id, true);
    if (before.status === 'closed') throw new AppError(E['network.place_closed']);
    if (input.name !== undefined && input.name !== before.name && (await placeNameTaken(uow.tx, caller.committeeId, input.name, id))) {
      throw new AppError(E['network.place_exists'], { name: input.name });
    }
    const beforeMembers = input.members ? await placedMembers(uow.tx, caller.committeeId, id) : undefined;
    const cols = await columnsOf(uow.tx, caller, input);
    if (Object.keys(cols).length) await updatePlace(uow.tx, caller.committeeId, id, cols);
    const children = await placeChildren(uow.tx, caller, id, input);
    const changed = Object.fromEntries(Object.keys(cols).map((k) => [k, before[k as keyof PlaceRow]]));
    await uow.audit({
      committeeId: caller.committeeId, action: 'network_place.edit', entity: 'network_place', entityId: id,
      before: { ...changed, ...(beforeMembers ? { members: beforeMembers.map((m) => ({ memberId: m.memberId, role: m.role, since: m.since })) } : {}) },
      after: { ...cols, ...children },
    });
  });
}

/** 撤销: the place leaves the network (its rota stops) but stays in the ledger with its history. */
export async function closePlace(db: Db, caller: Caller, id: string): Promise<void> {
  requireOffice(caller, '撤销阵地', 'close a place');
  await transact(db, caller.actor, async (uow) => {
    const place = await loadPlace(uow.tx, caller.committeeId, id, true);
    if (place.status === 'closed') return;
    await updatePlace(uow.tx, caller.committeeId, id, { status: 'closed' });
    await uow.audit({ committeeId: caller.committeeId, action: 'network_place.close', entity: 'network_place', entityId: id, before: { status: 'active' }, after: { status: 'closed' } });
    await uow.emit({ type: NETWORK_EVENTS.placeClosed, committeeId: caller.committeeId, entityId: id, payload: { placeId: id } });
  });
}

/** Ticks (met, with the date and who checked) or unticks one item of the standards checklist. */
export async function setPlaceStandard(db: Db, caller: Caller, id: string, raw: StandardInput): Promise<void> {
  const input = standardInput.parse(raw);
  requireOffice(caller, '评定建设标准', 'check a place against the standards');
  const today = chinaDate();
  if (input.metOn && input.metOn > today) throw new AppError(E['network.date_future']);
  await transact(db, caller.actor, async (uow) => {
    await loadPlace(uow.tx, caller.committeeId, id, true);
    const items = parseNetworkSettings(await readSettings(uow.tx, caller.committeeId)).standards;
    if (!items.includes(input.item)) throw new AppError(E['network.standard_unknown'], { item: input.item });
    const met = input.met ? { metOn: input.metOn ?? today, userId: caller.actor.userId, label: caller.actor.label } : null;
    await setStandard(uow.tx, caller.committeeId, id, input.item, met);
    await uow.audit({
      committeeId: caller.committeeId, action: 'network_place.standard', entity: 'network_place', entityId: id,
      after: { item: input.item, met: input.met, metOn: met?.metOn ?? null },
    });
  });
}
