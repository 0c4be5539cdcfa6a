import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { Paper } from './papers.js';

/**
 * A Paper as Word, in the layout of a 公文 (GB/T 9704 margins): an optional red masthead with
 * its issue line above a red rule, the title in 小标宋 (二号), 楷体 subtitles, 黑体 headings and
 * 仿宋 (三号) body text, the foot right-aligned. Fonts are named, not embedded.
 */
const RED = 'C00000';
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const SIZE = 32;
const run = (text: string, font: string, size = SIZE, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font, hint: 'eastAsia' }, ...extra });
const para = (children: TextRun[], extra: Record<string, unknown> = {}) => new Paragraph({ children, spacing: LINE, ...extra });

export async function paperDocx(p: Paper, creator: string): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (p.masthead) {
    children.push(para([run(p.masthead, '方正小标宋简体', 72, { color: RED })], { alignment: AlignmentType.CENTER, spacing: { line: 900, lineRule: LineRuleType.AT_LEAST } }));
    children.push(para([run(p.issueLine ?? '', '仿宋')], {
      alignment: AlignmentType.CENTER, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } }, spacing: { ...LINE, after: 240 },
    }));
  }
  children.push(para([run(p.title, '方正小标宋简体', 44)], { alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 240 } }));
  for (const s of p.subtitle ?? []) children.push(para([run(s, '楷体')], { alignment: AlignmentType.CENTER }));
  for (const b of p.blocks) {
    children.push('heading' in b
      ? para([run(b.heading, '黑体')], { indent: { firstLine: 640 } })
      : para([run(b.text, '仿宋')], { indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED }));
  }
  if (p.foot?.length) {
    children.push(para([run('', '仿宋')]));
    for (const f of p.foot) children.push(para([run(f, '仿宋')], { alignment: AlignmentType.RIGHT }));
  }
  const doc = new Document({
    creator, title: p.title,
    styles: { default: { document: { run: { font: { ascii: '仿宋', eastAsia: '仿宋', hAnsi: '仿宋' }, size: SIZE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
