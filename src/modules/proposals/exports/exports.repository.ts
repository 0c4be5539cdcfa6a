import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { FILED_STATES } from './labels.js';

/** SQL only, for the letter, the book and the list export. The first argument after the executor is always the committee. */

export type LetterContext = {
  committeeName: string;
  shortName: string;
  level: string;
  termNumber: number | null;
  sessionNumber: number | null;
  sessionName: string | null;
};

/** The committee, term and session a proposal belongs to (for "市政协五届三次会议"). */
export async function letterContext(db: Executor, committeeId: string, proposalId: string): Promise<LetterContext | undefined> {
  const { rows } = await db.execute<LetterContext>(sql`
    select c.name as "committeeName", c.short_name as "shortName", c.level, t.number as "termNumber", ps.number as "sessionNumber",
           ps.name as "sessionName"
      from proposals p
      join committees c on c.id = p.committee_id
      left join terms t on t.id = p.term_id and t.committee_id = p.committee_id
      left join plenary_sessions ps on ps.id = p.session_id and ps.committee_id = p.committee_id
     where p.committee_id = ${committeeId} and p.id = ${proposalId}`);
  return rows[0];
}

export type SessionHeader = { id: string; name: string; number: number; termNumber: number; committeeName: string; shortName: string; level: string };

export async function sessionHeader(db: Executor, committeeId: string, sessionId: string): Promise<SessionHeader | undefined> {
  const { rows } = await db.execute<SessionHeader>(sql`
    select ps.id, ps.name, ps.number, t.number as "termNumber", c.name as "committeeName", c.short_name as "shortName", c.level
      from plenary_sessions ps join terms t on t.id = ps.term_id and t.committee_id = ps.committee_id
      join committees c on c.id = ps.committee_id
     where ps.committee_id = ${committeeId} and ps.id = ${sessionId}`);
  return rows[0];
}

export type ExportRow = {
  id: string;
  sessionName: string | null;
  numberLabel: string | null;
  title: string;
  category: string;
  kind: string;
  submitterName: string | null;
  state: string;
  proposers: string[];
  sector: string | null;
  leadUnit: string | null;
  coUnits: string[];
  deadline: string | null;
  replyClass: string | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
};

/**
 * The export columns of the given proposals, in the given order. Ratings count each rater's
 * latest round.
 */
export async function exportRows(db: Executor, committeeId: string, ids: readonly string[]): Promise<ExportRow[]> {
  if (!ids.length) return [];
  const { rows } = await db.execute<ExportRow>(sql`
    select p.id, ps.name as "sessionName", p.number_label as "numberLabel", p.title, p.category, p.kind, p.submitter_name as "submitterName",
           p.state,
           coalesce((select array_agg(m.name order by s.position) from proposal_signers s join members m on m.id = s.member_id
                      where s.committee_id = p.committee_id and s.proposal_id = p.id and s.status in ('first', 'confirmed')), '{}') as proposers,
           (select sc.name from proposal_signers s join members m on m.id = s.member_id join sectors sc on sc.id = m.sector_id
             where s.committee_id = p.committee_id and s.proposal_id = p.id and s.position = 1) as sector,
           la.name as "leadUnit", la.deadline,
           coalesce((select array_agg(u.name order by u.name) from proposal_assignments a join handling_units u on u.id = a.unit_id
                      where a.committee_id = p.committee_id and a.proposal_id = p.id and a.status in ('active', 'objected')
                        and (a.role = 'co' or (a.role = 'split' and u.name <> la.name))), '{}') as "coUnits",
           p.reply_class as "replyClass",
           coalesce(fb.satisfied, 0) as satisfied, coalesce(fb.basic, 0) as "basicallySatisfied", coalesce(fb.dis, 0) as dissatisfied
      from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) with ordinality as w(id, ord)
      join proposals p on p.committee_id = ${committeeId} and p.id = w.id::uuid
      left join plenary_sessions ps on ps.id = p.session_id and ps.committee_id = p.committee_id
      left join lateral (select u.name, a.deadline from proposal_assignments a join handling_units u on u.id = a.unit_id
                          where a.committee_id = p.committee_id and a.proposal_id = p.id and a.role in ('lead', 'split')
                            and a.status in ('active', 'objected') order by a.created_at, u.name limit 1) la on true
      left join lateral (select count(*) filter (where f.rating = 'satisfied')::int as satisfied,
                                count(*) filter (where f.rating = 'basically_satisfied')::int as basic,
                                count(*) filter (where f.rating = 'dissatisfied')::int as dis
                           from (select distinct on (f.member_id) f.rating from proposal_feedback f
                                  where f.committee_id = p.committee_id and f.proposal_id = p.id order by f.member_id, f.round desc) f) fb on true
     order by w.ord`);
  return rows;
}

export type BookRow = {
  id: string;
  numberLabel: string;
  mergedIntoId: string | null;
  title: string;
  category: string;
  kind: string;
  submitterName: string | null;
  body: string;
  proposers: string[];
  leadUnit: string | null;
  coUnits: string[];
  reply: { unitName: string; replyClass: string | null; body: string; releasedAt: string | null }[];
};

/**
 * The session's filed proposals (and those merged into them) in number order, with proposers,
 * units and the latest released reply of each answering unit (a merged proposal shows its master's).
 */
export async function bookRows(db: Executor, committeeId: string, sessionId: string): Promise<BookRow[]> {
  const { rows } = await db.execute<BookRow>(sql`
    select p.id, p.number_label as "numberLabel", p.merged_into_id as "mergedIntoId", p.title, p.category, p.kind,
           p.submitter_name as "submitterName", p.body,
           coalesce((select array_agg(m.name order by s.position) from proposal_signers s join members m on m.id = s.member_id
                      where s.committee_id = p.committee_id and s.proposal_id = p.id and s.status in ('first', 'confirmed')), '{}') as proposers,
           (select u.name from proposal_assignments a join handling_units u on u.id = a.unit_id
             where a.committee_id = p.committee_id and a.proposal_id = coalesce(p.merged_into_id, p.id) and a.role in ('lead', 'split')
               and a.status in ('active', 'objected') order by a.created_at, u.name limit 1) as "leadUnit",
           coalesce((select array_agg(u.name order by u.name) from proposal_assignments a join handling_units u on u.id = a.unit_id
                      where a.committee_id = p.committee_id and a.proposal_id = coalesce(p.merged_into_id, p.id) and a.role = 'co'
                        and a.status in ('active', 'objected')), '{}') as "coUnits",
           coalesce((select jsonb_agg(jsonb_build_object('unitName', x.unit_name, 'replyClass', x.reply_class, 'body', x.body, 'releasedAt', x.released_at)
                                      order by x.unit_name)
                       from (select distinct on (r.unit_id) u.name as unit_name, r.reply_class, r.body, r.released_at
                               from proposal_replies r join handling_units u on u.id = r.unit_id
                              where r.committee_id = p.committee_id and r.proposal_id = coalesce(p.merged_into_id, p.id) and r.status = 'released'
                              order by r.unit_id, r.round desc) x), '[]'::jsonb) as reply
      from proposals p
     where p.committee_id = ${committeeId} and p.session_id = ${sessionId} and p.number_label is not null
       and p.state in (select jsonb_array_elements_text(${JSON.stringify([...FILED_STATES, 'merged'])}::jsonb))
     order by coalesce((select m.number from proposals m where m.id = p.merged_into_id), p.number), p.merge_seq nulls first`);
  return rows;
}
