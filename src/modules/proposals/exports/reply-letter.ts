import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { assignmentsOf, repliesOf, type ReplyRow } from '../handling.repository.js';
import { loadVisible } from '../proposal.access.js';
import type { Caller } from '../proposals.policy.js';
import { replyLetterAccess } from './reply-letter-access.js';
import { blank, bodyParagraphs, CHAR, FONT, PAGE, plain, run, SIZE, title } from './docx-kit.js';
import { letterContext } from './exports.repository.js';
import { chineseDate } from '../../../platform/time.js';
import { committeeAbbrev, replyTitle } from './labels.js';
import { ReportErrors } from './reports.policy.js';

/** Everything the reply letter (答复函) shows. */
export interface ReplyLetter {
  title: string;
  /** "张明委员：" — the first proposer; a party, sector or special committee by its name. */
  addressee: string;
  replyClass: string | null;
  isPublic: boolean;
  docNumber: string | null;
  signer: string | null;
  unitName: string;
  date: string;
  body: string;
  contactPerson: string | null;
  contactPhone: string | null;
  copyTo: string[];
  numberLabel: string | null;
}

const GROUP_KINDS = new Set(['party_group', 'sector', 'special_committee']);

/**
 * The released reply of one proposal as a letter. Who may have it: the proposers (of this
 * proposal, or of one merged into it), the answering unit's clerks (their own unit's reply),
 * committee staff. Anyone else who can see the proposal gets 403; a clerk of another unit or a
 * caller of another committee never sees the proposal: 404. A merged proposal (第133并2号)
 * carries its master's reply, under its own composite number and to its own first proposer.
 */
export async function loadReplyLetter(db: Executor, caller: Caller, id: string, opts: { unitId?: string } = {}): Promise<ReplyLetter> {
  const l = await loadVisible(db, caller, id);
  const answeringId = l.row.mergedIntoId ?? id;
  const assignments = await assignmentsOf(db, caller.committeeId, answeringId, { live: true });
  const access = replyLetterAccess(caller, { proposer: l.actors.has('proposer') || l.actors.has('signer'), liveAssignments: assignments });
  const { staff, proposer, units: myUnits } = access;
  if (!access.allowed) throw new AppError(ReportErrors['proposal_export.reply_forbidden']);

  const released = latestReleased(await repliesOf(db, caller.committeeId, answeringId));
  const leadUnit = assignments.find((a) => a.role === 'lead' || a.role === 'split')?.unitId;
  const wanted = opts.unitId ?? (!staff && !proposer ? myUnits[0] : undefined);
  if (wanted && !staff && !proposer && !myUnits.includes(wanted)) throw new AppError(ReportErrors['proposal_export.reply_forbidden']);
  const reply = wanted ? released.find((r) => r.unitId === wanted) : released.find((r) => r.unitId === leadUnit) ?? released[0];
  if (!reply) throw new AppError(ReportErrors['proposal_export.reply_not_released']);

  const ctx = (await letterContext(db, caller.committeeId, id))!;
  const abbrev = committeeAbbrev({ level: ctx.level, name: ctx.committeeName, shortName: ctx.shortName });
  const first = l.signers.find((s) => s.position === 1);
  const addressee = GROUP_KINDS.has(l.row.kind) && l.row.submitterName ? `${l.row.submitterName}：` : `${first?.name ?? ''}委员：`;
  const coUnits = assignments.filter((a) => a.role === 'co').map((a) => a.unitName);
  return {
    title: replyTitle({ abbrev, termNumber: ctx.termNumber, sessionNumber: ctx.sessionNumber, numberLabel: l.row.numberLabel }),
    addressee,
    replyClass: reply.replyClass,
    isPublic: reply.isPublic,
    docNumber: reply.docNumber,
    signer: reply.signer,
    unitName: reply.unitName,
    date: chineseDate(reply.submittedAt ?? reply.releasedAt ?? new Date()),
    body: reply.body,
    contactPerson: reply.contactPerson,
    contactPhone: reply.contactPhone,
    copyTo: [`${abbrev}提案委员会`, ...coUnits],
    numberLabel: l.row.numberLabel,
  };
}

/** Each unit's released reply of its latest round. */
function latestReleased(replies: ReplyRow[]): ReplyRow[] {
  const byUnit = new Map<string, ReplyRow>();
  for (const r of replies) {
    if (r.status !== 'released') continue;
    const prev = byUnit.get(r.unitId);
    if (!prev || r.round > prev.round) byUnit.set(r.unitId, r);
  }
  return [...byUnit.values()];
}

/** Text width of an A4 page with the official margins, in twips. */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * 56.7);

/**
 * The letter in the official layout: class mark top left (（A类）), the document number with the
 * signing leader (签发人) on the right, the title, the addressee, the reply, the unit and date at
 * the bottom right, the publication note (此件公开发布 / 此件不予公开), the contact, and 抄送.
 */
export function replyLetterParagraphs(letter: ReplyLetter): Paragraph[] {
  const out: Paragraph[] = [];
  out.push(plain(letter.replyClass ? `（${letter.replyClass}类）` : '', { font: FONT.heading }));
  if (letter.docNumber || letter.signer) {
    out.push(new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      indent: { left: CHAR },
      children: [
        run(letter.docNumber ?? ''),
        new TextRun({ children: [new Tab()] }),
        ...(letter.signer ? [run('签发人：'), run(letter.signer, { font: FONT.kai })] : []),
      ],
    }));
  }
  out.push(blank());
  out.push(title(letter.title));
  out.push(plain(letter.addressee));
  out.push(...bodyParagraphs(letter.body));
  out.push(blank(), blank());
  out.push(plain(letter.unitName, { align: AlignmentType.RIGHT, indentRight: 4 * CHAR }));
  out.push(plain(letter.date, { align: AlignmentType.RIGHT, indentRight: 4 * CHAR }));
  out.push(blank());
  out.push(plain(letter.isPublic ? '（此件公开发布）' : '（此件不予公开）', { indentLeft: 2 * CHAR }));
  if (letter.contactPerson || letter.contactPhone) {
    const parts = [letter.contactPerson && `联系人：${letter.contactPerson}`, letter.contactPhone && `联系电话：${letter.contactPhone}`].filter(Boolean);
    out.push(plain(`（${parts.join('，')}）`, { indentLeft: 2 * CHAR }));
  }
  out.push(blank());
  out.push(new Paragraph({
    border: { top: { style: 'single', size: 6, color: '000000', space: 4 }, bottom: { style: 'single', size: 6, color: '000000', space: 4 } },
    indent: { left: CHAR, right: CHAR },
    children: [run(`抄送：${letter.copyTo.join('，')}。`, { size: SIZE.sihao })],
  }));
  return out;
}

export async function replyLetterDocx(letter: ReplyLetter): Promise<Buffer> {
  const doc = new Document({
    creator: letter.unitName,
    title: letter.title,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.sanhao } } } },
    sections: [{ properties: PAGE, children: replyLetterParagraphs(letter) }],
  });
  return Packer.toBuffer(doc);
}
