import type { Writable } from 'node:stream';
import { exceljs } from '../../../platform/exports/lazy.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { RATING_LABELS } from '../contracts.js';
import { PROPOSAL_STATES, type ProposalState } from '../domain/proposal-workflow.js';
import { visibleSql } from '../proposal.access.js';
import type { Caller } from '../proposals.policy.js';
import type { ListQuery } from '../contracts.js';
import { listProposals } from '../search.repository.js';
import { exportRows, type ExportRow } from './exports.repository.js';

/** Filters of the list route (GET /api/proposals), without paging: the export lists what the list shows. */
export type ListFilters = Omit<ListQuery, 'page' | 'pageSize'>;

const GROUP_KINDS = new Set(['party_group', 'sector', 'special_committee']);

/** Columns of the list export, in order. */
export const LIST_COLUMNS: { header: string; width: number; value(r: ExportRow): string }[] = [
  { header: '会议', width: 26, value: (r) => r.sessionName ?? '平时提案' },
  { header: '案号', width: 12, value: (r) => r.numberLabel ?? '' },
  { header: '案由', width: 44, value: (r) => r.title },
  { header: '类别', width: 12, value: (r) => r.category },
  {
    header: '提案人', width: 24,
    value: (r) => (GROUP_KINDS.has(r.kind) && r.submitterName ? [r.submitterName, ...r.proposers] : r.proposers).join('、'),
  },
  { header: '界别', width: 16, value: (r) => r.sector ?? '' },
  { header: '状态', width: 12, value: (r) => PROPOSAL_STATES[r.state as ProposalState] ?? r.state },
  { header: '主办单位', width: 24, value: (r) => r.leadUnit ?? '' },
  { header: '会办单位', width: 30, value: (r) => r.coUnits.join('、') },
  { header: '答复期限', width: 12, value: (r) => r.deadline ?? '' },
  { header: '答复类别', width: 10, value: (r) => (r.replyClass ? `${r.replyClass}类` : '') },
  { header: '满意度', width: 24, value: satisfactionText },
];

/** "满意 2、基本满意 1" from the latest rating of each rater; empty when nobody rated. */
export function satisfactionText(r: Pick<ExportRow, 'satisfied' | 'basicallySatisfied' | 'dissatisfied'>): string {
  const parts: [string, number][] = [
    [RATING_LABELS.satisfied, r.satisfied], [RATING_LABELS.basically_satisfied, r.basicallySatisfied], [RATING_LABELS.dissatisfied, r.dissatisfied],
  ];
  return parts.filter(([, n]) => n > 0).map(([l, n]) => `${l} ${n}`).join('、');
}

/**
 * Writes the proposals the caller may see (the list route's filters and visibility: a clerk gets
 * its unit's, a member what members may see) as an .xlsx to `out`, reading and writing in
 * batches (the list route's query, one page at a time) so that a large export never sits in memory. Resolves with the number of rows.
 */
export async function writeProposalListXlsx(
  db: Executor, caller: Caller, filters: ListFilters, out: Writable, opts: { batch?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? 1000;
  const visible = visibleSql(caller, { mine: filters.mine === 'true' });
  const wb = new (exceljs().stream.xlsx).WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('提案列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LIST_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for (let offset = 0; ; offset += batch) {
    // The list's own query picks and orders the page, so the export matches the list exactly.
    const page = await listProposals(db, caller.committeeId, { ...filters, page: offset / batch + 1, pageSize: batch }, visible);
    const rows = await exportRows(db, caller.committeeId, page.items.map((i) => i.id));
    for (const r of rows) ws.addRow(LIST_COLUMNS.map((c) => c.value(r))).commit();
    n += rows.length;
    if (page.items.length < batch) break;
  }
  ws.commit();
  await wb.commit();
  return n;
}
