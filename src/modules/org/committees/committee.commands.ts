import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Office } from '../../../platform/access.js';

export type CommitteeLevel = 'national' | 'province' | 'city' | 'county';

export interface CommitteeInput {
  code: string;
  name: string;
  shortName: string;
  level: CommitteeLevel;
  parentCode?: string | null;
  region?: string | null;
}

export const OFFICE_NAMES: Record<Office, string> = {
  proposals: '提案委员会办公室',
  info: '信息联络办公室',
  member_affairs: '委员工作委员会',
  general: '办公室',
};

/** Creates a committee (a tenant) with its four staff offices. */
export async function createCommittee(db: Db, actor: Actor, input: CommitteeInput): Promise<string> {
  return transact(db, actor, async (uow) => {
    let parentId: string | null = null;
    if (input.parentCode) {
      const { rows } = await uow.tx.execute<{ id: string }>(sql`select id from committees where code = ${input.parentCode}`);
      if (!rows[0]) throw new AppError('committee.not_found');
      parentId = rows[0].id;
    }
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into committees (parent_id, code, name, short_name, level, region)
      values (${parentId}, ${input.code}, ${input.name}, ${input.shortName}, ${input.level}, ${input.region ?? null}) returning id`);
    const id = rows[0].id;
    for (const [kind, name] of Object.entries(OFFICE_NAMES)) {
      await uow.tx.execute(sql`insert into offices (committee_id, kind, name) values (${id}, ${kind}, ${name})`);
    }
    await uow.audit({ committeeId: id, action: 'committee.created', entity: 'committee', entityId: id, after: { ...input, parentId } });
    return id;
  });
}

/** Opens a term (届) and makes it the current one. */
export async function openTerm(db: Db, actor: Actor, committeeId: string, t: { number: number; name: string; startDate: string }) {
  return transact(db, actor, async (uow) => {
    await uow.tx.execute(sql`update terms set is_current = false where committee_id = ${committeeId}`);
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into terms (committee_id, number, name, start_date, is_current) values (${committeeId}, ${t.number}, ${t.name}, ${t.startDate}, true)
      returning id`);
    await uow.audit({ committeeId, action: 'term.opened', entity: 'term', entityId: rows[0].id, after: t });
    return rows[0].id;
  });
}

export async function addPlenarySession(db: Db, actor: Actor, committeeId: string, termId: string, s: { number: number; name: string; startDate?: string; endDate?: string }) {
  return transact(db, actor, async (uow) => {
    const { rows } = await uow.tx.execute<{ id: string }>(sql`
      insert into plenary_sessions (committee_id, term_id, number, name, start_date, end_date)
      values (${committeeId}, ${termId}, ${s.number}, ${s.name}, ${s.startDate ?? null}, ${s.endDate ?? null}) returning id`);
    await uow.audit({ committeeId, action: 'plenary_session.added', entity: 'plenary_session', entityId: rows[0].id, after: s });
    return rows[0].id;
  });
}

export async function addSectors(db: Db, actor: Actor, committeeId: string, list: { name: string; kind: string }[]) {
  return transact(db, actor, async (uow) => {
    const ids: string[] = [];
    for (const [i, s] of list.entries()) {
      const { rows } = await uow.tx.execute<{ id: string }>(sql`
        insert into sectors (committee_id, name, kind, sort) values (${committeeId}, ${s.name}, ${s.kind}, ${i + 1}) returning id`);
      ids.push(rows[0].id);
    }
    await uow.audit({ committeeId, action: 'sectors.added', entity: 'sector', after: list });
    return ids;
  });
}

export async function addSpecialCommittees(db: Db, actor: Actor, committeeId: string, names: string[]) {
  return transact(db, actor, async (uow) => {
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const { rows } = await uow.tx.execute<{ id: string }>(sql`
        insert into special_committees (committee_id, name, sort) values (${committeeId}, ${name}, ${i + 1}) returning id`);
      ids.push(rows[0].id);
    }
    await uow.audit({ committeeId, action: 'special_committees.added', entity: 'special_committee', after: names });
    return ids;
  });
}

export async function committeeIdByCode(db: Db, code: string): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
  if (!rows[0]) throw new AppError('committee.not_found');
  return rows[0].id;
}
