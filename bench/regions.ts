import type { CommitteeLevel } from '../src/modules/org/committees/committee.commands.js';

/**
 * The generated committee tree: 全国政协 → 31 provincial committees → city committees → county
 * committees, with member counts that add up to the requested total (larger committees higher
 * up: weights national 10, province 4, city 2, county 1).
 */
export interface PlannedCommittee {
  index: number;
  code: string;
  name: string;
  shortName: string;
  level: CommitteeLevel;
  parentCode: string | null;
  region: string;
  members: number;
  term: { number: number; name: string; startDate: string };
}

const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市',
  '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区',
];

/** Characters of made-up place names (安平, 宁川, …): 64 × 64 distinct two-character names. */
const PLACE = '安平宁德华阳山河东西南北新兴泰庆丰昌宜临江源清长永和嘉金云武定通渭岷漳陇靖会景榆梧桂柳容溪宝台福鹤凤鸣兰岚松柏桐樟文武康乐'.split('');

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cn(n: number): string {
  if (n <= 10) return DIGITS[n];
  if (n < 20) return '十' + DIGITS[n - 10];
  return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
}

function place(i: number): string {
  const n = PLACE.length;
  return PLACE[i % n] + PLACE[(Math.floor(i / n) * 7 + i) % n];
}

function term(level: CommitteeLevel, i: number): PlannedCommittee['term'] {
  const number = level === 'national' ? 14 : level === 'province' ? 13 : level === 'city' ? 5 + (i % 6) : 9 + (i % 3);
  const startDate = level === 'national' || level === 'province' ? `2023-01-${String(10 + (i % 18)).padStart(2, '0')}` : `2021-12-${String(10 + (i % 20)).padStart(2, '0')}`;
  return { number, name: `第${cn(number)}届`, startDate };
}

export function planCommittees(total: number, members: number): PlannedCommittee[] {
  const provinces = Math.min(PROVINCES.length, total - 1);
  const rest = total - 1 - provinces;
  const cities = Math.max(rest > 0 ? 1 : 0, Math.round(rest * 0.111));
  const counties = rest - cities;
  const out: PlannedCommittee[] = [];
  const add = (c: Omit<PlannedCommittee, 'index' | 'members' | 'term'>) =>
    out.push({ ...c, index: out.length, members: 0, term: term(c.level, out.length) });

  add({ code: 'bench-cn', name: '中国人民政治协商会议全国委员会', shortName: '全国政协', level: 'national', parentCode: null, region: '全国' });
  for (let p = 0; p < provinces; p++) {
    const region = PROVINCES[p];
    add({ code: `bench-p${p + 1}`, name: `中国人民政治协商会议${region}委员会`, shortName: `${region}政协`, level: 'province', parentCode: 'bench-cn', region });
  }
  const cityRegions: string[] = [];
  for (let c = 0; c < cities; c++) {
    const region = place(c) + '市';
    cityRegions.push(region);
    const p = c % provinces;
    add({ code: `bench-p${p + 1}-c${c + 1}`, name: `中国人民政治协商会议${region}委员会`, shortName: `${region}政协`, level: 'city', parentCode: `bench-p${p + 1}`, region });
  }
  for (let k = 0; k < counties; k++) {
    const c = k % cities;
    const district = k % 3 === 0;
    const region = place(cities + k) + (district ? '区' : '县');
    const parentCode = out[1 + provinces + c].code;
    add({
      code: `${parentCode}-k${k + 1}`,
      name: district ? `中国人民政治协商会议${cityRegions[c]}${region}委员会` : `中国人民政治协商会议${region}委员会`,
      shortName: `${region}政协`, level: 'county', parentCode, region,
    });
  }

  const weight = { national: 10, province: 4, city: 2, county: 1 } as const;
  const sum = out.reduce((a, c) => a + weight[c.level], 0);
  let assigned = 0;
  for (const c of out) {
    c.members = Math.floor((members * weight[c.level]) / sum);
    assigned += c.members;
  }
  for (let i = 0; assigned < members; i = (i + 1) % out.length, assigned++) out[i].members++;
  return out;
}
