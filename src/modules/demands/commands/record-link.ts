import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import type { StoredEvent } from '../../../platform/events.js';
import { findDemand, patchDemand } from '../demands.repository.js';
import { demandIdOfSourceRef } from '../events.js';

/**
 * The other half of 转为提案/社情民意: the target module's "drafted from source" event names the
 * sourceRef it was asked for and the record it made; the demand keeps that id (the target keeps
 * the sourceRef, so the link goes both ways). Delivered at least once: a second delivery finds
 * the link already there and writes nothing.
 */
export async function recordConversionLink(db: Db, e: StoredEvent): Promise<boolean> {
  const p = (e.payload ?? {}) as { sourceRef?: unknown; id?: unknown };
  const demandId = typeof p.sourceRef === 'string' ? demandIdOfSourceRef(p.sourceRef) : null;
  if (!demandId || typeof p.id !== 'string') return false;
  return transact(db, { userId: null, label: 'demands.conversion_links' }, async (uow) => {
    const d = await findDemand(uow.tx, e.committeeId, demandId, true);
    if (!d || d.state !== 'converted' || d.convertedRef === p.id) return false;
    await patchDemand(uow.tx, e.committeeId, demandId, { convertedRef: p.id as string });
    await uow.audit({ committeeId: e.committeeId, action: 'demand.conversion_linked', entity: 'demand', entityId: demandId, before: { convertedRef: d.convertedRef }, after: { convertedRef: p.id, eventType: e.type } });
    return true;
  });
}
