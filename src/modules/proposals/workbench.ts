import { defineSearch } from '../../platform/search.js';
import { defineWorkbench, groupOf, type WorkbenchGroup } from '../../platform/workbench.js';
import { proposalWorkflow, type ProposalState } from './domain/proposal-workflow.js';
import { visibleSql } from './proposal.access.js';
import { factsOf, ProposalPermissions as P } from './proposals.policy.js';
import { listVisibleProposals } from './queries/list-proposals.js';
import { changedSince, invitations, officeOverdue, officeQueue, ownInStates, toRate, unitQueue, type WaitingRow } from './workbench.repository.js';

const open = (r: WaitingRow) => ({ id: r.id, title: r.title, link: `/proposals/${r.id}`, deadline: r.deadline, note: r.numberLabel });
const group = (kind: string, link: string, rows: WaitingRow[], today: string): WorkbenchGroup =>
  groupOf(kind, link, rows.map(open), rows[0]?.total ?? 0, today);
const list = (states: string) => `/proposals?state=${states}`;

/**
 * What waits in proposals: the office reviews, assigns, settles objections and reviews replies,
 * and sees what is overdue; a unit's clerk signs for (签收), answers and countersigns, deadlines
 * first; a member rates released replies, answers co-signing invitations and finishes drafts.
 * "Changed" is what the caller is party to (the office: every proposal past the draft).
 */
export const proposalsWorkbench = defineWorkbench({
  name: 'proposals',
  async load(db, { caller, today, since, lang }) {
    const f = factsOf(caller);
    const c = caller.committeeId;
    const pending: WorkbenchGroup[] = [];
    // One query after another: cheap indexed reads, and the pool is shared by every provider at once.
    if (f.office) {
      pending.push(group('proposals.to_review', list('submitted,pre_reviewed'), await officeQueue(db, c, ['submitted', 'pre_reviewed']), today));
      pending.push(group('proposals.to_assign', '/proposals/assign', await officeQueue(db, c, ['filed']), today));
      pending.push(group('proposals.objections', list('objected'), await officeQueue(db, c, ['objected']), today));
      pending.push(group('proposals.reply_review', list('reply_review'), await officeQueue(db, c, ['reply_review']), today));
      pending.push(group('proposals.overdue', list('assigned,handling,countersigning'), await officeOverdue(db, c, today), today));
    }
    if (f.unitIds.size) {
      pending.push(group('proposals.to_sign_for', list('assigned'), await unitQueue(db, c, f.unitIds, ['assigned'], ['lead', 'split']), today));
      pending.push(group('proposals.to_answer', list('handling'), await unitQueue(db, c, f.unitIds, ['handling'], ['lead', 'split']), today));
      pending.push(group('proposals.to_countersign', list('countersigning'), await unitQueue(db, c, f.unitIds, ['countersigning'], ['co']), today));
    }
    if (f.memberIds.size) {
      pending.push(group('proposals.to_rate', list('released'), await toRate(db, c, f.memberIds), today));
      pending.push(group('proposals.invitations', '/proposals?mine=true', await invitations(db, c, f.memberIds), today));
      pending.push(group('proposals.returned', '/proposals?mine=true&state=returned', await ownInStates(db, c, f.memberIds, ['returned']), today));
      pending.push(group('proposals.drafts', '/proposals?mine=true&state=draft', await ownInStates(db, c, f.memberIds, ['draft']), today));
    }
    const rows = await changedSince(db, c, visibleSql(caller, { mine: !f.office }), since);
    const changes = [{
      kind: 'proposals.changed',
      count: rows[0]?.total ?? 0,
      items: rows.map((r) => ({ id: r.id, title: r.title, link: `/proposals/${r.id}`, at: r.at, note: proposalWorkflow.stateLabel(r.state as ProposalState, lang) })),
    }];
    return { pending, changes };
  },
});

/** Proposals as the list route finds them (the same visibility, the same token index and highlighting). */
export const proposalsSearch = defineSearch({
  kind: 'proposals',
  permission: P['proposals.read'],
  listLink: '/proposals?q={q}',
  async search(db, q, { caller, limit, lang }) {
    const r = await listVisibleProposals(db, caller, { q: q.slice(0, 60), page: 1, pageSize: limit });
    return {
      total: r.total,
      items: r.items.map((p) => ({
        id: p.id,
        title: p.highlight?.title ?? [{ text: p.title }],
        snippet: p.highlight?.snippet ?? null,
        link: `/proposals/${p.id}`,
        meta: [p.numberLabel, proposalWorkflow.stateLabel(p.state as ProposalState, lang), p.firstSigner].filter((x): x is string => !!x),
      })),
    };
  },
});
