import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { REGION_LEVEL_LABELS, REGION_LEVELS, regionInput, type RegionInput } from '../contracts.js';
import { NetworkErrors as E } from '../network.errors.js';
import type { Caller } from '../network.policy.js';
import { findRegion, insertRegion } from '../network.repository.js';
import { requireOffice } from './access.js';

/**
 * Adds a region to the committee's part of the region table. A child sits exactly one level below
 * its parent (a village under a town, a town under a county); the committee's top region has no
 * parent. Its county and town are copied from the parent (or are itself), for the network page.
 */
export async function createRegion(db: Db, caller: Caller, raw: RegionInput): Promise<string> {
  const input = regionInput.parse(raw);
  requireOffice(caller, '维护行政区划', 'maintain the region table');
  return transact(db, caller.actor, async (uow) => {
    const id = randomUUID();
    let countyId: string | null = input.level === 'county' ? id : null;
    let townId: string | null = input.level === 'town' ? id : null;
    if (input.parentId) {
      const parent = await findRegion(uow.tx, caller.committeeId, input.parentId);
      if (!parent) throw new AppError(E['network.region_not_found']);
      if (REGION_LEVELS.indexOf(input.level) !== REGION_LEVELS.indexOf(parent.level as never) + 1) {
        const l = (k: string) => REGION_LEVEL_LABELS[k as keyof typeof REGION_LEVEL_LABELS];
        throw new AppError(E['network.region_level'], { child: l(input.level).zh, parent: l(parent.level).zh, childEn: l(input.level).en, parentEn: l(parent.level).en });
      }
      countyId = countyId ?? parent.countyId;
      townId = townId ?? parent.townId;
    }
    const values = { id, parentId: input.parentId ?? null, level: input.level, code: input.code, name: input.name, countyId, townId, sort: input.sort ?? 0 };
    if (!(await insertRegion(uow.tx, caller.committeeId, values))) throw new AppError(E['network.region_exists'], { code: input.code });
    await uow.audit({ committeeId: caller.committeeId, action: 'network_region.create', entity: 'network_region', entityId: id, after: values });
    return id;
  });
}
