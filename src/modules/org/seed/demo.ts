import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Office } from '../../../platform/access.js';
import {
  addPlenarySession, addSectors, addSpecialCommittees, createCommittee, openTerm,
} from '../committees/committee.commands.js';
import { createUnit } from '../units/unit.commands.js';
import { createUser } from '../users/user.commands.js';
import { importMemberRows } from '../members/member-import.js';
import { DEMO_COMMITTEES, SECTORS_CITY, SECTORS_COUNTY, SPECIAL_COMMITTEES, CITY_UNITS } from './demo-data.js';
import { generateMembers } from './member-generator.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_LOGINS = [
  { username: 'admin', description: '平台管理员 / platform admin' },
  { username: 'dingxi-office', description: '定西市政协机关（各科室）/ Dingxi city committee staff, all offices' },
  { username: 'jinchang-office', description: '金昌市政协机关（各科室）/ Jinchang city committee staff, all offices' },
  { username: 'dingxi-member', description: '定西市政协常委 / a Dingxi standing-committee member' },
  { username: 'dingxi-unit', description: '定西市教育局承办人 / clerk of 定西市教育局' },
  { username: 'dingxi-leader', description: '定西市政协领导（只读）/ leader, read-only dashboards' },
] as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 from committees limit 1`);
  return rows.length === 0;
}

const actor = { userId: null, label: 'seed:demo' };
const ALL_OFFICES: Office[] = ['proposals', 'info', 'member_affairs', 'general'];

/**
 * Loads the demo committees of Gansu through the real commands: 甘肃省政协, 定西市政协 and its
 * seven county committees, 金昌市政协 with 金川区 and 永昌县; terms, sessions, sectors,
 * special committees, handling units, members (through the import command) and demo logins.
 */
export async function seedDemo(db: Db, opts: { progress?: (done: number, total: number) => void; seed?: number } = {}): Promise<string> {
  const total = DEMO_COMMITTEES.length + 2;
  let done = 0;
  const tick = () => opts.progress?.(++done, total);
  const ids = new Map<string, string>();
  let members = 0;
  for (const c of DEMO_COMMITTEES) {
    const id = await createCommittee(db, actor, { code: c.code, name: c.name, shortName: c.shortName, level: c.level, parentCode: c.parent, region: c.region });
    ids.set(c.code, id);
    const termId = await openTerm(db, actor, id, { number: c.term, name: `第${cn(c.term)}届`, startDate: c.termStart });
    for (let n = 1; n <= c.sessionsHeld; n++) {
      const year = Number(c.termStart.slice(0, 4)) + n - 1;
      await addPlenarySession(db, actor, id, termId, { number: n, name: `${c.shortName}第${cn(c.term)}届委员会第${cn(n)}次会议`, startDate: `${year}-01-${10 + n}` });
    }
    await addSectors(db, actor, id, c.level === 'county' ? SECTORS_COUNTY : SECTORS_CITY);
    await addSpecialCommittees(db, actor, id, c.level === 'county' ? SPECIAL_COMMITTEES.slice(0, 4) : SPECIAL_COMMITTEES);
    if (c.level === 'city') {
      for (const u of CITY_UNITS) await createUnit(db, actor, id, { name: c.unitPrefix + u.name, duties: u.duties, kind: u.kind });
    }
    if (c.members > 0) {
      const rows = await generateMembers(db, id, c.members, (opts.seed ?? 1) * 7919 + done);
      const res = await importMemberRows(db, actor, id, rows);
      members += res.imported;
    }
    tick();
  }
  const gansu = ids.get('gansu')!;
  const dingxi = ids.get('dingxi')!;
  const jinchang = ids.get('jinchang')!;
  await createUser(db, actor, { committeeId: gansu, username: 'admin', displayName: '平台管理员', password: DEMO_PASSWORD, isPlatformAdmin: true, grants: [] });
  await createUser(db, actor, {
    committeeId: dingxi, username: 'dingxi-office', displayName: '定西市政协机关', password: DEMO_PASSWORD,
    grants: ALL_OFFICES.map((office) => ({ role: 'staff', office })),
  });
  await createUser(db, actor, {
    committeeId: jinchang, username: 'jinchang-office', displayName: '金昌市政协机关', password: DEMO_PASSWORD,
    grants: ALL_OFFICES.map((office) => ({ role: 'staff', office })),
  });
  const { rows: standing } = await db.execute<{ id: string; name: string }>(sql`
    select id, name from members where committee_id = ${dingxi} and roles @> array['standing']::text[] order by name_pinyin limit 1`);
  await createUser(db, actor, {
    committeeId: dingxi, username: 'dingxi-member', displayName: standing[0]?.name ?? '定西委员', password: DEMO_PASSWORD,
    grants: [{ role: 'member', memberId: standing[0]?.id ?? null }],
  });
  const { rows: edu } = await db.execute<{ id: string }>(sql`select id from handling_units where committee_id = ${dingxi} and name = '定西市教育局'`);
  await createUser(db, actor, {
    committeeId: dingxi, username: 'dingxi-unit', displayName: '定西市教育局承办人', password: DEMO_PASSWORD,
    grants: [{ role: 'unit_clerk', unitId: edu[0].id }],
  });
  await createUser(db, actor, { committeeId: dingxi, username: 'dingxi-leader', displayName: '定西市政协领导', password: DEMO_PASSWORD, grants: [{ role: 'leader' }] });
  tick();
  tick();
  return `演示数据已载入 / demo data loaded: ${DEMO_COMMITTEES.length} 个政协组织, ${members} 名委员, ${DEMO_LOGINS.length} 个演示账号`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1–99 in Chinese numerals (届, 次). */
export function cn(n: number): string {
  if (n <= 10) return DIGITS[n];
  if (n < 20) return '十' + DIGITS[n - 10];
  return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
}
