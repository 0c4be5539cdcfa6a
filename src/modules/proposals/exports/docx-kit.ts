import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type ISectionPropertiesOptions } from 'docx';

/**
 * The official-document look (党政机关公文格式, GB/T 9704-2012) used by the reply letter and
 * the proposal book: A4, margins 37/35/28/26 mm, body in 仿宋 三号 (16 pt) on a fixed 28.95 pt
 * line, titles in 方正小标宋简体 二号 (22 pt). Word substitutes 宋体 for 方正小标宋 on machines
 * without the 方正 fonts (the run names 宋体 as its ASCII/hAnsi face, so Latin text matches).
 */
export const FONT = {
  title: { eastAsia: '方正小标宋简体', ascii: '宋体', hAnsi: '宋体', cs: '宋体' },
  body: { eastAsia: '仿宋', ascii: '仿宋', hAnsi: '仿宋', cs: '仿宋' },
  heading: { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体', cs: '黑体' },
  kai: { eastAsia: '楷体', ascii: '楷体', hAnsi: '楷体', cs: '楷体' },
} as const;

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;

const MM = 56.7; // twips per millimetre
export const PAGE: ISectionPropertiesOptions = {
  page: {
    size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
    margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
  },
};

/** Fixed line pitch of the body: 28.95 pt ≈ 579 twips (22 lines a page). */
const LINE = { line: 579, lineRule: LineRuleType.EXACT } as const;
/** One character of 三号 text: 16 pt = 320 twips. */
export const CHAR = 320;

type Font = (typeof FONT)[keyof typeof FONT];

export function run(text: string, opts: { font?: Font; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: opts.font ?? FONT.body, size: opts.size ?? SIZE.sanhao, bold: opts.bold });
}

/** A body paragraph: 仿宋 三号, first line indented two characters. */
export function bodyParagraph(text: string, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: 2 * CHAR }, spacing: LINE, ...extra });
}

/** A paragraph per line of a text; blank lines are dropped. */
export function bodyParagraphs(text: string): Paragraph[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => bodyParagraph(l));
}

export function plain(text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; font?: Font; size?: number; bold?: boolean; indentRight?: number; indentLeft?: number } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, opts)],
    alignment: opts.align ?? AlignmentType.LEFT,
    spacing: LINE,
    indent: { right: opts.indentRight, left: opts.indentLeft },
  });
}

/** A title: 方正小标宋 二号, centred, with a blank line's space after it. */
export function title(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, { font: FONT.title, size: SIZE.erhao })],
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 579 },
  });
}

export const blank = () => new Paragraph({ children: [run('')], spacing: LINE });
