import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { ListQuery } from './contracts.js';
import { toTextArray } from './proposal.repository.js';
import { listHighlight, parseSearch, type ListHighlight, type SearchTerm } from './queries/list-search.js';

/** SQL only: token statistics, similar-proposal candidates, the list with its filters. */

/**
 * Adjusts the committee's document frequencies: -1 for `removed`, +1 for `added`, and the
 * document count (the '' row) by `docDelta`. The '' row is updated first in every call, so
 * concurrent submissions of one committee queue on it and never deadlock on the token rows.
 */
export async function applyDocumentFrequencies(db: Executor, committeeId: string, removed: string[], added: string[], docDelta: number) {
  await db.execute(sql`insert into proposal_token_df (committee_id, token, df) values (${committeeId}, '', ${Math.max(docDelta, 0)})
    on conflict (committee_id, token) do update set df = greatest(proposal_token_df.df + ${docDelta}, 0)`);
  if (removed.length) {
    await db.execute(sql`update proposal_token_df set df = greatest(df - 1, 0) where committee_id = ${committeeId}
      and token in (select jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb))`);
  }
  if (added.length) {
    await db.execute(sql`insert into proposal_token_df (committee_id, token, df)
      select ${committeeId}::uuid, t, 1 from jsonb_array_elements_text(${JSON.stringify(added)}::jsonb) t
      on conflict (committee_id, token) do update set df = proposal_token_df.df + 1`);
  }
}

export type CandidateRow = {
  id: string;
  title: string;
  state: string;
  sessionId: string | null;
  numberLabel: string | null;
  tokens: string[];
  titleTokens: string[];
};

/** Lead units of proposals among `ids` (the history vote of unit suggestion). */
export async function leadUnitsOf(db: Executor, committeeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ proposalId: string; unitId: string }>(sql`
    select distinct on (a.proposal_id) a.proposal_id as "proposalId", a.unit_id as "unitId" from proposal_assignments a
     where a.committee_id = ${committeeId} and a.role in ('lead', 'split') and a.status = 'active'
       and a.proposal_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
     order by a.proposal_id, a.created_at`);
  return new Map(rows.map((r) => [r.proposalId, r.unitId]));
}

export type ListRow = {
  id: string;
  title: string;
  state: string;
  kind: string;
  occasion: string;
  category: string;
  sessionId: string | null;
  sessionName: string | null;
  numberLabel: string | null;
  firstSigner: string | null;
  signerCount: number;
  leadUnit: string | null;
  deadline: string | null;
  submittedAt: string | null;
  updatedAt: string;
  /** With a search (q): the title, a window of the body and the first signer with the matches marked. */
  highlight?: ListHighlight;
};

/** What a search (q) turned into: the GIN-indexed words, proposers' ids by name, substring fallbacks. */
export interface ListSearch {
  terms: SearchTerm[];
  /** Every content word required, over all terms. */
  required: string[];
  /** Members of the committee named by a term (the term matches their proposals). */
  namedMembers: string[];
  /** Terms with no content word and no member of that name: substring of the title, or the number. */
  fallback: string[];
}

/** Resolves a query: terms that are a member's name (exact) search proposers; the rest search the text. */
export async function resolveSearch(db: Executor, committeeId: string, q: string): Promise<ListSearch> {
  const terms = parseSearch(q);
  const texts = terms.map((t) => t.text);
  const { rows } = texts.length
    ? await db.execute<{ id: string; name: string }>(sql`select id, name from members where committee_id = ${committeeId}
        and name in (select jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb)) limit 200`)
    : { rows: [] as { id: string; name: string }[] };
  const names = new Set(rows.map((r) => r.name));
  const text = terms.filter((t) => !names.has(t.text));
  return {
    terms,
    required: [...new Set(text.flatMap((t) => t.required))],
    namedMembers: rows.map((r) => r.id),
    fallback: text.filter((t) => !t.required.length).map((t) => t.text),
  };
}

function searchWhere(s: ListSearch): SQL[] {
  const where: SQL[] = [];
  if (s.required.length) where.push(sql`p.tokens @> ${toTextArray(s.required)}`);
  if (s.namedMembers.length) {
    where.push(sql`exists (select 1 from proposal_signers s where s.committee_id = p.committee_id and s.proposal_id = p.id
      and s.status in ('first', 'confirmed') and s.member_id in (select jsonb_array_elements_text(${JSON.stringify(s.namedMembers)}::jsonb)::uuid))`);
  }
  for (const f of s.fallback) {
    const like = '%' + f.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    where.push(sql`(p.title like ${like} or p.number_label = ${f})`);
  }
  return where;
}

/**
 * Relevance of a text match: occurrences of the required words in title (×3) and text,
 * damped by the text's length, so a short proposal about the matter outranks a long one that
 * mentions it once.
 */
function rankSql(required: readonly string[]): SQL {
  const q = toTextArray(required);
  return sql`((select count(*) from unnest(p.title_tokens) t where t = any(${q})) * 3
    + (select count(*) from unnest(p.tokens) t where t = any(${q})))::float / ln(cardinality(p.tokens) + 3)`;
}

export async function listProposals(db: Executor, committeeId: string, q: ListQuery, visible: SQL): Promise<{ items: ListRow[]; total: number }> {
  const where: SQL[] = [sql`p.committee_id = ${committeeId}`, visible];
  if (q.state) where.push(sql`p.state in (select jsonb_array_elements_text(${JSON.stringify(q.state.split(','))}::jsonb))`);
  if (q.sessionId) where.push(sql`p.session_id = ${q.sessionId}`);
  if (q.category) where.push(sql`p.category = ${q.category}`);
  if (q.unitId) {
    where.push(sql`exists (select 1 from proposal_assignments a where a.committee_id = p.committee_id and a.proposal_id = p.id
                   and a.unit_id = ${q.unitId} and a.status in ('active', 'objected'))`);
  }
  const search = q.q ? await resolveSearch(db, committeeId, q.q) : null;
  if (search) where.push(...searchWhere(search));
  const w = sql.join(where, sql` and `);
  const order = sql`p.number_scope nulls last, p.number nulls last, p.merge_seq nulls first, p.updated_at desc, p.id`;
  const rank = search?.required.length ? rankSql(search.required) : sql`0::float`;
  // The page is chosen first (filter, sort, limit on proposals alone); names, signers and the lead unit are joined to its rows only.
  const [items, total] = await Promise.all([
    db.execute<ListRow & { body?: string }>(sql`
      with page as materialized (
        select p.id, p.committee_id, p.title, p.state, p.kind, p.occasion, p.category, p.session_id, p.number_label, p.number_scope, p.number,
               p.merge_seq, p.submitted_at, p.updated_at, ${rank} as rank ${search ? sql`, left(p.body, 3000) as body` : sql``}
          from proposals p
         where ${w}
         order by rank desc, ${order}
         limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      select p.id, p.title, p.state, p.kind, p.occasion, p.category, p.session_id as "sessionId", ps.name as "sessionName",
             p.number_label as "numberLabel",
             (select m.name from proposal_signers s join members m on m.id = s.member_id
               where s.committee_id = p.committee_id and s.proposal_id = p.id and s.position = 1) as "firstSigner",
             (select count(*)::int from proposal_signers s where s.committee_id = p.committee_id and s.proposal_id = p.id
                 and s.status in ('first', 'confirmed')) as "signerCount",
             la.name as "leadUnit", la.deadline, p.submitted_at as "submittedAt", p.updated_at as "updatedAt"
             ${search ? sql`, p.body` : sql``}
        from page p
        left join plenary_sessions ps on ps.id = p.session_id and ps.committee_id = p.committee_id
        left join lateral (select u.name, a.deadline from proposal_assignments a join handling_units u on u.id = a.unit_id
                            where a.committee_id = p.committee_id and a.proposal_id = p.id and a.role in ('lead', 'split')
                              and a.status in ('active', 'objected') order by a.created_at limit 1) la on true
       order by p.rank desc, ${order}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from proposals p where ${w}`),
  ]);
  const rows = items.rows.map(({ body, ...r }) => (search ? { ...r, highlight: listHighlight({ title: r.title, body: body ?? '', firstSigner: r.firstSigner }, search.terms) } : r));
  return { items: rows, total: total.rows[0].n };
}
