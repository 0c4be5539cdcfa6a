import { defineSearch } from '../../../platform/search.js';
import { highlight } from '../../../platform/text/highlight.js';
import { OrgPermissions as P } from '../org.policy.js';
import { listMembers } from './member.repository.js';

/**
 * Members for the search across modules: the member list's own name / pinyin-initials filter
 * (members_name_trgm_idx), each term of the query on its own (a name rarely shares a query with
 * other words), with the list's permission. Only public fields: name, sector, employer's title.
 */
export const memberSearch = defineSearch({
  kind: 'members',
  permission: P['org.members.read'],
  listLink: '/members?q={q}',
  async search(db, q, { caller, limit }) {
    const terms = [...new Set(q.split(/[\s,，、]+/u).map((t) => t.trim()).filter(Boolean))].slice(0, 3).map((t) => t.slice(0, 40));
    const found = new Map<string, Awaited<ReturnType<typeof listMembers>>['items'][number]>();
    let total = 0;
    for (const term of terms) {
      const r = await listMembers(db, caller.committeeId, { q: term, sort: 'name', order: 'asc', page: 1, pageSize: limit });
      total += r.total;
      for (const m of r.items) if (!found.has(m.id)) found.set(m.id, m);
    }
    return {
      total: Math.max(total, found.size),
      items: [...found.values()].slice(0, limit).map((m) => ({
        id: m.id,
        title: highlight(m.name, terms),
        link: `/members/${m.id}`,
        meta: [m.sectorName, m.title].filter((x): x is string => !!x),
      })),
    };
  },
});
