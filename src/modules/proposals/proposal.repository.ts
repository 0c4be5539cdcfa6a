import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { ProposalState } from './domain/proposal-workflow.js';

/** SQL only: proposals, signers, sessions, settings. The first argument after the executor is always the committee. */

export type ProposalRow = {
  id: string;
  termId: string | null;
  sessionId: string | null;
  occasion: 'plenary' | 'between_sessions';
  kind: string;
  submitterName: string | null;
  title: string;
  body: string;
  category: string;
  researchBasis: string | null;
  state: ProposalState;
  round: number;
  numberScope: string | null;
  number: number | null;
  numberLabel: string | null;
  mergedIntoId: string | null;
  mergeSeq: number | null;
  decisionCode: string | null;
  decisionNote: string | null;
  replyClass: string | null;
  tokens: string[];
  titleTokens: string[];
  dfTokens: string[] | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  filedAt: string | null;
  releasedAt: string | null;
  closedAt: string | null;
};

const cols = sql`id, term_id as "termId", session_id as "sessionId", occasion, kind, submitter_name as "submitterName", title, body,
  category, research_basis as "researchBasis", state, round, number_scope as "numberScope", number, number_label as "numberLabel",
  merged_into_id as "mergedIntoId", merge_seq as "mergeSeq", decision_code as "decisionCode", decision_note as "decisionNote",
  reply_class as "replyClass", tokens, title_tokens as "titleTokens", df_tokens as "dfTokens", created_at as "createdAt",
  updated_at as "updatedAt", submitted_at as "submittedAt", filed_at as "filedAt", released_at as "releasedAt", closed_at as "closedAt"`;

export async function findProposal(db: Executor, committeeId: string, id: string, opts: { lock?: boolean } = {}): Promise<ProposalRow | undefined> {
  const { rows } = await db.execute<ProposalRow>(sql`select ${cols} from proposals where committee_id = ${committeeId} and id = ${id}
    ${opts.lock ? sql`for update` : sql``}`);
  return rows[0];
}

export interface NewProposal {
  termId: string | null;
  sessionId: string | null;
  occasion: string;
  kind: string;
  submitterName: string | null;
  title: string;
  body: string;
  category: string;
  researchBasis: string | null;
  tokens: string[];
  titleTokens: string[];
  createdBy: string | null;
}

const textArray = (xs: readonly string[]) => sql`${JSON.stringify(xs)}::jsonb`;
/** A text[] from a JSON array parameter (node-postgres sends JS arrays as arrays, but JSON keeps empty arrays typed). */
export const toTextArray = (xs: readonly string[]) => sql`array(select jsonb_array_elements_text(${textArray(xs)}))::text[]`;

export async function insertProposal(db: Executor, committeeId: string, p: NewProposal): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into proposals (committee_id, term_id, session_id, occasion, kind, submitter_name, title, body, category, research_basis,
                           tokens, title_tokens, created_by)
    values (${committeeId}, ${p.termId}, ${p.sessionId}, ${p.occasion}, ${p.kind}, ${p.submitterName}, ${p.title}, ${p.body}, ${p.category},
            ${p.researchBasis}, ${toTextArray(p.tokens)}, ${toTextArray(p.titleTokens)}, ${p.createdBy})
    returning id`);
  return rows[0].id;
}

/**
 * A draft keyed by its source (unique per committee): null when that source already has its
 * proposal, so a repeated request writes nothing.
 */
export async function insertProposalFromSource(db: Executor, committeeId: string, sourceRef: string, p: NewProposal): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into proposals (committee_id, term_id, session_id, occasion, kind, submitter_name, title, body, category, research_basis,
                           tokens, title_tokens, created_by, source_ref)
    values (${committeeId}, ${p.termId}, ${p.sessionId}, ${p.occasion}, ${p.kind}, ${p.submitterName}, ${p.title}, ${p.body}, ${p.category},
            ${p.researchBasis}, ${toTextArray(p.tokens)}, ${toTextArray(p.titleTokens)}, ${p.createdBy}, ${sourceRef})
    on conflict (committee_id, source_ref) do nothing
    returning id`);
  return rows[0]?.id ?? null;
}

export async function updateContent(db: Executor, committeeId: string, id: string, p: Omit<NewProposal, 'createdBy'>) {
  await db.execute(sql`
    update proposals set term_id = ${p.termId}, session_id = ${p.sessionId}, occasion = ${p.occasion}, kind = ${p.kind},
      submitter_name = ${p.submitterName}, title = ${p.title}, body = ${p.body}, category = ${p.category}, research_basis = ${p.researchBasis},
      tokens = ${toTextArray(p.tokens)}, title_tokens = ${toTextArray(p.titleTokens)}, updated_at = now()
    where committee_id = ${committeeId} and id = ${id}`);
}

export async function setState(db: Executor, committeeId: string, id: string, state: ProposalState) {
  await db.execute(sql`update proposals set state = ${state}, updated_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

type Patchable = Partial<{
  numberScope: string; number: number; numberLabel: string; mergedIntoId: string; mergeSeq: number; decisionCode: string | null;
  decisionNote: string | null; replyClass: string | null; category: string; round: number; dfTokens: string[];
  submittedAt: 'now'; filedAt: 'now'; releasedAt: 'now'; closedAt: 'now';
}>;
const column: Record<keyof Patchable, string> = {
  numberScope: 'number_scope', number: 'number', numberLabel: 'number_label', mergedIntoId: 'merged_into_id', mergeSeq: 'merge_seq',
  decisionCode: 'decision_code', decisionNote: 'decision_note', replyClass: 'reply_class', category: 'category', round: 'round',
  dfTokens: 'df_tokens', submittedAt: 'submitted_at', filedAt: 'filed_at', releasedAt: 'released_at', closedAt: 'closed_at',
};

/** Sets the given columns (timestamps given as 'now'). */
export async function patchProposal(db: Executor, committeeId: string, id: string, patch: Patchable) {
  const sets = Object.entries(patch).map(([k, v]) => {
    const c = sql.identifier(column[k as keyof Patchable]);
    if (v === 'now' && k.endsWith('At')) return sql`${c} = now()`;
    if (Array.isArray(v)) return sql`${c} = ${toTextArray(v)}`;
    return sql`${c} = ${v}`;
  });
  if (!sets.length) return;
  await db.execute(sql`update proposals set ${sql.join(sets, sql`, `)}, updated_at = now() where committee_id = ${committeeId} and id = ${id}`);
}

export type SignerRow = {
  proposalId: string;
  memberId: string;
  name: string;
  position: number;
  status: 'first' | 'invited' | 'confirmed' | 'declined' | 'lapsed';
  respondedAt: string | null;
};

export async function signersOf(db: Executor, committeeId: string, proposalIds: readonly string[]): Promise<SignerRow[]> {
  if (!proposalIds.length) return [];
  const { rows } = await db.execute<SignerRow>(sql`
    select s.proposal_id as "proposalId", s.member_id as "memberId", m.name, s.position, s.status, s.responded_at as "respondedAt"
      from proposal_signers s join members m on m.id = s.member_id and m.committee_id = s.committee_id
     where s.committee_id = ${committeeId} and s.proposal_id in (select jsonb_array_elements_text(${JSON.stringify(proposalIds)}::jsonb)::uuid)
     order by s.proposal_id, s.position`);
  return rows;
}

export async function insertSigner(db: Executor, committeeId: string, proposalId: string, memberId: string, position: number, status: SignerRow['status']) {
  await db.execute(sql`insert into proposal_signers (committee_id, proposal_id, member_id, position, status)
    values (${committeeId}, ${proposalId}, ${memberId}, ${position}, ${status})`);
}

export async function deleteSigner(db: Executor, committeeId: string, proposalId: string, memberId: string) {
  await db.execute(sql`delete from proposal_signers where committee_id = ${committeeId} and proposal_id = ${proposalId} and member_id = ${memberId}`);
}

export async function setSignerStatus(db: Executor, committeeId: string, proposalId: string, memberId: string, status: SignerRow['status']) {
  await db.execute(sql`update proposal_signers set status = ${status}, responded_at = now()
    where committee_id = ${committeeId} and proposal_id = ${proposalId} and member_id = ${memberId}`);
}

/** Co-signers who did not confirm by submission no longer count (they stay listed as lapsed). */
export async function lapseUnconfirmed(db: Executor, committeeId: string, proposalId: string) {
  await db.execute(sql`update proposal_signers set status = 'lapsed'
    where committee_id = ${committeeId} and proposal_id = ${proposalId} and status in ('invited', 'declined')`);
}

/** First signers and confirmed co-signers of the proposals merged into `masterId`. */
export async function mergedSigners(db: Executor, committeeId: string, masterId: string): Promise<SignerRow[]> {
  const { rows } = await db.execute<SignerRow>(sql`
    select s.proposal_id as "proposalId", s.member_id as "memberId", m.name, s.position, s.status, s.responded_at as "respondedAt"
      from proposals p
      join proposal_signers s on s.committee_id = p.committee_id and s.proposal_id = p.id and s.status in ('first', 'confirmed')
      join members m on m.id = s.member_id and m.committee_id = s.committee_id
     where p.committee_id = ${committeeId} and p.merged_into_id = ${masterId}
     order by p.merge_seq, s.position`);
  return rows;
}

export async function mergedInto(db: Executor, committeeId: string, masterId: string) {
  const { rows } = await db.execute<{ id: string; title: string; numberLabel: string | null; mergeSeq: number }>(sql`
    select id, title, number_label as "numberLabel", merge_seq as "mergeSeq" from proposals
     where committee_id = ${committeeId} and merged_into_id = ${masterId} order by merge_seq`);
  return rows;
}

/** Active members of the committee among `ids`. */
export async function activeMembers(db: Executor, committeeId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId} and status = 'active'
    and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
  return rows.map((r) => r.id);
}

export type SessionInfo = {
  id: string;
  termId: string;
  name: string;
};

export async function sessionById(db: Executor, committeeId: string, id: string): Promise<SessionInfo | undefined> {
  const { rows } = await db.execute<SessionInfo>(sql`select id, term_id as "termId", name from plenary_sessions where committee_id = ${committeeId} and id = ${id}`);
  return rows[0];
}

/** The latest plenary session of the current term, if any; else the current term alone. */
export async function currentSession(db: Executor, committeeId: string): Promise<{ termId: string | null; session: SessionInfo | null }> {
  const { rows } = await db.execute<{ termId: string; id: string | null; name: string | null }>(sql`
    select t.id as "termId", s.id, s.name from terms t
      left join lateral (select id, name from plenary_sessions where committee_id = t.committee_id and term_id = t.id order by number desc limit 1) s on true
     where t.committee_id = ${committeeId} and t.is_current order by t.number desc limit 1`);
  const r = rows[0];
  if (!r) return { termId: null, session: null };
  return { termId: r.termId, session: r.id ? { id: r.id, termId: r.termId, name: r.name! } : null };
}

export async function sessionNames(db: Executor, committeeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ id: string; name: string }>(sql`select id, name from plenary_sessions where committee_id = ${committeeId}
    and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The proposals part of the committee's settings (raw; parse with parseSettings). */
export async function readSettings(db: Executor, committeeId: string): Promise<unknown> {
  const { rows } = await db.execute<{ s: unknown }>(sql`select settings -> 'proposals' as s from committees where id = ${committeeId}`);
  return rows[0]?.s ?? {};
}

export async function writeSettings(db: Executor, committeeId: string, value: unknown) {
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{proposals}', ${JSON.stringify(value)}::jsonb, true) where id = ${committeeId}`);
}

/** The next number of a numbering scope. The upsert holds the counter row's lock until commit, so numbers have no gaps. */
export async function nextNumber(db: Executor, committeeId: string, scope: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    insert into proposal_counters (committee_id, scope, last_number) values (${committeeId}, ${scope}, 1)
    on conflict (committee_id, scope) do update set last_number = proposal_counters.last_number + 1
    returning last_number as n`);
  return rows[0].n;
}
