import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TabStopType, TextRun, type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { distributionOf, parseInfoSettings } from '../domain/settings.js';
import { InfoErrors } from '../social-info.errors.js';
import { factsOf, type Caller } from '../social-info.policy.js';
import { authorInfo, committeeHeader, findIssue, itemsOfIssue, readInfoSettings, type AuthorInfo, type ItemRow } from '../social-info.repository.js';
import { chineseDate } from '../../../platform/time.js';

/**
 * An issue of a periodical as a Word document in the usual layout of 社情民意 issues: the red
 * masthead (刊名), 第 N 期 with the year, the issuing office and the date, a red rule, the items
 * (title, body, author line), and the distribution (报/送) with the imprint at the foot.
 * Fonts are named, not embedded (the reader's fonts): 方正小标宋简体 for the masthead and the
 * titles, with 宋体 as the substitute Word uses where it is missing; 仿宋 for the text.
 */
const TITLE_FONT = '方正小标宋简体';
const TITLE_FALLBACK = '宋体';
const BODY_FONT = '仿宋';
const HEI = '黑体';
const RED = 'E60012';
const BODY_SIZE = 32; // 三号, 16 pt (half-points)
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt: 22 lines a page of 公文

const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font, hint: 'eastAsia' }, ...extra });


/** （农业界委员 张三、李四 提供）; members of several sectors are listed sector by sector; a group's item names the group. */
export function authorLine(item: Pick<ItemRow, 'memberIds' | 'sourceKind' | 'sourceName'>, authors: Map<string, AuthorInfo>): string {
  const groups: { sector: string | null; names: string[] }[] = [];
  for (const id of item.memberIds) {
    const a = authors.get(id);
    if (!a) continue;
    const g = groups.find((x) => x.sector === a.sector);
    if (g) g.names.push(a.name);
    else groups.push({ sector: a.sector, names: [a.name] });
  }
  const people = groups.map((g) => `${g.sector ? `${g.sector}委员` : '委员'} ${g.names.join('、')}`).join('，');
  if (item.sourceKind !== 'member' && item.sourceKind !== 'officer' && item.sourceName) {
    return `（${item.sourceName}${people ? `，${people}` : ''} 提供）`;
  }
  return people ? `（${people} 提供）` : '';
}

export interface IssueDocument {
  periodicalName: string;
  year: number;
  number: number | null;
  date: string;
  issuingOffice: string;
  items: { title: string; body: string; authorLine: string; urgent: boolean }[];
  reportTo: string[];
  sendTo: string[];
}

/** What goes into the document, read in the caller's committee (404 for another committee's issue). */
export async function issueDocument(db: Executor, caller: Caller, issueId: string): Promise<IssueDocument> {
  const issue = await findIssue(db, caller.committeeId, issueId);
  if (!issue || !factsOf(caller).oversight) throw new AppError(InfoErrors['social_info.issue_not_found']);
  const items = await itemsOfIssue(db, caller.committeeId, issueId);
  const settings = parseInfoSettings(await readInfoSettings(db, caller.committeeId));
  const committee = await committeeHeader(db, caller.committeeId);
  const authors = await authorInfo(db, caller.committeeId, [...new Set(items.flatMap((i) => i.memberIds))]);
  const { reportTo, sendTo } = distributionOf(settings, issue.periodicalId);
  return {
    periodicalName: issue.periodicalName,
    year: issue.year,
    number: issue.number,
    date: chineseDate(issue.releasedAt ?? issue.signedAt ?? new Date()),
    issuingOffice: settings.issuingOffice ?? `政协${committee.region ?? committee.shortName.replace(/政协$/, '')}委员会办公室`,
    items: items.map((i) => ({ title: i.title, body: i.body, authorLine: authorLine(i, authors), urgent: i.urgent })),
    reportTo,
    sendTo,
  };
}

const rule = (color: string, size: number) => ({ bottom: { style: BorderStyle.SINGLE, size, color, space: 4 } });

function issueParagraphs(d: IssueDocument): Paragraph[] {
  const out: Paragraph[] = [];
  // Masthead: the periodical's name in large red type, centred.
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600, after: 200 }, children: [run(d.periodicalName, TITLE_FONT, 96, { color: RED })] }));
  const number = d.number === null ? '第　　期' : `第${d.number}期`;
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(`${d.year}年　${number}`, BODY_FONT, BODY_SIZE)] }));
  // Issuing office left, date right, above the red rule.
  out.push(new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: 8844 }],
    border: rule(RED, 24),
    spacing: { after: 480 },
    children: [run(d.issuingOffice, BODY_FONT, BODY_SIZE), run(`\t${d.date}`, BODY_FONT, BODY_SIZE)],
  }));
  d.items.forEach((item, n) => {
    if (n > 0) out.push(new Paragraph({ spacing: { before: 240, after: 240 }, alignment: AlignmentType.CENTER, children: [run('★　　★　　★', BODY_FONT, 24, { color: RED })] }));
    out.push(new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360, line: 640, lineRule: LineRuleType.EXACT },
      children: [...(item.urgent ? [run('【急报】', HEI, 32, { color: RED })] : []), run(item.title, TITLE_FONT, 44)],
    }));
    for (const para of item.body.split(/\n+/).map((p) => p.trim()).filter(Boolean)) {
      out.push(new Paragraph({ indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, spacing: LINE, children: [run(para, BODY_FONT, BODY_SIZE)] }));
    }
    if (item.authorLine) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(item.authorLine, BODY_FONT, BODY_SIZE)] }));
  });
  // Distribution and imprint at the foot, between thin black rules.
  const foot = (label: string, names: string[]) =>
    new Paragraph({ indent: { left: 900, hanging: 900 }, spacing: { line: 440, lineRule: LineRuleType.EXACT }, border: rule('000000', 6),
      children: [run(`${label}：`, HEI, 28), run(names.join('，'), BODY_FONT, 28)] });
  out.push(new Paragraph({ spacing: { before: 720 }, border: rule('000000', 12), children: [] }));
  if (d.reportTo.length) out.push(foot('报', d.reportTo));
  if (d.sendTo.length) out.push(foot('送', d.sendTo));
  out.push(new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: 8844 }], border: rule('000000', 12), spacing: { line: 440, lineRule: LineRuleType.EXACT },
    children: [run(d.issuingOffice, BODY_FONT, 28), run(`\t${d.date}印发`, BODY_FONT, 28)],
  }));
  return out;
}

/** The fonts the document names, with the substitute Word uses when the reader lacks one (w:altName). */
const FONT_TABLE = [
  { name: TITLE_FONT, alt: TITLE_FALLBACK },
  { name: BODY_FONT, alt: 'FangSong' },
  { name: HEI, alt: 'SimHei' },
  { name: TITLE_FALLBACK, alt: 'SimSun' },
];

async function withFontTable(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/fontTable.xml');
  if (!file) return buffer;
  const xml = await file.async('string');
  const fonts = FONT_TABLE.map((f) =>
    `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`).join('');
  const patched = /<w:fonts\b[^>]*\/>/.test(xml)
    ? xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
    : xml.replace('</w:fonts>', `${fonts}</w:fonts>`);
  zip.file('word/fontTable.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function issueDocx(d: IssueDocument): Promise<Buffer> {
  const doc = new Document({
    creator: d.issuingOffice,
    title: `${d.periodicalName} ${d.year}年第${d.number ?? ''}期`,
    styles: { default: { document: { run: { font: { ascii: BODY_FONT, eastAsia: BODY_FONT, hAnsi: BODY_FONT }, size: BODY_SIZE } } } },
    sections: [{
      // A4 with the margins of 公文 (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children: issueParagraphs(d),
    }],
  });
  return withFontTable(await Packer.toBuffer(doc));
}

/** File name of the download: 社情民意2026年第5期.docx. */
export const issueFileName = (d: Pick<IssueDocument, 'periodicalName' | 'year' | 'number'>) =>
  `${d.periodicalName}${d.year}年第${d.number ?? '（未编号）'}期.docx`;
