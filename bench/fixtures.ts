import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.js';
import type { Office } from '../src/platform/access.js';
import { createUser } from '../src/modules/org/index.js';
import { prng } from './stats.js';

/** Committees the bench acts in, their staff logins, and the search requests it sends. */

export const BENCH_PASSWORD = 'bench-password-1';
const ALL_OFFICES: Office[] = ['proposals', 'info', 'member_affairs', 'general'];
const actor = { userId: null, label: 'bench' };

export type BenchCommittee = {
  id: string;
  code: string;
  level: string;
  shortName: string;
  members: number;
};

export interface BenchUser {
  username: string;
  userId: string;
  committee: BenchCommittee;
}

/** A seeded sample: the national committee, 2 provincial, 3 city and 4 county committees. */
export async function sampleCommittees(db: Db, seed: number): Promise<BenchCommittee[]> {
  const { rows } = await db.execute<BenchCommittee>(sql`
    select c.id, c.code, c.level, c.short_name as "shortName", count(m.id)::int as members
      from committees c left join members m on m.committee_id = c.id
     where c.code like 'bench-%' and c.code not like 'bench-import-%'
     group by c.id order by c.code`);
  const rand = prng(seed);
  const take = (level: string, n: number) => {
    const pool = rows.filter((r) => r.level === level);
    const out: BenchCommittee[] = [];
    while (out.length < Math.min(n, pool.length)) {
      const c = rand.pick(pool);
      if (!out.includes(c)) out.push(c);
    }
    return out;
  };
  return [...take('national', 1), ...take('province', 2), ...take('city', 3), ...take('county', 4)];
}

/** One staff login (all four offices) per sampled committee, created through the real command once. */
export async function ensureStaffUsers(db: Db, committees: BenchCommittee[]): Promise<BenchUser[]> {
  const out: BenchUser[] = [];
  for (const committee of committees) {
    const username = `bench-staff-${committee.code}`;
    const { rows } = await db.execute<{ id: string }>(sql`select id from users where lower(username) = lower(${username})`);
    const userId = rows[0]?.id ?? (await createUser(db, actor, {
      committeeId: committee.id, username, displayName: `${committee.shortName}机关`, password: BENCH_PASSWORD,
      grants: ALL_OFFICES.map((office) => ({ role: 'staff' as const, office })),
    }));
    out.push({ username, userId, committee });
  }
  return out;
}

export type SearchKind = 'zh-1char' | 'zh-substring' | 'pinyin-initials' | 'pinyin-full' | 'filters' | 'filters+search';
export const SEARCH_KINDS: SearchKind[] = ['zh-1char', 'zh-substring', 'pinyin-initials', 'pinyin-full', 'filters', 'filters+search'];

export interface SearchCase {
  kind: SearchKind;
  user: BenchUser;
  query: Record<string, string>;
}

type Sample = { name: string; name_pinyin: string; name_initials: string; sector_id: string | null; special_committee_id: string | null };

/** `n` member-list requests, the kinds in turn, each in a random sampled committee, for terms that occur there. */
export async function searchCases(db: Db, users: BenchUser[], n: number, seed: number): Promise<SearchCase[]> {
  const rand = prng(seed + 1);
  const members = new Map<string, Sample[]>();
  for (const u of users) {
    const { rows } = await db.execute<Sample>(sql`
      select name, name_pinyin, name_initials, sector_id, special_committee_id from members where committee_id = ${u.committee.id}`);
    members.set(u.committee.id, rows);
  }
  const sorts = ['name', 'birthDate', 'createdAt', 'sector'];
  const out: SearchCase[] = [];
  for (let i = 0; i < n; i++) {
    const kind = SEARCH_KINDS[i % SEARCH_KINDS.length];
    const user = rand.pick(users);
    const m = rand.pick(members.get(user.committee.id)!);
    const query: Record<string, string> = {};
    switch (kind) {
      case 'zh-1char':
        query.q = m.name[rand.int(m.name.length)];
        break;
      case 'zh-substring': {
        const at = rand.int(Math.max(1, m.name.length - 1));
        query.q = m.name.slice(at, at + 2);
        break;
      }
      case 'pinyin-initials':
        query.q = m.name_initials.slice(0, 2 + rand.int(2));
        break;
      case 'pinyin-full':
        query.q = m.name_pinyin.replace(/ /g, '').slice(0, 3 + rand.int(4));
        break;
      case 'filters': {
        const f = rand.int(4);
        if (f === 0 && m.sector_id) query.sectorId = m.sector_id;
        else if (f === 1 && m.special_committee_id) query.specialCommitteeId = m.special_committee_id;
        else if (f === 2) query.role = 'standing';
        else query.status = rand.next() < 0.5 ? 'left' : 'active';
        query.sort = rand.pick(sorts);
        query.page = String(1 + rand.int(3));
        break;
      }
      case 'filters+search':
        if (m.sector_id) query.sectorId = m.sector_id;
        query.q = m.name_initials.slice(0, 1);
        query.sort = 'birthDate';
        query.order = 'desc';
        break;
    }
    out.push({ kind, user, query });
  }
  return out;
}
