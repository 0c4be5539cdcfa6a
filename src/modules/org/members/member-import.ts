import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { memberInput, type MemberInput } from '../contracts.js';
import { OrgErrors } from '../org.errors.js';
import { toRow } from './member.commands.js';
import { currentTermId, insertMembers } from './member.repository.js';

/** One problem in one row of an import file; row numbers are the spreadsheet's (header = row 1). */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** A row read from a file: the input candidate and where it came from. */
export interface ImportRow {
  row: number;
  input: Record<string, unknown>;
  /** Errors already found while reading cells (unknown sector name, bad date, …). */
  errors?: RowError[];
}

/** Column labels (Chinese), used in error reports; keys are MemberInput fields. */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', party: '党派', sectorId: '界别',
  specialCommitteeId: '专委会', roles: '职务', employer: '工作单位', title: '职务职称', phone: '手机号',
  status: '状态', leftAt: '离任日期', leftReason: '离任原因',
};

const CHUNK = 2000;

/**
 * Validates every row, then inserts all of them in one transaction — or none: a file with any
 * bad row imports nothing and reports every bad row (row, column, reason in Chinese).
 */
export async function importMemberRows(
  db: Db,
  actor: Actor,
  committeeId: string,
  rows: ImportRow[],
  opts: { progress?: (done: number, total: number) => void; fileName?: string } = {},
): Promise<{ imported: number }> {
  const errors: RowError[] = [];
  const valid: MemberInput[] = [];
  const phones = new Map<string, number>();
  const { rows: existing } = await db.execute<{ phone: string }>(
    sql`select phone from members where committee_id = ${committeeId} and phone is not null`);
  const taken = new Set(existing.map((r) => r.phone));
  for (const r of rows) {
    if (r.errors?.length) errors.push(...r.errors);
    const parsed = memberInput.safeParse(r.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (r.errors?.some((e) => e.column === (FIELD_LABELS[field] ?? field))) continue;
        errors.push({ row: r.row, column: FIELD_LABELS[field] ?? field, reason: reasonZh(issue) });
      }
      continue;
    }
    const m = parsed.data;
    if (m.status === 'left' && (!m.leftAt || !m.leftReason)) {
      errors.push({ row: r.row, column: FIELD_LABELS.leftAt, reason: '离任委员须填写离任日期和离任原因' });
    }
    if (m.phone) {
      const first = phones.get(m.phone);
      if (first) errors.push({ row: r.row, column: FIELD_LABELS.phone, reason: `与第 ${first} 行的手机号重复` });
      else if (taken.has(m.phone)) errors.push({ row: r.row, column: FIELD_LABELS.phone, reason: '该手机号已属于本政协的另一位委员' });
      else phones.set(m.phone, r.row);
    }
    if (!r.errors?.length) valid.push(m);
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(OrgErrors['import.has_errors'], { count: errors.length }, { errors });
  }
  const total = valid.length;
  opts.progress?.(0, total);
  await transact(db, actor, async (uow) => {
    const termId = await currentTermId(uow.tx, committeeId);
    for (let i = 0; i < total; i += CHUNK) {
      await insertMembers(uow.tx, committeeId, valid.slice(i, i + CHUNK).map((m) => toRow(m, termId)));
      opts.progress?.(Math.min(i + CHUNK, total), total);
    }
    // One audit row for the batch: who imported which file, how many rows.
    await uow.audit({ committeeId, action: 'members.imported', entity: 'member', after: { count: total, fileName: opts.fileName ?? null } });
    await uow.emit({ type: 'org.members_imported', committeeId, payload: { count: total } });
  });
  return { imported: total };
}

function reasonZh(issue: { code: string; message: string; input?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? '必填项不能为空' : '格式不正确';
    case 'too_small':
      return '不能为空';
    case 'too_big':
      return '内容过长';
    case 'invalid_value':
      return '不是允许的取值';
    case 'invalid_format':
      return issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '格式不正确';
    default:
      return issue.message;
  }
}
