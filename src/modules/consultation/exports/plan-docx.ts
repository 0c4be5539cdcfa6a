import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import { chineseOrdinal, itemLine, type PlanDocument } from './plan-document.js';

/**
 * The plan as Word in the usual layout of a 公文 attachment: the title in 小标宋 (二号), the
 * decision line, then one 黑体 heading per form (一、专题协商会) with its items numbered beneath
 * in 仿宋 (三号). Fonts are named, not embedded.
 */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋';
const HEI = '黑体';
const KAI = '楷体';
const BODY_SIZE = 32; // 三号 (half-points)
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font, hint: 'eastAsia' }, ...extra });
const para = (children: TextRun[], extra: Record<string, unknown> = {}) => new Paragraph({ children, spacing: LINE, ...extra });

export async function planDocx(d: PlanDocument, creator: string): Promise<Buffer> {
  const children: Paragraph[] = [
    para([run(d.title, TITLE_FONT, 44)], { alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 240 } }),
  ];
  if (d.decisionLine) children.push(para([run(d.decisionLine, KAI, BODY_SIZE)], { alignment: AlignmentType.CENTER }));
  if (d.versionLine) children.push(para([run(d.versionLine, KAI, BODY_SIZE)], { alignment: AlignmentType.CENTER }));
  children.push(para([run('', BODY_FONT, BODY_SIZE)]));
  d.groups.forEach((g, gi) => {
    children.push(para([run(`${chineseOrdinal(gi)}、${g.form}`, HEI, BODY_SIZE)], { indent: { firstLine: 640 } }));
    g.items.forEach((item, ii) => {
      children.push(para([run(`${ii + 1}．${itemLine(item)}`, BODY_FONT, BODY_SIZE)], { indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED }));
    });
  });
  const doc = new Document({
    creator, title: d.title,
    styles: { default: { document: { run: { font: { ascii: BODY_FONT, eastAsia: BODY_FONT, hAnsi: BODY_FONT }, size: BODY_SIZE } } } },
    sections: [{
      // A4 with the margins of 公文 (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
