import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { rng } from '../../org/index.js';
import type { Grant } from '../../../platform/access.js';
import { editItem } from '../commands/edit-item.js';
import { mergeItem } from '../commands/merge-item.js';
import { resubmitItem } from '../commands/resubmit-item.js';
import { acceptItem, archiveItem, returnItem, screenItem } from '../commands/review-item.js';
import { appointOfficer, createPeriodical, publishTopic, updateInfoSettings } from '../commands/office-setup.js';
import { createIssue } from '../commands/create-issue.js';
import { forwardIssue, forwardItem } from '../commands/forward-item.js';
import { recordResult } from '../commands/record-result.js';
import { releaseIssue } from '../commands/release-issue.js';
import { sendToSignOff } from '../commands/send-to-sign-off.js';
import { signIssue } from '../commands/sign-issue.js';
import { submitItem } from '../commands/submit-item.js';
import type { SOURCE_KINDS } from '../contracts.js';
import type { Caller } from '../social-info.policy.js';
import { countChars } from '../domain/settings.js';
import { INFO_TOPICS, SEASON_TOPICS, type InfoTopic } from './demo-topics.js';
import { chinaDate, chinaYear } from '../../../platform/time.js';

/**
 * A year of 社情民意 work for 定西 and 金昌 (the current year, China time), through the real
 * commands: settings with the distribution list, the periodicals 《社情民意》《政协信息》 and
 * 专报, topics of the season, appointed information officers with monthly quotas, about 120
 * items per city from members, officers and groups, screened, edited, merged, returned or
 * archived, about twenty issues signed off and released per city, forwarded to 省政协, 市委
 * and 市政府, some adopted, some instructed by provincial and city leaders, with follow-ups.
 *
 * The commands stamp the present time; at the end the seed spreads the items' submission and
 * publication times and the issues' dates over the year in one UPDATE (so the monthly figures
 * have a shape). Forward and result dates are the commands' own inputs. Deterministic: one
 * seeded random stream per city. Needs the org demo (seedDemo) first.
 */
const CITIES = [
  { code: 'dingxi', counties: ['安定区', '通渭县', '陇西县', '渭源县', '临洮县', '漳县', '岷县'], paper: '定西信息' },
  { code: 'jinchang', counties: ['金川区', '永昌县'], paper: '金昌信息' },
] as const;
const ITEMS_PER_CITY = 120;
const DAY = 86_400_000;

type Fate = 'published' | 'resubmitted' | 'returned' | 'archived' | 'merged' | 'submitted' | 'screening' | 'editing' | 'sign_off';
type SourceKind = (typeof SOURCE_KINDS)[number];

interface Plan {
  at: number;
  topic: InfoTopic;
  title: string;
  body: string;
  sourceKind: SourceKind;
  sourceName: string | null;
  memberIds: string[];
  urgent: boolean;
  fate: Fate;
  id?: string;
  publishedAt?: number;
  issue?: { periodical: string; released: number };
}

const ARCHIVE_REASONS = ['与已编发信息内容重复', '反映问题已在办理中，暂不编发', '内容较为笼统，缺少具体情况和数据', '属个人诉求，已转有关部门处理'];
const RETURN_REASONS = ['请补充具体数据和典型事例', '请聚焦一个问题，一事一报', '建议部分过于原则，请提出可操作的具体建议', '请核实文中涉及的统计数字'];
const PROVINCIAL_LEADERS = ['省政府分管副省长', '省委常委、秘书长', '省政协主席'];
const CITY_LEADERS = ['市委书记', '市长', '市委副书记', '分管副市长', '市政协主席'];
const NUMERALS = ['一', '二', '三', '四', '五'];
const CLOSINGS = ['群众对此反映较为强烈，希望有关部门高度重视，尽快研究解决。', '这些问题如不及时解决，将直接影响群众的获得感和满意度，也不利于相关工作的长远发展。'];

export interface SocialInfoDemoResult {
  items: number;
  issues: number;
  adopted: number;
  instructed: number;
}


export async function seedSocialInfoDemo(db: Db, opts: { progress?: (done: number, total: number) => void; seed?: number } = {}): Promise<SocialInfoDemoResult> {
  const now = Date.now();
  const year = chinaYear(now);
  const out: SocialInfoDemoResult = { items: 0, issues: 0, adopted: 0, instructed: 0 };
  let done = 0;
  const total = CITIES.length * ITEMS_PER_CITY;
  for (const [n, city] of CITIES.entries()) {
    const r = await seedCity(db, city, year, now, rng((opts.seed ?? 1) * 7919 + n * 104729 + 3), () => opts.progress?.(++done, total));
    out.items += r.items; out.issues += r.issues; out.adopted += r.adopted; out.instructed += r.instructed;
  }
  return out;
}

async function seedCity(
  db: Db, city: (typeof CITIES)[number], year: number, now: number, rand: () => number, tick: () => void,
): Promise<SocialInfoDemoResult> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const pickN = <T>(xs: readonly T[], n: number) => {
    const pool = [...xs];
    const res: T[] = [];
    while (res.length < n && pool.length) res.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
    return res;
  };
  const { rows: cRows } = await db.execute<{ id: string; region: string }>(sql`select id, region from committees where code = ${city.code}`);
  if (!cRows[0]) throw new Error(`seedSocialInfoDemo: committee ${city.code} is missing; run the org demo seed first`);
  const committeeId = cRows[0].id;
  const region = cRows[0].region; // 定西市
  const { rows: existing } = await db.execute(sql`select 1 from social_info_periodicals where committee_id = ${committeeId} limit 1`);
  if (existing.length) return { items: 0, issues: 0, adopted: 0, instructed: 0 };
  const { rows: members } = await db.execute<{ id: string; sector: string | null }>(sql`
    select m.id, s.name as sector from members m left join sectors s on s.id = m.sector_id
     where m.committee_id = ${committeeId} and m.status = 'active' order by m.name_pinyin, m.id`);
  const { rows: me } = await db.execute<{ memberId: string }>(sql`
    select r.member_id as "memberId" from user_roles r join users u on u.id = r.user_id
     where u.username = ${`${city.code}-member`} and r.committee_id = ${committeeId} and r.member_id is not null limit 1`);
  const demoMember = me[0]?.memberId ?? null;

  const caller = (grants: Grant[], label: string): Caller => ({ committeeId, actor: { userId: null, label }, grants, admin: false });
  const office = caller([{ role: 'staff', office: 'info' }], 'seed:信息科');
  // The issues are signed by the committee's 秘书长, a real member of the demo roster, by name.
  const { rows: sg } = await db.execute<{ name: string }>(sql`
    select name from members where committee_id = ${committeeId} and status = 'active' and 'secretary_general' = any(roles) order by name_pinyin limit 1`);
  const leader = caller([{ role: 'leader' }], sg[0]?.name ?? `${region}政协秘书长`);
  const asMember = (memberId: string) => caller([{ role: 'member', memberId }], 'seed:委员');

  // Settings, periodicals, topics of the season, officers.
  const issuingOffice = `政协${region}委员会办公室`;
  await updateInfoSettings(db, office, {
    issuingOffice,
    reportTo: ['省政协办公厅', `${region}委`, `${region}人大常委会`, `${region}人民政府`],
    sendTo: ['市政协主席、副主席、秘书长', '市政协各专门委员会', '各县区政协'],
  });
  const periodicals = {
    社情民意: await createPeriodical(db, office, { name: '社情民意', sort: 1 }),
    政协信息: await createPeriodical(db, office, { name: '政协信息', sort: 2 }),
    专报: await createPeriodical(db, office, { name: '专报', sort: 3 }),
  };
  await updateInfoSettings(db, office, {
    periodicalDistribution: { [periodicals.专报]: { reportTo: [`${region}委主要领导`, `${region}政府主要领导`], sendTo: ['市政协主席'] } },
  });
  for (const t of SEASON_TOPICS) await publishTopic(db, office, { year, ...t });
  const others = members.map((m) => m.id).filter((id) => id !== demoMember);
  const officers = pickN(others, 12);
  for (const [i, memberId] of officers.entries()) await appointOfficer(db, office, { year, memberId, monthlyQuota: i % 4 === 0 ? 2 : 1 });

  // The year's items, in order of submission.
  const topics = INFO_TOPICS.filter((t) => !t.only || t.only === city.code);
  const weightSum = topics.reduce((n, t) => n + t.weight, 0);
  const pickTopic = () => {
    let x = rand() * weightSum;
    for (const t of topics) if ((x -= t.weight) < 0) return t;
    return topics[0];
  };
  const start = Date.parse(`${year}-01-03T09:00:00+08:00`);
  const end = Math.min(now - DAY, Date.parse(`${year}-12-28T18:00:00+08:00`));
  const times = Array.from({ length: ITEMS_PER_CITY }, () => start + rand() * (end - start)).sort((a, b) => a - b);
  const titleUse = new Map<string, number>();
  let recentCount = 0;
  const fill = (s: string) => s.replaceAll('{city}', region).replaceAll('{county}', pick(city.counties));
  const plans: Plan[] = times.map((at, i) => {
    const topic = pickTopic();
    let title = fill(topic.titles[Math.floor(rand() * topic.titles.length)]);
    const used = titleUse.get(title) ?? 0;
    titleUse.set(title, used + 1);
    if (used) title = /建议$/.test(title) ? title.replace(/的建议$/, ['的几点建议', '的对策建议', '的意见建议'][used % 3]) : `${pick(city.counties)}${title.replace(/^关于/, '')}`;
    const sit = pickN(topic.situation, 3).map(fill).join('');
    let nProbs = rand() < 0.5 ? 2 : 3;
    let nSugs = rand() < 0.5 ? 3 : 4;
    const probPool = pickN(topic.problems, 4).map(fill);
    const sugPool = pickN(topic.suggestions, 5).map(fill);
    const compose = () => `${sit}\n调研中了解到，主要存在以下问题：${probPool.slice(0, nProbs).map((p, k) => `${NUMERALS[k]}是${p}`).join('')}\n为此建议：${sugPool.slice(0, nSugs).map((s, k) => `${NUMERALS[k]}是${s}`).join('；')}。`;
    let body = compose();
    // Short topics get another problem or suggestion: an item of 300 characters at least.
    while (countChars(body) < 320 && (nProbs < probPool.length || nSugs < sugPool.length)) {
      if (nProbs < probPool.length && (nProbs <= nSugs - 1 || nSugs >= sugPool.length)) nProbs++;
      else nSugs++;
      body = compose();
    }
    for (const closing of CLOSINGS) if (countChars(body) < 320) body = body.replace('\n为此建议', `${closing}\n为此建议`);
    // Who reports it: members (some jointly), officers, or a group through the office.
    let sourceKind: SourceKind = 'member';
    let sourceName: string | null = null;
    let memberIds: string[] = [];
    const roll = rand();
    if (demoMember && i % 20 === 5) memberIds = [demoMember];
    else if (roll < 0.6) memberIds = [pick(others), ...(rand() < 0.15 ? [pick(others)] : [])];
    else if (roll < 0.87) { sourceKind = 'officer'; memberIds = [pick(officers)]; }
    else {
      const g = pick([
        ['organisation', `民盟${region}委会`], ['organisation', `九三学社${region}委会`], ['organisation', `${region}工商联`], ['organisation', `${region}妇联`],
        ['sector', '农业界'], ['sector', '医药卫生界'], ['special_committee', '社会和法制委员会'], ['special_committee', '农业和农村委员会'],
        ['liaison_station', `${pick(city.counties)}委员工作站`],
      ] as const);
      sourceKind = g[0]; sourceName = g[1];
    }
    memberIds = [...new Set(memberIds)];
    const recent = at > now - 20 * DAY;
    let fate: Fate;
    if (recent) fate = (['submitted', 'screening', 'editing', 'sign_off', 'submitted'] as const)[recentCount++ % 5];
    else {
      const x = rand();
      fate = x < 0.7 ? 'published' : x < 0.75 ? 'resubmitted' : x < 0.8 ? 'returned' : x < 0.9 ? 'archived' : 'merged';
    }
    return { at, topic, title, body, sourceKind, sourceName, memberIds, urgent: rand() < 0.08, fate };
  });
  // The demo member's items show every ending.
  const mine = plans.filter((p) => demoMember && p.memberIds[0] === demoMember && p.fate !== 'submitted');
  ['published', 'returned', 'published', 'archived', 'published'].forEach((f, k) => { if (mine[k]) mine[k].fate = f as Fate; });

  for (const p of plans) {
    const by = p.sourceKind === 'member' || p.sourceKind === 'officer' ? asMember(p.memberIds[0]) : office;
    p.id = await submitItem(db, by, {
      title: p.title, body: p.body, sourceKind: p.sourceKind, sourceName: p.sourceName, memberIds: p.memberIds.slice(1), urgent: p.urgent,
    });
    tick();
  }

  // Merges (into an item on the same matter that goes on to be published), returns, archives.
  for (const p of plans) {
    if (p.fate === 'merged') {
      const target = plans.find((t) => t !== p && t.topic === p.topic && t.fate === 'published' && Math.abs(t.at - p.at) < 60 * DAY);
      if (target) await mergeItem(db, office, p.id!, { targetId: target.id!, note: '反映同一事项，合并编发' });
      else p.fate = 'archived';
    }
    // A group's item was submitted by an office user; the seed's office has no account to resubmit it with.
    if (p.fate === 'resubmitted' && !p.memberIds.length) p.fate = 'published';
    if (p.fate === 'returned' || p.fate === 'resubmitted') await returnItem(db, office, p.id!, { reason: pick(RETURN_REASONS) });
    if (p.fate === 'resubmitted') {
      await resubmitItem(db, asMember(p.memberIds[0]), p.id!, { body: `${p.body}\n据初步统计，涉及群众约${200 + Math.floor(rand() * 3000)}户。` });
      p.fate = 'published';
    }
    if (p.fate === 'archived') {
      await screenItem(db, office, p.id!);
      await archiveItem(db, office, p.id!, { reason: pick(ARCHIVE_REASONS) });
    }
  }

  const take = async (p: Plan) => {
    await screenItem(db, office, p.id!);
    await acceptItem(db, office, p.id!);
    if (rand() < 0.5) {
      const [first, ...rest] = p.body.split('\n');
      const trimmed = first.split('。').filter(Boolean);
      const body = trimmed.length > 2 ? [trimmed.slice(0, -1).join('。') + '。', ...rest].join('\n') : p.body;
      const title = body === p.body ? p.title.replace(/^关于/, '').replace(/的(几点|对策|意见)?建议$/, '问题亟待解决') : undefined;
      await editItem(db, office, p.id!, { ...(title && title !== p.title ? { title } : { body }), note: '精简文字，突出问题和建议' });
    }
  };

  // Issues: the published items in order, gathered into issues of the three periodicals.
  const toPublish = plans.filter((p) => p.fate === 'published');
  const destinationsOf = { 社情民意: ['省政协', '市委', '市政府'], 政协信息: ['市委', '市政府'], 专报: ['市委', '市政府', '市委办公室'] } as const;
  let issues = 0;
  let lastRelease = start;
  for (let i = 0; i < toPublish.length;) {
    // Mostly 《社情民意》, every third issue 《政协信息》, now and then a 专报 of one item.
    const periodical: keyof typeof periodicals = issues % 8 === 3 ? '专报' : issues % 3 === 1 ? '政协信息' : '社情民意';
    const size = periodical === '社情民意' ? 4 + Math.floor(rand() * 4) : periodical === '政协信息' ? 3 + Math.floor(rand() * 3) : 1;
    const chunk = toPublish.slice(i, i + size);
    i += size;
    for (const p of chunk) await take(p);
    const issueId = await createIssue(db, office, { periodicalId: periodicals[periodical], year });
    for (const p of chunk) await sendToSignOff(db, office, p.id!, { issueId });
    await signIssue(db, leader, issueId);
    await releaseIssue(db, office, issueId);
    issues++;
    const released = Math.max(lastRelease, Math.min(now - DAY, chunk[chunk.length - 1].at + (2 + Math.floor(rand() * 5)) * DAY));
    lastRelease = released;
    for (const p of chunk) { p.publishedAt = released; p.issue = { periodical, released }; }
    await forwardIssue(db, office, issueId, { destinations: [...destinationsOf[periodical]], forwardedOn: chinaDate(Math.min(now, released + DAY)) });
    await db.execute(sql`update social_info_issues set created_at = ${new Date(released - 4 * DAY).toISOString()}, signed_at = ${new Date(released - DAY).toISOString()},
      released_at = ${new Date(released).toISOString()} where id = ${issueId}`);
  }

  // The items still on their way: screened, in editing, or in a draft issue awaiting sign-off.
  const pending = plans.filter((p) => ['screening', 'editing', 'sign_off'].includes(p.fate));
  let draft: string | null = null;
  for (const p of pending) {
    await screenItem(db, office, p.id!);
    if (p.fate === 'screening') continue;
    await acceptItem(db, office, p.id!);
    if (p.fate === 'sign_off') {
      draft ??= await createIssue(db, office, { periodicalId: periodicals.社情民意, year });
      await sendToSignOff(db, office, p.id!, { issueId: draft });
    }
  }

  // What came of it: adoptions, instructions (provincial and city), follow-ups.
  let adopted = 0;
  let instructed = 0;
  const later = (p: Plan, min: number, max: number) => chinaDate(Math.min(now, p.publishedAt! + (min + Math.floor(rand() * (max - min))) * DAY));
  const byDemoFirst = [...toPublish].sort((a, b) => Number(b.memberIds[0] === demoMember) - Number(a.memberIds[0] === demoMember));
  for (const [k, p] of byDemoFirst.entries()) {
    const demo = k === 0 && demoMember && p.memberIds[0] === demoMember;
    const periodical = p.issue!.periodical;
    if (periodical === '社情民意' && (demo || rand() < 0.22)) {
      await recordResult(db, office, p.id!, { kind: 'adoption', destination: '省政协', publication: pick(['甘肃政协信息', '社情民意专报']), onDate: later(p, 7, 30) });
      adopted++;
      if (demo || rand() < 0.22) {
        await recordResult(db, office, p.id!, {
          kind: 'instruction', destination: '省政协', leader: pick(PROVINCIAL_LEADERS), level: 'provincial', onDate: later(p, 30, 45),
          text: '请省直有关部门结合职能研究，提出意见。',
        });
        await forwardItem(db, office, p.id!, { destinations: ['全国政协'], forwardedOn: later(p, 45, 50) });
        instructed++;
      }
    }
    if (demo || rand() < 0.15) {
      const destination = periodical === '专报' ? '市委办公室' : '市委';
      await recordResult(db, office, p.id!, { kind: 'adoption', destination, publication: city.paper, onDate: later(p, 5, 20) });
      adopted++;
    }
    if (demo || rand() < (periodical === '专报' ? 0.8 : 0.1)) {
      const destination = rand() < 0.5 ? '市委' : '市政府';
      await recordResult(db, office, p.id!, {
        kind: 'instruction', destination, leader: pick(CITY_LEADERS), level: 'city', onDate: later(p, 3, 15),
        text: pick(['请相关部门认真研究，切实解决群众反映的问题。', '所提建议很有针对性，请分管领导牵头研究落实。', '请市直有关部门会同县区抓紧办理，并反馈结果。']),
      });
      instructed++;
      if (rand() < 0.6) {
        await recordResult(db, office, p.id!, {
          kind: 'follow_up', destination, onDate: later(p, 20, 60), text: '有关部门已按批示要求制定工作方案，相关措施纳入年度重点工作推进。',
        });
      }
    }
  }

  // Spread the stamps over the year: submission as planned, publication at the issue's release.
  const stamps = plans.map((p) => ({ id: p.id, s: new Date(p.at).toISOString(), p: p.publishedAt ? new Date(p.publishedAt).toISOString() : null }));
  await db.execute(sql`
    update social_info_items i set submitted_at = (x->>'s')::timestamptz, created_at = (x->>'s')::timestamptz,
           published_at = case when i.published_at is null then null else (x->>'p')::timestamptz end,
           updated_at = coalesce((x->>'p')::timestamptz, (x->>'s')::timestamptz)
      from jsonb_array_elements(${JSON.stringify(stamps)}::jsonb) x
     where i.committee_id = ${committeeId} and i.id = (x->>'id')::uuid`);
  await db.execute(sql`
    update social_info_versions v set created_at = i.submitted_at from social_info_items i
     where v.committee_id = ${committeeId} and i.committee_id = v.committee_id and i.id = v.item_id and v.version = 1`);
  return { items: plans.length, issues, adopted, instructed };
}

export async function seedSocialInfoDemoSummary(db: Db, opts: { progress?: (done: number, total: number) => void } = {}): Promise<string> {
  const r = await seedSocialInfoDemo(db, opts);
  return `社情民意演示数据 / social-info demo: ${r.items} 条信息, ${r.issues} 期刊物, ${r.adopted} 次采用, ${r.instructed} 次批示`;
}
