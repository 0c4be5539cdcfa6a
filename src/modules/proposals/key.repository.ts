import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import type { KeyStatus } from './key.workflow.js';

/** SQL only: key proposals (proposal_keys) and supervision events. The committee comes first. */

export type KeyRow = {
  id: string;
  proposalId: string;
  status: Exclude<KeyStatus, 'none'>;
  reason: string | null;
  decisionNote: string | null;
  approvals: number;
  leadLeaderUserId: string | null;
  leadLeaderName: string | null;
  channel: string | null;
  shortlistedAt: string;
  decidedAt: string | null;
};

const keyCols = sql`k.id, k.proposal_id as "proposalId", k.status, k.reason, k.decision_note as "decisionNote", k.approvals,
  k.lead_leader_user_id as "leadLeaderUserId", lu.display_name as "leadLeaderName", k.channel,
  k.shortlisted_at as "shortlistedAt", k.decided_at as "decidedAt"`;

export async function findKey(db: Executor, committeeId: string, proposalId: string, opts: { lock?: boolean } = {}): Promise<KeyRow | undefined> {
  const { rows } = await db.execute<KeyRow>(sql`
    select ${keyCols} from proposal_keys k left join users lu on lu.id = k.lead_leader_user_id
     where k.committee_id = ${committeeId} and k.proposal_id = ${proposalId} ${opts.lock ? sql`for update of k` : sql``}`);
  return rows[0];
}

export async function insertKey(db: Executor, committeeId: string, proposalId: string, f: { reason: string | null; by: string | null }) {
  await db.execute(sql`insert into proposal_keys (committee_id, proposal_id, status, reason, shortlisted_by)
    values (${committeeId}, ${proposalId}, 'shortlisted', ${f.reason}, ${f.by})`);
}

type KeyPatch = Partial<{
  status: Exclude<KeyStatus, 'none'>; reason: string | null; decisionNote: string | null; approvals: number;
  leadLeaderUserId: string | null; channel: string | null; shortlistedBy: string | null; decidedBy: string | null;
  shortlistedAt: 'now'; decidedAt: 'now' | null;
}>;
const keyColumn: Record<keyof KeyPatch, string> = {
  status: 'status', reason: 'reason', decisionNote: 'decision_note', approvals: 'approvals', leadLeaderUserId: 'lead_leader_user_id',
  channel: 'channel', shortlistedBy: 'shortlisted_by', decidedBy: 'decided_by', shortlistedAt: 'shortlisted_at', decidedAt: 'decided_at',
};

export async function patchKey(db: Executor, committeeId: string, proposalId: string, patch: KeyPatch) {
  const sets: SQL[] = Object.entries(patch).map(([k, v]) => {
    const c = sql.identifier(keyColumn[k as keyof KeyPatch]);
    return v === 'now' && k.endsWith('At') ? sql`${c} = now()` : sql`${c} = ${v}`;
  });
  if (!sets.length) return;
  await db.execute(sql`update proposal_keys set ${sql.join(sets, sql`, `)}, updated_at = now()
    where committee_id = ${committeeId} and proposal_id = ${proposalId}`);
}

export type SupervisionEventRow = {
  id: string;
  kind: string;
  heldOn: string;
  participants: string;
  notes: string;
  createdByName: string | null;
  createdAt: string;
};

export async function supervisionEventsOf(db: Executor, committeeId: string, proposalId: string): Promise<SupervisionEventRow[]> {
  const { rows } = await db.execute<SupervisionEventRow>(sql`
    select e.id, e.kind, e.held_on as "heldOn", e.participants, e.notes, u.display_name as "createdByName", e.created_at as "createdAt"
      from proposal_supervision_events e left join users u on u.id = e.created_by
     where e.committee_id = ${committeeId} and e.proposal_id = ${proposalId}
     order by e.held_on desc, e.created_at desc`);
  return rows;
}

export async function findSupervisionEvent(db: Executor, committeeId: string, eventId: string): Promise<{ id: string; proposalId: string } | undefined> {
  const { rows } = await db.execute<{ id: string; proposalId: string }>(sql`
    select id, proposal_id as "proposalId" from proposal_supervision_events where committee_id = ${committeeId} and id = ${eventId}`);
  return rows[0];
}

export async function insertSupervisionEvent(
  db: Executor, committeeId: string, proposalId: string,
  e: { kind: string; heldOn: string; participants: string; notes: string; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into proposal_supervision_events (committee_id, proposal_id, kind, held_on, participants, notes, created_by)
    values (${committeeId}, ${proposalId}, ${e.kind}, ${e.heldOn}, ${e.participants}, ${e.notes}, ${e.createdBy}) returning id`);
  return rows[0].id;
}

/** Active users holding the leader role in the committee (candidates for 领衔督办). */
export async function leadersOf(db: Executor, committeeId: string, ids?: readonly string[]): Promise<{ userId: string; name: string }[]> {
  const { rows } = await db.execute<{ userId: string; name: string }>(sql`
    select distinct u.id as "userId", u.display_name as name from user_roles r join users u on u.id = r.user_id
     where r.committee_id = ${committeeId} and r.role = 'leader' and u.active
       ${ids ? sql`and u.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)` : sql``}
     order by u.display_name`);
  return rows;
}

export type KeyListRow = {
  proposalId: string;
  title: string;
  numberLabel: string | null;
  state: string;
  category: string;
  status: Exclude<KeyStatus, 'none'>;
  reason: string | null;
  leadLeaderUserId: string | null;
  leadLeaderName: string | null;
  channel: string | null;
  shortlistedAt: string;
  decidedAt: string | null;
  events: number;
  lastEventOn: string | null;
  leadUnit: string | null;
};

/** Key proposals of the committee among those `visible` (SQL over `proposals p`), filtered by status and leader. */
export async function listKeys(
  db: Executor, committeeId: string, visible: SQL, f: { statuses: readonly string[]; leaderUserId?: string },
): Promise<KeyListRow[]> {
  const { rows } = await db.execute<KeyListRow>(sql`
    select p.id as "proposalId", p.title, p.number_label as "numberLabel", p.state, p.category, k.status, k.reason,
           k.lead_leader_user_id as "leadLeaderUserId", lu.display_name as "leadLeaderName", k.channel,
           k.shortlisted_at as "shortlistedAt", k.decided_at as "decidedAt",
           (select count(*)::int from proposal_supervision_events e where e.committee_id = k.committee_id and e.proposal_id = k.proposal_id) as events,
           (select max(e.held_on) from proposal_supervision_events e where e.committee_id = k.committee_id and e.proposal_id = k.proposal_id) as "lastEventOn",
           (select u.name from proposal_assignments a join handling_units u on u.id = a.unit_id
             where a.committee_id = k.committee_id and a.proposal_id = k.proposal_id and a.status in ('active', 'objected')
             order by case a.role when 'lead' then 0 when 'split' then 1 else 2 end limit 1) as "leadUnit"
      from proposal_keys k
      join proposals p on p.committee_id = k.committee_id and p.id = k.proposal_id
      left join users lu on lu.id = k.lead_leader_user_id
     where k.committee_id = ${committeeId}
       and k.status in (select jsonb_array_elements_text(${JSON.stringify(f.statuses)}::jsonb))
       ${f.leaderUserId ? sql`and k.lead_leader_user_id = ${f.leaderUserId}` : sql``}
       and ${visible}
     order by p.number nulls last, k.shortlisted_at
     limit 500`);
  return rows;
}

export type FiledRow = { id: string; title: string; numberLabel: string | null; category: string; tokens: string[]; titleTokens: string[]; sessionId: string | null };

/** Filed proposals awaiting assignment (交办), in number order. */
export async function filedProposals(db: Executor, committeeId: string, f: { sessionId?: string; limit: number }): Promise<{ rows: FiledRow[]; total: number }> {
  const where = sql`committee_id = ${committeeId} and state = 'filed' ${f.sessionId ? sql`and session_id = ${f.sessionId}` : sql``}`;
  const { rows } = await db.execute<FiledRow>(sql`
    select id, title, number_label as "numberLabel", category, tokens, title_tokens as "titleTokens", session_id as "sessionId"
      from proposals where ${where} order by number nulls last, filed_at limit ${f.limit}`);
  const { rows: n } = await db.execute<{ n: number }>(sql`select count(*)::int as n from proposals where ${where}`);
  return { rows, total: n[0].n };
}
