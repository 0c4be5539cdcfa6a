import { CITY_UNITS } from '../src/modules/org/seed/demo-data.js';
import { EVAL_DOCS, EXPECTED_LEAD } from '../src/modules/proposals/eval/documents.js';
import { DEMO_TOPICS } from '../src/modules/proposals/seed/demo-topics.js';
import { tokenize } from '../src/platform/text/index.js';

/**
 * The material generated proposals are composed from: the demo session's topics and the
 * labelled evaluation set, cut into sentences, each sentence segmented once with the product's
 * tokenizer (jieba + the same word lists), so that a proposal's `tokens` are exactly what
 * tokenize(title) ++ tokenize(body) would give for its composed text.
 */
export interface CorpusTopic {
  category: string;
  /** Lead unit (a CITY_UNITS name, without a city prefix). */
  lead: string;
  titles: { text: string; tokens: string[] }[];
  sentences: { text: string; tokens: string[] }[];
}

const THEME_CATEGORY: Record<string, string> = {
  potato: '农业农村', herb: '农业农村', livestock: '农业农村', water: '农业农村', eco: '城建环资', energy: '经济', biz: '经济',
  digital: '经济', tour: '经济', teacher: '教科文卫体', school: '教科文卫体', health: '教科文卫体', sport: '教科文卫体',
  estate: '城建环资', city: '城建环资', housing: '城建环资', traffic: '城建环资', elder: '社会法制', jobs: '社会法制',
  welfare: '社会法制', safety: '社会法制', food: '社会法制',
};

/** Townships and places of 定西's seven counties: the "where I looked" of a proposal's facts. */
const PLACES = [
  '安定区凤翔镇', '安定区内官营镇', '安定区巉口镇', '安定区香泉镇', '安定区西巩驿镇', '通渭县平襄镇', '通渭县马营镇', '通渭县碧玉镇', '通渭县义岗川镇',
  '陇西县巩昌镇', '陇西县文峰镇', '陇西县首阳镇', '陇西县菜子镇', '渭源县清源镇', '渭源县会川镇', '渭源县五竹镇', '临洮县洮阳镇', '临洮县辛店镇',
  '临洮县太石镇', '临洮县衙下集镇', '漳县武阳镇', '漳县盐井镇', '漳县三岔镇', '岷县岷阳镇', '岷县梅川镇', '岷县西江镇', '岷县十里镇',
];
const PLACE_FRAMES = ['据对{p}的调研，', '笔者在{p}走访发现，', '以{p}为例，', '{p}群众反映，', '在{p}调研时了解到，'];

const sentencesOf = (body: string) => body.split(/(?<=[。；])/u).map((s) => s.trim()).filter((s) => s.length >= 6);

export function buildCorpus(): { topics: CorpusTopic[]; places: { text: string; tokens: string[] }[]; units: typeof CITY_UNITS } {
  const tok = (text: string) => ({ text, tokens: tokenize(text) });
  const topics: CorpusTopic[] = [];
  const byMatter = new Map<string, typeof EVAL_DOCS>();
  for (const d of EVAL_DOCS) byMatter.set(d.matter, [...(byMatter.get(d.matter) ?? []), d]);
  for (const [matter, docs] of byMatter) {
    topics.push({
      category: THEME_CATEGORY[docs[0].theme] ?? '其他',
      lead: EXPECTED_LEAD[matter].lead.replace(/^市/, ''),
      titles: docs.map((d) => tok(d.title)),
      sentences: docs.flatMap((d) => sentencesOf(d.body)).map(tok),
    });
  }
  for (const t of DEMO_TOPICS) {
    topics.push({
      category: t.category,
      lead: t.lead,
      titles: t.titles.map(tok),
      sentences: [...t.situation, ...t.analysis, ...t.suggestions].flatMap(sentencesOf).map(tok),
    });
  }
  const places = PLACES.flatMap((p) => PLACE_FRAMES.map((f) => tok(f.replace('{p}', p))));
  return { topics: topics.filter((t) => t.titles.length && t.sentences.length), places, units: CITY_UNITS };
}
