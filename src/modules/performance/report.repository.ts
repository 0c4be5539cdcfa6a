import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';

/** SQL only: 常委年度述职 reports. The first argument after the executor is always the committee. */

/** The attachments' owner kind of a 述职 report's uploaded files. */
export const ANNUAL_REPORT_FILES = 'annual_report';

export type ReportRow = {
  id: string; memberId: string; year: number; body: string;
  /** Typed by hand: file names or links. */
  attachments: { name: string; url: string | null }[];
  /** Uploaded files (the platform's attachments table). */
  files: { id: string; fileName: string; mime: string; size: number; createdAt: string }[];
  submittedAt: string; updatedAt: string;
}

const cols = sql`id, member_id as "memberId", year, body, attachments, submitted_at as "submittedAt", updated_at as "updatedAt",
  coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'fileName', a.file_name, 'mime', a.mime, 'size', a.size, 'createdAt', a.created_at)
     order by a.created_at, a.id) from attachments a
     where a.committee_id = perf_annual_reports.committee_id and a.owner_kind = ${ANNUAL_REPORT_FILES} and a.owner_id = perf_annual_reports.id::text), '[]'::jsonb) as files`;

export async function findReport(db: Executor, committeeId: string, memberId: string, year: number, opts: { lock?: boolean } = {}): Promise<ReportRow | undefined> {
  const { rows } = await db.execute<ReportRow>(sql`select ${cols} from perf_annual_reports
    where committee_id = ${committeeId} and member_id = ${memberId} and year = ${year} ${opts.lock ? sql`for update` : sql``}`);
  return rows[0];
};

export async function upsertReport(db: Executor, committeeId: string, r: { memberId: string; year: number; body: string; attachments: unknown }): Promise<ReportRow> {
  const { rows } = await db.execute<ReportRow>(sql`
    insert into perf_annual_reports (committee_id, member_id, year, body, attachments)
    values (${committeeId}, ${r.memberId}, ${r.year}, ${r.body}, ${JSON.stringify(r.attachments)}::jsonb)
    on conflict (committee_id, member_id, year) do update set body = excluded.body, attachments = excluded.attachments, updated_at = now()
    returning ${cols}`);
  return rows[0];
}

export async function findReportById(db: Executor, committeeId: string, id: string): Promise<ReportRow | undefined> {
  const { rows } = await db.execute<ReportRow>(sql`select ${cols} from perf_annual_reports where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

/** Every active standing-committee member (常委 and above) with their report of the year, if any. */
export async function reportStatus(db: Executor, committeeId: string, year: number, roles: readonly string[]) {
  const { rows } = await db.execute<{ memberId: string; name: string; reportId: string | null; submittedAt: string | null; updatedAt: string | null }>(sql`
    select m.id as "memberId", m.name, r.id as "reportId", r.submitted_at as "submittedAt", r.updated_at as "updatedAt"
    from members m
    left join perf_annual_reports r on r.committee_id = m.committee_id and r.member_id = m.id and r.year = ${year}
    where m.committee_id = ${committeeId} and m.status = 'active'
      and m.roles && array(select jsonb_array_elements_text(${JSON.stringify(roles)}::jsonb))
    order by m.name_pinyin, m.id`);
  return rows;
}
