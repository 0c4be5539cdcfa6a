import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { DemandErrors as E } from '../demands.errors.js';
import { findDemand } from '../demands.repository.js';
import { canSee, handles } from './access.js';

/**
 * The person's name, phone and ID number unmasked, for someone handling the demand; the read is
 * an audit row (who, when, which demand — not the values), written in the same transaction as the
 * read, so no unaudited read exists. Anyone else gets 404 when they cannot see the demand, 403 when
 * they can see it (masked) but do not handle it.
 */
export async function revealPerson(db: Db, caller: Caller, id: string): Promise<{ name: string | null; phone: string | null; idNo: string | null; erased: boolean }> {
  return transact(db, caller.actor, async (uow) => {
    const d = await findDemand(uow.tx, caller.committeeId, id);
    if (!d || !canSee(caller, d)) throw new AppError(E['demand.not_found']);
    if (!handles(caller, d)) throw new AppError(E['demand.not_allowed'], { actionLabel: '查看诉求人信息', actionLabelEn: "see the person's details" });
    const fields = (['name', 'phone', 'idNo'] as const).filter((f) => ({ name: d.personName, phone: d.personPhone, idNo: d.personIdNo })[f]);
    await uow.audit({ committeeId: caller.committeeId, action: 'demand.personal_data_read', entity: 'demand', entityId: id, after: { fields } });
    return { name: d.personName, phone: d.personPhone, idNo: d.personIdNo, erased: !!d.piiErasedAt };
  });
}
