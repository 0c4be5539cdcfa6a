import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { unitInput } from '../contracts.js';
import { OrgErrors } from '../org.errors.js';

type UnitInput = z.infer<typeof unitInput>;
type UnitRow = { id: string; name: string; kind: string; duties: string; contact_person: string | null; contact_phone: string | null; active: boolean };

export async function createUnit(db: Db, actor: Actor, committeeId: string, raw: z.input<typeof unitInput>): Promise<string> {
  const u = unitInput.parse(raw);
  return transact(db, actor, async (uow) => {
    const dup = await uow.tx.execute(sql`select 1 from handling_units where committee_id = ${committeeId} and name = ${u.name}`);
    if (dup.rows.length) throw new AppError(OrgErrors['unit.name_taken']);
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into handling_units (committee_id, name, kind, duties, contact_person, contact_phone, active)
      values (${committeeId}, ${u.name}, ${u.kind}, ${u.duties}, ${u.contactPerson ?? null}, ${u.contactPhone ?? null}, ${u.active}) returning id`);
    await uow.audit({ committeeId, action: 'unit.created', entity: 'handling_unit', entityId: rows[0].id, after: u });
    return rows[0].id;
  });
}

export async function updateUnit(db: Db, actor: Actor, committeeId: string, id: string, patch: Partial<UnitInput>) {
  await transact(db, actor, async (uow) => {
    const { rows } = await uow.tx.execute<UnitRow>(sql`select * from handling_units where committee_id = ${committeeId} and id = ${id} for update`);
    const before = rows[0];
    if (!before) throw new AppError(OrgErrors['unit.not_found']);
    const u = unitInput.parse({
      name: before.name, kind: before.kind, duties: before.duties, contactPerson: before.contact_person,
      contactPhone: before.contact_phone, active: before.active, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    });
    if (u.name !== before.name) {
      const dup = await uow.tx.execute(sql`select 1 from handling_units where committee_id = ${committeeId} and name = ${u.name}`);
      if (dup.rows.length) throw new AppError(OrgErrors['unit.name_taken']);
    }
    await uow.tx.execute(sql`update handling_units set name = ${u.name}, kind = ${u.kind}, duties = ${u.duties},
      contact_person = ${u.contactPerson ?? null}, contact_phone = ${u.contactPhone ?? null}, active = ${u.active}
      where committee_id = ${committeeId} and id = ${id}`);
    await uow.audit({ committeeId, action: 'unit.updated', entity: 'handling_unit', entityId: id, before, after: u });
  });
}
