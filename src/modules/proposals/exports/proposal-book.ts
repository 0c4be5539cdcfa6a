import {
  Packer,
  AlignmentType, Document, Footer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { bodyParagraphs, CHAR, FONT, PAGE, plain, run, SIZE, title } from './docx-kit.js';
import { bookRows, sessionHeader, type BookRow, type SessionHeader } from './exports.repository.js';
import { chineseDate } from '../../../platform/time.js';
import { committeeAbbrev } from './labels.js';
import { ReportErrors } from './reports.policy.js';

export interface ProposalBook {
  session: SessionHeader;
  abbrev: string;
  proposals: BookRow[];
  withReplies: boolean;
  compiledOn: string;
}

/** The session's filed proposals (提案汇编), in number order; 404 for a session of another committee. */
export async function loadProposalBook(db: Executor, committeeId: string, sessionId: string, opts: { withReplies?: boolean } = {}): Promise<ProposalBook> {
  const session = await sessionHeader(db, committeeId, sessionId);
  if (!session) throw new AppError(ReportErrors['proposal_export.session_not_found']);
  return {
    session,
    abbrev: committeeAbbrev({ level: session.level, name: session.committeeName, shortName: session.shortName }),
    proposals: await bookRows(db, committeeId, sessionId),
    withReplies: !!opts.withReplies,
    compiledOn: chineseDate(new Date()),
  };
}

const GROUP_KINDS = new Set(['party_group', 'sector', 'special_committee']);
const proposersOf = (p: BookRow) => (GROUP_KINDS.has(p.kind) && p.submitterName ? [p.submitterName] : p.proposers);

function cell(text: string, opts: { width: number; header?: boolean }) {
  return new TableCell({
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ children: [run(text, { size: 24, font: opts.header ? FONT.heading : FONT.body })] })],
  });
}

/** 目录: number, title, first proposer, lead unit. */
function contents(book: ProposalBook): Table {
  const widths = [14, 46, 16, 24];
  const header = new TableRow({ tableHeader: true, children: ['案号', '案由', '第一提案人', '主办单位'].map((h, i) => cell(h, { width: widths[i], header: true })) });
  const rows = book.proposals.map((p) => new TableRow({
    children: [p.numberLabel, p.title, proposersOf(p)[0] ?? '', p.leadUnit ?? '—'].map((t, i) => cell(t, { width: widths[i] })),
  }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function proposalSection(book: ProposalBook, p: BookRow, first: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  out.push(new Paragraph({
    pageBreakBefore: !first,
    alignment: AlignmentType.LEFT,
    children: [run(p.numberLabel, { font: FONT.heading })],
  }));
  out.push(title(p.title));
  out.push(plain(`提案人：${proposersOf(p).join('　')}`, { font: FONT.kai }));
  out.push(plain(`类别：${p.category}${p.mergedIntoId ? '　（已并案办理）' : ''}`, { font: FONT.kai }));
  if (p.leadUnit) out.push(plain(`主办单位：${p.leadUnit}${p.coUnits.length ? `　会办单位：${p.coUnits.join('、')}` : ''}`, { font: FONT.kai }));
  out.push(...bodyParagraphs(p.body));
  if (book.withReplies) {
    for (const r of p.reply) {
      out.push(new Paragraph({ spacing: { before: 300 }, children: [run(`【${r.unitName}答复${r.replyClass ? `（${r.replyClass}类）` : ''}】`, { font: FONT.heading })] }));
      out.push(...bodyParagraphs(r.body));
    }
  }
  return out;
}

export async function proposalBookDocx(book: ProposalBook): Promise<Buffer> {
  const { session } = book;
  const cover = [
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(session.committeeName, { font: FONT.title, size: SIZE.erhao })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400 }, children: [run(session.name, { font: FONT.title, size: SIZE.erhao })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 800 }, children: [run('提 案 汇 编', { font: FONT.title, size: 72 })] }),
    ...Array.from({ length: 8 }, () => new Paragraph({ children: [] })),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${book.abbrev}提案委员会`, { font: FONT.body })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(book.compiledOn), new TextRun({ children: [new PageBreak()] })] }),
  ];
  const toc = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run('目　　录', { font: FONT.heading, size: SIZE.sanhao })] }),
    plain(`共 ${book.proposals.length} 件（含并案 ${book.proposals.filter((p) => p.mergedIntoId).length} 件）`, { indentLeft: 2 * CHAR, size: 24 }),
  ];
  const body = book.proposals.flatMap((p, i) => proposalSection(book, p, i === 0));
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })],
  });
  const doc = new Document({
    creator: `${book.abbrev}提案委员会`,
    title: `${session.name}提案汇编`,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.sanhao } } } },
    sections: [
      { properties: PAGE, children: cover },
      { properties: PAGE, children: [...toc, contents(book)] },
      { properties: PAGE, footers: { default: footer }, children: body.length ? body : [plain('本次会议尚无立案提案。')] },
    ],
  });
  return Packer.toBuffer(doc);
}
