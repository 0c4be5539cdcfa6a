import { sql } from 'drizzle-orm';
import { addDays } from '../../../platform/calendar.js';
import type { Db } from '../../../platform/db/database.js';
import { chinaDate } from '../../../platform/time.js';
import { rng } from '../../org/index.js';
import { createCarePair, recordCareVisit } from '../commands/care.js';
import { createPlace, setPlaceStandard } from '../commands/places.js';
import { addReceptionRule, recordReception } from '../commands/receptions.js';
import { createRegion } from '../commands/regions.js';
import { occurrences } from '../domain/schedule.js';
import { DEFAULT_STANDARDS } from '../domain/settings.js';
import type { Caller } from '../network.policy.js';
import { DINGXI, GUIYAN, JINCHANG, VISIT_MATTERS, type DemoCounty } from './demo-data.js';

/**
 * The demo network, through the real commands: for each county committee of 定西 (and, smaller,
 * 金昌) its region table (county → towns → 渭源's sample villages), a 委员工作站 in every town of
 * 定西 (half of 金昌's) with members placed and a convener, a 协商议事室 in two villages of three
 * where villages are listed, two 委员工作室, the 归雁联络服务站, the standards checklist ticked
 * in part, a reception rota at each station (every Wednesday, or the 10th and 20th), the
 * receptions of the last eight weeks with visit logs, and a few care pairings. Idempotent: a
 * county that has regions is skipped. Needs the org demo first.
 */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '建国志强明华永平海军文斌伟红霞玉兰德胜小龙'.split('');

export async function seedNetworkDemo(db: Db, opts: { progress?: (done: number, total: number) => void } = {}) {
  const out = { counties: 0, regions: 0, places: 0, receptions: 0 };
  const all = [...DINGXI.map((c) => ({ c, full: true })), ...JINCHANG.map((c) => ({ c, full: false }))];
  let done = 0;
  for (const { c, full } of all) {
    const r = await seedCounty(db, c, full);
    if (r) {
      out.counties++;
      out.regions += r.regions;
      out.places += r.places;
      out.receptions += r.receptions;
    }
    opts.progress?.(++done, all.length);
  }
  return out;
}

async function seedCounty(db: Db, c: DemoCounty, full: boolean) {
  const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${c.committee}`);
  if (!rows[0]) throw new Error(`seedNetworkDemo: committee ${c.committee} is missing; run the org demo seed first`);
  const committeeId = rows[0].id;
  const { rows: has } = await db.execute(sql`select 1 from network_regions where committee_id = ${committeeId} limit 1`);
  if (has.length) return null;
  const { rows: members } = await db.execute<{ id: string; name: string }>(sql`
    select id, name from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id limit 200`);
  if (!members.length) return null;
  const office: Caller = { committeeId, actor: { userId: null, label: 'seed:委员工作室' }, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false };
  const rand = rng(Number(c.code));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const person = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
  let m = 0;
  const nextMember = () => members[m++ % members.length]!;
  const today = chinaDate();
  const out = { regions: 0, places: 0, receptions: 0 };

  const countyId = await createRegion(db, office, { level: 'county', code: c.code, name: c.name });
  out.regions++;
  const stations: { id: string; memberIds: string[]; town: string }[] = [];
  for (const [i, [town, tcode]] of c.towns.entries()) {
    const townId = await createRegion(db, office, { parentId: countyId, level: 'town', code: c.code + tcode, name: town, sort: i });
    out.regions++;
    const villages: { id: string; name: string }[] = [];
    for (const [vname, vcode] of c.villages?.[town] ?? []) {
      villages.push({ id: await createRegion(db, office, { parentId: townId, level: 'village', code: vcode, name: vname }), name: vname });
      out.regions++;
    }
    if (!full && i % 2 === 1) continue;
    const placed = [nextMember(), nextMember(), nextMember()];
    const street = town.endsWith('街道');
    const stationId = await createPlace(db, office, {
      type: 'station', name: `${town}委员工作站`, regionId: townId, address: `${c.name}${town}${street ? '办事处' : '人民政府'}便民服务中心二楼`,
      openingHours: '工作日 9:00–12:00，14:30–17:30',
      firstConvener: { name: person(), post: `${town}${street ? '党工委' : '党委'}书记` }, execConvener: { memberId: placed[0].id },
      members: placed.map((p, k) => ({ memberId: p.id, role: k === 0 ? '站长' : '驻站委员', since: '2023-03-01' })),
    });
    out.places++;
    stations.push({ id: stationId, memberIds: placed.map((p) => p.id), town });
    for (const item of DEFAULT_STANDARDS.slice(0, 3 + Math.floor(rand() * 4))) await setPlaceStandard(db, office, stationId, { item, met: true, metOn: '2023-06-30' });
    for (const [k, v] of villages.entries()) {
      if (k % 3 === 2) continue; // two villages of three have a room: coverage below 100 % on purpose
      const member = nextMember();
      await createPlace(db, office, {
        type: 'room', name: `${town}${v.name}协商议事室`, regionId: v.id, address: `${town}${v.name}村委会`, openingHours: '每月10日、20日',
        firstConvener: { name: person(), post: `${v.name}党支部书记` }, execConvener: { memberId: member.id },
        members: [{ memberId: member.id, role: '执行召集人' }],
      });
      out.places++;
    }
  }
  for (let k = 0; k < 2; k++) {
    const member = nextMember();
    await createPlace(db, office, { type: 'studio', name: `${member.name}委员工作室`, regionId: countyId, address: `${c.name}城区`, execConvener: { memberId: member.id }, members: [{ memberId: member.id, role: '领办委员' }] });
    out.places++;
  }
  for (const g of GUIYAN.filter((x) => x.committee === c.committee)) {
    await createPlace(db, office, {
      type: 'liaison', name: `${c.name}归雁联络服务站（${g.city.replace(/市$/, '')}）`, regionId: countyId, address: `${g.city}${c.name}商会会址`,
      partner: { org: `${g.city}${c.name}商会`, city: g.city }, execConvener: { name: `${person()}（商会秘书长）` },
    });
    out.places++;
  }

  // The rota: odd stations every Wednesday, even ones the 10th and 20th; receptions of the last eight weeks.
  const from = addDays(today, -56);
  for (const [k, s] of stations.entries()) {
    const rule = k % 2 ? { kind: 'weekly' as const, days: [3] } : { kind: 'monthly' as const, days: [10, 20] };
    await addReceptionRule(db, office, s.id, { ...rule, memberIds: s.memberIds.slice(0, 2), startsOn: from });
    if (!full) continue;
    for (const day of occurrences({ ...rule, startsOn: from, endsOn: null }, from, addDays(today, -1))) {
      if (rand() < 0.3) continue; // not every day is recorded
      const n = Math.floor(rand() * 4);
      await recordReception(db, office, s.id, {
        heldOn: day, memberIds: s.memberIds.slice(0, 2),
        visits: Array.from({ length: n }, () => { const [matter, answer, outcome] = pick(VISIT_MATTERS); return { visitor: `${s.town}群众`, matter, answer, outcome }; }),
      });
      out.receptions++;
    }
  }
  // 结对关爱: three pairings with a visit each.
  for (const [k, situation] of ['独居老人', '留守儿童', '困难残疾人'].entries()) {
    const pairId = await createCarePair(db, office, { memberId: members[k % members.length]!.id, personName: `${pick(SURNAMES)}某某`, situation, startedOn: addDays(today, -90) });
    await recordCareVisit(db, office, pairId, { visitedOn: addDays(today, -30), note: '入户走访，了解生活困难', policies: k === 1 ? ['事实无人抚养儿童保障'] : ['临时救助'], difficultiesSolved: 1 });
  }
  return out;
}

export async function seedNetworkDemoSummary(db: Db, opts: { progress?: (done: number, total: number) => void } = {}): Promise<string> {
  const r = await seedNetworkDemo(db, opts);
  return `委员联系群众阵地演示数据 / network demo: ${r.counties} 个县区, ${r.regions} 个区划, ${r.places} 个阵地, ${r.receptions} 次接待`;
}
