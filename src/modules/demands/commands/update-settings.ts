import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { readSettings, writeSettings } from '../demands.repository.js';
import { demandSettingsPatch, parseDemandSettings, type DemandSettings, type DemandSettingsPatch } from '../domain/settings.js';
import { requireOffice } from './access.js';

/** Changes the committee's demand settings (a patch); returns the effective settings. */
export async function updateDemandSettings(db: Db, caller: Caller, raw: DemandSettingsPatch): Promise<DemandSettings> {
  const patch = demandSettingsPatch.parse(raw);
  requireOffice(caller, '修改群众诉求设置', 'change the demand settings');
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return transact(db, caller.actor, async (uow) => {
    const stored = ((await readSettings(uow.tx, caller.committeeId)) ?? {}) as Record<string, unknown>;
    const before = parseDemandSettings(stored);
    const next = { ...stored, ...defined };
    await writeSettings(uow.tx, caller.committeeId, next);
    const after = parseDemandSettings(next);
    await uow.audit({ committeeId: caller.committeeId, action: 'demands.settings_changed', entity: 'committee', entityId: caller.committeeId, before, after });
    return after;
  });
}
