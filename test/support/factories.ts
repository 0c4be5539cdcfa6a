import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';
import type { Grant } from '../../src/platform/access.js';
import {
  addSectors, addSpecialCommittees, createCommittee, createUser, openTerm,
} from '../../src/modules/org/index.js';

const actor = { userId: null, label: 'test' };
export const PASSWORD = 'test-password-1';

export const uniq = (prefix = 't') => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

/** A fresh committee (tenant) with a current term, three sectors and two special committees — built through the real commands. */
export async function makeCommittee(db: Db, opts: { parentCode?: string; level?: 'city' | 'county' } = {}) {
  const code = uniq('c');
  const id = await createCommittee(db, actor, { code, name: `测试政协${code}`, shortName: `测试${code}`, level: opts.level ?? 'city', parentCode: opts.parentCode });
  const termId = await openTerm(db, actor, id, { number: 5, name: '第五届', startDate: '2022-01-01' });
  const sectorIds = await addSectors(db, actor, id, [
    { name: '教育界', kind: 'professional' }, { name: '经济界', kind: 'professional' }, { name: '中国共产党', kind: 'party' },
  ]);
  const specialIds = await addSpecialCommittees(db, actor, id, ['提案委员会', '经济委员会']);
  return { id, code, termId, sectorIds, specialIds };
}

export async function makeUser(db: Db, committeeId: string, grants: Grant[], opts: { admin?: boolean; username?: string } = {}) {
  const username = opts.username ?? uniq('u');
  const id = await createUser(db, actor, { committeeId, username, displayName: username, password: PASSWORD, grants, isPlatformAdmin: opts.admin });
  return { id, username };
}

export async function countRows(db: Db, table: string, committeeId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where committee_id = ${committeeId}`);
  return rows[0].n;
}
