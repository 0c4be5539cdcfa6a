import type { Db } from '../../../platform/db/database.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { KeyErrors } from '../key.errors.js';
import { batchAssignInput, type BatchAssignInput } from '../key.contracts.js';
import { filedProposals } from '../key.repository.js';
import { findProposal } from '../proposal.repository.js';
import type { Caller } from '../proposals.policy.js';
import { suggestUnitsFor } from '../queries/suggest-units.js';
import { assignProposal } from './assign-proposal.js';

export type BatchAssignResult =
  | { proposalId: string; ok: true; state: string; leadUnitId: string | null; suggested: boolean }
  | { proposalId: string; ok: false; error: { code: string; message: string; status: number } };

/**
 * 交办会: the office assigns many filed proposals at once. Each item is its own transaction (the
 * ordinary 交办 command: state, assignment rows, event, audit and notices to the units commit
 * together), and the answer lists each item's result: one proposal that cannot be assigned (a
 * unit unknown, the proposal no longer filed, another committee's id → not found) does not hold
 * back the others, and the office fixes and resends only those. Items are handled in order;
 * all share the meeting's date, so their deadlines are the same.
 *
 * `useSuggestion` without a lead unit takes the top suggested unit (智能分办) as 主办.
 */
export async function batchAssign(db: Db, caller: Caller, raw: BatchAssignInput, lang: Lang = 'zh'): Promise<{ results: BatchAssignResult[]; assigned: number; failed: number }> {
  const input = batchAssignInput.parse(raw);
  const results: BatchAssignResult[] = [];
  for (const item of input.items) {
    try {
      let leadUnitId = item.leadUnitId ?? null;
      let suggested = false;
      if (item.mode === 'lead' && !leadUnitId && item.useSuggestion) {
        const row = await findProposal(db, caller.committeeId, item.proposalId);
        if (row) {
          const top = (await suggestUnitsFor(db, caller.committeeId, { titleTokens: row.titleTokens, tokens: row.tokens }, { excludeId: row.id, limit: 1 }))[0];
          if (!top) throw new AppError(KeyErrors['proposal.batch_suggestion_missing']);
          leadUnitId = top.unitId;
          suggested = true;
        }
        // Unknown ids fall through to the command, which answers "not found" in the caller's scope.
      }
      const coUnitIds = item.coUnitIds.filter((u) => u !== leadUnitId);
      const r = await assignProposal(db, caller, item.proposalId, {
        mode: item.mode, leadUnitId, coUnitIds, splitUnitIds: item.splitUnitIds, assignedOn: input.assignedOn,
      });
      results.push({ proposalId: item.proposalId, ok: true, state: r.state, leadUnitId, suggested });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ proposalId: item.proposalId, ok: false, error: { code: e.code, message: e.messageIn(lang), status: e.status } });
    }
  }
  const assigned = results.filter((r) => r.ok).length;
  return { results, assigned, failed: results.length - assigned };
}

/** Filed proposals awaiting 交办, each with its top suggested units (智能分办), for the 交办会 page. */
export async function assignableProposals(db: Db, caller: Caller, q: { sessionId?: string; limit: number }) {
  const { rows, total } = await filedProposals(db, caller.committeeId, q);
  const items = [];
  for (const r of rows) {
    const suggestions = await suggestUnitsFor(db, caller.committeeId, { titleTokens: r.titleTokens, tokens: r.tokens }, { excludeId: r.id, limit: 3 });
    items.push({ id: r.id, title: r.title, numberLabel: r.numberLabel, category: r.category, suggestions });
  }
  return { items, total };
}
