import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { parseSettings, proposalSettingsPatch, type ProposalSettings } from '../domain/settings.js';
import { readSettings, writeSettings } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';

/** Changes the committee's proposal settings (a patch over the stored values); returns the effective settings. */
export async function updateProposalSettings(db: Db, caller: Caller, raw: Partial<ProposalSettings>): Promise<ProposalSettings> {
  const patch = proposalSettingsPatch.parse(raw);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return transact(db, caller.actor, async (uow) => {
    const stored = ((await readSettings(uow.tx, caller.committeeId)) ?? {}) as Record<string, unknown>;
    const before = parseSettings(stored);
    const next = { ...stored, ...defined };
    await writeSettings(uow.tx, caller.committeeId, next);
    const after = parseSettings(next);
    await uow.audit({ committeeId: caller.committeeId, action: 'proposal.settings_changed', entity: 'committee', entityId: caller.committeeId, before, after });
    return after;
  });
}
