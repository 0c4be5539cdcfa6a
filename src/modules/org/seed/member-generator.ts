import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { ImportRow } from '../members/member-import.js';

/** A small deterministic PRNG so that the demo data is the same on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤牛安祁令狐'.split('');
const GIVEN_M = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'.split('');
const GIVEN_F = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'.split('');

const PARTY_BY_SECTOR: Record<string, string> = {
  中国共产党: '中共党员', 民革: '民革党员', 民盟: '民盟盟员', 民建: '民建会员', 民进: '民进会员', 农工党: '农工党党员',
  九三学社: '九三学社社员', 民主党派: '民盟盟员', 无党派民主人士: '无党派', 无党派人士: '无党派',
};

const EMPLOYERS: Record<string, [string, string][]> = {
  教育: [['第一中学', '校长'], ['实验小学', '副校长'], ['职业技术学院', '教授'], ['第二中学', '高级教师'], ['幼儿园', '园长']],
  医: [['人民医院', '主任医师'], ['中医院', '副院长'], ['妇幼保健院', '院长'], ['疾病预防控制中心', '主任'], ['乡镇卫生院', '院长']],
  农业: [['马铃薯产业协会', '会长'], ['中药材种植专业合作社', '理事长'], ['农业技术推广中心', '高级农艺师'], ['草牧业公司', '总经理']],
  经济: [['农村商业银行', '行长'], ['建筑工程有限公司', '董事长'], ['商贸有限公司', '总经理'], ['会计师事务所', '所长'], ['新能源有限公司', '总经理']],
  科: [['农业科学研究院', '研究员'], ['科技开发有限公司', '总工程师'], ['气象局', '高级工程师']],
  文化: [['文化馆', '馆长'], ['书法家协会', '主席'], ['秦腔剧团', '团长'], ['博物馆', '研究馆员']],
  default: [['律师事务所', '主任'], ['社区居委会', '主任'], ['街道办事处', '主任'], ['民营企业', '董事长'], ['报社', '记者'], ['乡镇人民政府', '镇长']],
};

const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '藏族', '东乡族', '土族', '满族'];

/**
 * Generates plausible members for a committee as import rows (the demo seed imports them through
 * the real import command). About 12 % standing-committee members, a chair, vice-chairs and a
 * secretary-general; a few who left during the term.
 */
export async function generateMembers(db: Db, committeeId: string, count: number, seed: number): Promise<ImportRow[]> {
  const rand = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  const { rows: sectors } = await db.execute<{ id: string; name: string }>(sql`select id, name from sectors where committee_id = ${committeeId} order by sort`);
  const { rows: specials } = await db.execute<{ id: string; name: string }>(sql`select id, name from special_committees where committee_id = ${committeeId} order by sort`);
  const { rows: region } = await db.execute<{ region: string }>(sql`select coalesce(region, short_name) as region from committees where id = ${committeeId}`);
  const place = region[0]?.region ?? '';
  const out: ImportRow[] = [];
  const usedPhones = new Set<string>();
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    const female = rand() < 0.32;
    let name = '';
    do {
      name = pick(SURNAMES) + pick(female ? GIVEN_F : GIVEN_M) + (rand() < 0.7 ? pick(female ? GIVEN_F : GIVEN_M) : '');
    } while (usedNames.has(name));
    usedNames.add(name);
    let phone = '';
    do phone = '1' + pick(['33', '38', '39', '51', '52', '77', '80', '89', '93']) + String(Math.floor(rand() * 1e8)).padStart(8, '0');
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    const sector = sectors[Math.floor(rand() * sectors.length)];
    const key = Object.keys(EMPLOYERS).find((k) => sector.name.includes(k)) ?? 'default';
    const [employer, title] = pick(EMPLOYERS[key]);
    const roles = ['member'];
    if (i === 0) roles.push('standing', 'chair');
    else if (i <= 5) roles.push('standing', 'vice_chair');
    else if (i === 6) roles.push('standing', 'secretary_general');
    else if (rand() < 0.12) roles.push('standing');
    const year = 1960 + Math.floor(rand() * 32);
    const left = i > 10 && rand() < 0.02;
    out.push({
      row: i + 2,
      input: {
        name,
        gender: female ? 'female' : 'male',
        ethnicity: pick(ETHNICITIES),
        birthDate: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
        party: PARTY_BY_SECTOR[sector.name] ?? (rand() < 0.4 ? '中共党员' : '群众'),
        sectorId: sector.id,
        specialCommitteeId: specials.length && rand() < 0.7 ? pick(specials).id : null,
        roles,
        employer: place + employer,
        title,
        phone,
        status: left ? 'left' : 'active',
        leftAt: left ? '2024-06-30' : null,
        leftReason: left ? pick(['工作调动', '辞去委员职务', '退休']) : null,
      },
    });
  }
  return out;
}
