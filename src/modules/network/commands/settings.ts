import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { networkSettingsPatch, parseNetworkSettings, type NetworkSettings, type NetworkSettingsPatch } from '../domain/settings.js';
import type { Caller } from '../network.policy.js';
import { readSettings, writeSettings } from '../network.repository.js';
import { requireOffice } from './access.js';

/**
 * Changes the committee's place types and standards (a patch); returns the effective settings.
 * Places keep their type key and ticked standards keep their item when either is removed from the list.
 */
export async function updateNetworkSettings(db: Db, caller: Caller, raw: NetworkSettingsPatch): Promise<NetworkSettings> {
  const patch = networkSettingsPatch.parse(raw);
  requireOffice(caller, '修改阵地设置', 'change the network settings');
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return transact(db, caller.actor, async (uow) => {
    const stored = ((await readSettings(uow.tx, caller.committeeId)) ?? {}) as Record<string, unknown>;
    const before = parseNetworkSettings(stored);
    const next = { ...stored, ...defined };
    await writeSettings(uow.tx, caller.committeeId, next);
    const after = parseNetworkSettings(next);
    await uow.audit({ committeeId: caller.committeeId, action: 'network.settings_changed', entity: 'committee', entityId: caller.committeeId, before, after });
    return after;
  });
}
