import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { dueForErasure, erasePerson } from '../demands.repository.js';

const SYSTEM = { userId: null, label: 'demands.erase_personal_data' };

/**
 * Retention: erases the person's name, phone and ID of demands closed longer ago than the
 * committee's retentionDays (settings.demands, default 730), each in its own transaction with an
 * audit row, in batches, until none is due. The rest of the demand (matter, answer, rating) stays
 * for the figures.
 */
export async function erasePersonalData(db: Db, batch = 500): Promise<number> {
  let n = 0;
  for (;;) {
    const due = await dueForErasure(db, batch);
    for (const d of due) {
      await transact(db, SYSTEM, async (uow) => {
        await erasePerson(uow.tx, d.committeeId, d.id);
        await uow.audit({ committeeId: d.committeeId, action: 'demand.personal_data_erased', entity: 'demand', entityId: d.id, after: { reason: 'retention' } });
      });
      n++;
    }
    if (due.length < batch) return n;
  }
}
