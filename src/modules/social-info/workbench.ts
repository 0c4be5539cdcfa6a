import { defineSearch } from '../../platform/search.js';
import { distinct, tokenize } from '../../platform/text/index.js';
import { highlight, snippet } from '../../platform/text/highlight.js';
import { defineWorkbench, groupOf, type WorkbenchGroup } from '../../platform/workbench.js';
import { infoWorkflow, type InfoState } from './domain/info-workflow.js';
import { factsOf, InfoPermissions as P } from './social-info.policy.js';
import { changedSince, ownInStates, queue, searchItems, type WaitingItem } from './workbench.repository.js';

const open = (r: WaitingItem) => ({ id: r.id, title: r.title, link: `/social-info/items/${r.id}`, deadline: null });
const group = (kind: string, link: string, rows: WaitingItem[], today: string): WorkbenchGroup =>
  groupOf(kind, link, rows.map(open), rows[0]?.total ?? 0, today);

/**
 * What waits in 社情民意: editors screen new items and edit those in hand; signers sign issues'
 * items off; an author revises what was returned. "Changed": an author's own items, the office's
 * whole committee.
 */
export const socialInfoWorkbench = defineWorkbench({
  name: 'social-info',
  async load(db, { caller, today, since, lang }) {
    const f = factsOf(caller);
    const pending: WorkbenchGroup[] = [];
    if (f.editor) {
      pending.push(group('social_info.to_screen', '/social-info/office', await queue(db, caller.committeeId, ['submitted']), today));
      pending.push(group('social_info.to_edit', '/social-info/office', await queue(db, caller.committeeId, ['screening', 'editing']), today));
    }
    if (f.signer) pending.push(group('social_info.to_sign', '/social-info?state=sign_off', await queue(db, caller.committeeId, ['sign_off']), today));
    if (f.memberIds.size || caller.actor.userId) {
      pending.push(group('social_info.returned', '/social-info?mine=true&state=returned', await ownInStates(db, caller, ['returned']), today));
    }
    const rows = await changedSince(db, caller, since, !f.oversight);
    const changes = [{
      kind: 'social_info.changed',
      count: rows[0]?.total ?? 0,
      items: rows.map((r) => ({ ...open(r), at: r.at, note: infoWorkflow.stateLabel(r.state as InfoState, lang) })),
    }];
    return { pending, changes };
  },
});

/** Items as the list finds them (its visibility: members their own, staff and leaders all; its token search). */
export const socialInfoSearch = defineSearch({
  kind: 'social_info',
  permission: P['social_info.read'],
  listLink: '/social-info?q={q}',
  async search(db, q, { caller, limit, lang }) {
    const { rows, total } = await searchItems(db, caller, q.slice(0, 200), limit);
    const marks = [...new Set([...q.split(/\s+/).filter(Boolean), ...distinct(tokenize(q))])];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        title: highlight(r.title, marks),
        snippet: snippet(r.body, marks),
        link: `/social-info/items/${r.id}`,
        meta: [infoWorkflow.stateLabel(r.state as InfoState, lang), r.sourceName].filter((x): x is string => !!x),
      })),
    };
  },
});
