import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import type { Caller } from '../consultation.policy.js';
import { readSettings, writeSettings } from '../consultation.repository.js';
import { consultationSettingsPatch, parseConsultationSettings, type ConsultationSettings, type ConsultationSettingsPatch } from '../domain/settings.js';
import { requireOffice } from './access.js';

/**
 * Changes the committee's consultation settings (a patch); returns the effective settings. Items
 * already in a plan keep the form they were given even when it is removed from the list.
 */
export async function updateConsultationSettings(db: Db, caller: Caller, raw: ConsultationSettingsPatch): Promise<ConsultationSettings> {
  const patch = consultationSettingsPatch.parse(raw);
  requireOffice(caller, '修改协商设置', 'change the consultation settings');
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return transact(db, caller.actor, async (uow) => {
    const stored = ((await readSettings(uow.tx, caller.committeeId)) ?? {}) as Record<string, unknown>;
    const before = parseConsultationSettings(stored);
    const next = { ...stored, ...defined };
    await writeSettings(uow.tx, caller.committeeId, next);
    const after = parseConsultationSettings(next);
    await uow.audit({ committeeId: caller.committeeId, action: 'consultation.settings_changed', entity: 'committee', entityId: caller.committeeId, before, after });
    return after;
  });
}
