import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor, type Executor } from '../../../platform/db/unit-of-work.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { memberInput, type MemberInput, type MemberListQuery } from '../contracts.js';
import { OrgErrors } from '../org.errors.js';
import { toRow } from './member.commands.js';
import { allMembers, currentTermId, insertMembers, MEMBER_LIST_TOPIC } from './member.repository.js';
import { memberTemplate, readMemberWorkbook, writeMemberWorkbook, type ImportRow, type MemberLookup, type RowError } from './member-xlsx.js';

export type { ImportRow, RowError };

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
    await uow.touch(committeeId, MEMBER_LIST_TOPIC);
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

// ---------------------------------------------------------------------------------------------
// Excel files: read + import, the background import job, and the export.

/** The committee's sector and special-committee names, which import cells refer to. */
export async function memberLookup(db: Executor, committeeId: string): Promise<MemberLookup> {
  const [sectors, specialCommittees] = await Promise.all([
    db.execute<{ id: string; name: string }>(sql`select id, name from sectors where committee_id = ${committeeId} order by sort, name`),
    db.execute<{ id: string; name: string }>(sql`select id, name from special_committees where committee_id = ${committeeId} order by sort, name`),
  ]);
  return { sectors: sectors.rows, specialCommittees: specialCommittees.rows };
}

/** The import template for this committee (its sectors and special committees in the dropdowns). */
export async function memberTemplateFor(db: Db, committeeId: string): Promise<Buffer> {
  return memberTemplate(await memberLookup(db, committeeId));
}

/**
 * Reads an .xlsx roster and imports it, all or nothing (the CLI, the import job and the bench
 * call this). Throws 'import.bad_file' for a file that is not a roster and 'import.has_errors'
 * with every bad row.
 */
export async function importMemberWorkbook(
  db: Db,
  actor: Actor,
  committeeId: string,
  buffer: Buffer,
  opts: { progress?: (done: number, total: number) => void; fileName?: string; onRead?: (rows: number) => void } = {},
): Promise<{ imported: number }> {
  assertXlsx(buffer, opts.fileName);
  const rows = await readMemberWorkbook(buffer, await memberLookup(db, committeeId));
  if (!rows.length) throw new AppError(OrgErrors['import.bad_file'], { reason: '文件中没有委员数据' });
  opts.onRead?.(rows.length);
  return importMemberRows(db, actor, committeeId, rows, opts);
}

/** A quick check before any work: an .xlsx file is a zip archive. */
export function assertXlsx(buffer: Buffer, fileName?: string) {
  if (fileName !== undefined && !/\.xlsx$/i.test(fileName)) {
    throw new AppError(OrgErrors['import.bad_file'], { reason: '只支持 .xlsx 文件（Excel 2007 及以后的格式）' });
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError(OrgErrors['import.bad_file'], { reason: '文件不是有效的 .xlsx 文件' });
  }
}

export type ImportJobStatus = 'running' | 'succeeded' | 'failed';
export type ImportJobView = {
  id: string;
  status: ImportJobStatus;
  fileName: string | null;
  total: number;
  processed: number;
  imported: number;
  errors: RowError[];
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A failed job keeps at most this many row errors (the message still gives the full count). */
const MAX_STORED_ERRORS = 10_000;
const PROGRESS_EVERY_MS = 300;

/**
 * Starts an import in the background and returns its job id at once; the job row tracks
 * progress and ends 'succeeded' (imported) or 'failed' (row errors or a message). `done`
 * settles when the job has finished (it never rejects).
 */
export async function startMemberImport(
  db: Db,
  actor: Actor,
  committeeId: string,
  file: { fileName: string; buffer: Buffer },
  opts: { lang?: Lang; log?: { error(o: object, msg: string): void } } = {},
): Promise<{ jobId: string; done: Promise<void> }> {
  assertXlsx(file.buffer, file.fileName);
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into import_jobs (committee_id, user_id, kind, file_name, status)
    values (${committeeId}, ${actor.userId}, 'members', ${file.fileName}, 'running') returning id`);
  const jobId = rows[0].id;
  const done = runImportJob(db, actor, committeeId, jobId, file, opts);
  return { jobId, done };
}

async function runImportJob(
  db: Db,
  actor: Actor,
  committeeId: string,
  jobId: string,
  file: { fileName: string; buffer: Buffer },
  opts: { lang?: Lang; log?: { error(o: object, msg: string): void } },
): Promise<void> {
  const lang = opts.lang ?? 'zh';
  // Progress writes are serialised and thinned out; the final write waits for them.
  let chain: Promise<unknown> = Promise.resolve();
  let last = 0;
  const write = (q: SQL) => {
    chain = chain.then(() => db.execute(q)).catch(() => {});
  };
  const where = sql`where committee_id = ${committeeId} and id = ${jobId}`;
  try {
    const { imported } = await importMemberWorkbook(db, actor, committeeId, file.buffer, {
      fileName: file.fileName,
      onRead: (n) => write(sql`update import_jobs set total = ${n} ${where}`),
      progress: (done, total) => {
        const now = Date.now();
        if (done < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        write(sql`update import_jobs set processed = ${done}, total = ${total} ${where}`);
      },
    });
    await chain;
    await db.execute(sql`update import_jobs set status = 'succeeded', imported = ${imported}, processed = total,
                           finished_at = now() ${where}`);
  } catch (err) {
    await chain;
    let message: string;
    let errors: RowError[] = [];
    if (isUniqueViolation(err)) {
      // Another import or edit took a phone number between validation and insert.
      message = new AppError(OrgErrors['import.conflict']).messageIn(lang);
    } else if (err instanceof AppError) {
      message = err.messageIn(lang);
      const details = err.details as { errors?: RowError[] } | undefined;
      if (err.code === OrgErrors['import.has_errors'] && details?.errors) errors = details.errors.slice(0, MAX_STORED_ERRORS);
    } else {
      opts.log?.error({ err, jobId }, 'member import failed');
      message = new AppError('internal.error').messageIn(lang);
    }
    await db
      .execute(sql`update import_jobs set status = 'failed', processed = 0, imported = 0, errors = ${JSON.stringify(errors)}::jsonb,
                     message = ${message}, finished_at = now() ${where}`)
      .catch((e) => opts.log?.error({ err: e, jobId }, 'could not record the failed import'));
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * An import runs inside the server process and commits all rows in one transaction; one still
 * 'running' long after any import could take (100,000 rows take ~15 s) died with its process
 * before committing, so it imported nothing and is shown as failed, with what to do.
 */
const INTERRUPTED_AFTER = '30 minutes';

export async function findImportJob(db: Executor, committeeId: string, id: string, lang: Lang = 'zh'): Promise<ImportJobView | undefined> {
  const interrupted = new AppError(OrgErrors['import.interrupted']).messageIn(lang);
  const { rows } = await db.execute<ImportJobView>(sql`
    with j as (
      select *, status = 'running' and created_at < now() - ${INTERRUPTED_AFTER}::interval as dead
        from import_jobs where committee_id = ${committeeId} and id = ${id} and kind = 'members')
    select id, case when dead then 'failed' else status end as status, file_name as "fileName", total,
           case when dead then 0 else processed end as processed, imported, errors,
           case when dead then ${interrupted} else message end as message,
           to_json(created_at) #>> '{}' as "createdAt", to_json(finished_at) #>> '{}' as "finishedAt"
      from j`);
  return rows[0];
}

/**
 * The roster (filtered like the member list) as a workbook. Exporting personal data is recorded
 * in the audit log. Without access to private fields, phone numbers are left out and birth dates
 * shortened to the year.
 */
export async function exportMembersWorkbook(
  db: Db,
  actor: Actor,
  committeeId: string,
  filters: Partial<MemberListQuery>,
  opts: { includePrivate: boolean },
): Promise<{ buffer: Buffer; count: number }> {
  const members = (await allMembers(db, committeeId, filters)).map((m) =>
    opts.includePrivate ? m : { ...m, phone: null, birthDate: null });
  const buffer = await writeMemberWorkbook(members);
  await transact(db, actor, (uow) =>
    uow.audit({ committeeId, action: 'members.exported', entity: 'member', after: { count: members.length, filters, includePrivate: opts.includePrivate } }));
  return { buffer, count: members.length };
}
