import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { chinaDate } from '../../../platform/time.js';
import { parseMetrics } from '../domain/kinds.js';
import {
  DUTY_RECORDED, DUTY_REVOKED, dutyRecordedPayload, dutyRevokedPayload, proposalCreditPayload,
  PROPOSAL_SOURCES, PROPOSALS_FILED, PROPOSALS_SUBMITTED, PROPOSALS_WITHDRAWN,
} from '../events.js';
import { findBySource } from '../record.repository.js';
import { recordAutomatically, revokeAutomatic } from './credit.js';

/** An event as stored in domain_events. */
export type StoredEvent = {
  type: string;
  committeeId: string;
  entityId: string | null;
  payload: unknown;
  createdAt: string;
};

const system = { userId: null, label: 'system:performance' };

/**
 * Turns one event into automatic duty records (or voids them), idempotently: the same event
 * applied twice changes nothing. Events of one source are serialised by an advisory lock, so a
 * withdrawal handled before the submission it revokes still wins. Malformed payloads are
 * skipped (returned as 'ignored') rather than failing every later replay.
 */
export async function applyDutyEvent(db: Db, e: StoredEvent): Promise<'created' | 'voided' | 'unchanged' | 'ignored'> {
  const { committeeId } = e;
  const occurredOn = chinaDate(e.createdAt);
  const lock = (ref: string) => sql`select pg_advisory_xact_lock(hashtextextended(${`perf-src:${committeeId}:${ref}`}, 0))`;

  if (e.type === DUTY_RECORDED || e.type === DUTY_REVOKED) {
    if (e.type === DUTY_REVOKED) {
      const p = dutyRevokedPayload.safeParse(e.payload);
      if (!p.success) return 'ignored';
      return transact(db, system, async (uow) => {
        await uow.tx.execute(lock(p.data.sourceRef));
        return (await revokeAutomatic(uow, committeeId, [DUTY_RECORDED], p.data.sourceRef, DUTY_REVOKED)) ? 'voided' : 'unchanged';
      });
    }
    const p = dutyRecordedPayload.safeParse(e.payload);
    if (!p.success) return 'ignored';
    const metrics = parseMetrics(p.data.kind, p.data.metrics ?? {});
    if (!metrics.ok) return 'ignored';
    return transact(db, system, async (uow) => {
      await uow.tx.execute(lock(p.data.sourceRef));
      const revoked = await uow.tx.execute(sql`select 1 from domain_events where committee_id = ${committeeId} and type = ${DUTY_REVOKED}
        and payload->>'sourceRef' = ${p.data.sourceRef} limit 1`);
      if (revoked.rows.length) return 'unchanged';
      const r = await recordAutomatically(uow, committeeId, {
        kind: p.data.kind, occurredOn: p.data.occurredOn ?? occurredOn, title: p.data.title, units: p.data.units ?? 1, metrics: metrics.metrics,
        members: p.data.members, sourceType: DUTY_RECORDED, sourceRef: p.data.sourceRef,
      });
      return r.created ? 'created' : 'unchanged';
    });
  }

  if (e.type === PROPOSALS_WITHDRAWN) {
    const proposalId = e.entityId ?? (e.payload as { proposalId?: string } | null)?.proposalId;
    if (!proposalId) return 'ignored';
    return transact(db, system, async (uow) => {
      await uow.tx.execute(lock(proposalId));
      return (await revokeAutomatic(uow, committeeId, PROPOSAL_SOURCES, proposalId, PROPOSALS_WITHDRAWN)) ? 'voided' : 'unchanged';
    });
  }

  if (PROPOSAL_SOURCES.includes(e.type)) {
    const p = proposalCreditPayload.safeParse(e.payload);
    if (!p.success) return 'ignored';
    const { proposalId, members } = p.data;
    return transact(db, system, async (uow) => {
      await uow.tx.execute(lock(proposalId));
      const withdrawn = await uow.tx.execute(sql`select 1 from domain_events where committee_id = ${committeeId} and type = ${PROPOSALS_WITHDRAWN}
        and entity_id = ${proposalId} limit 1`);
      if (withdrawn.rows.length) return 'unchanged';
      let title = p.data.title ?? '提案';
      if (e.type !== PROPOSALS_SUBMITTED) {
        const submitted = await findBySource(uow.tx, committeeId, PROPOSALS_SUBMITTED, proposalId);
        title = `${submitted?.title ?? '提案'}（${e.type === PROPOSALS_FILED ? '立案' : '并案'}${p.data.numberLabel ?? ''}）`;
      }
      const r = await recordAutomatically(uow, committeeId, {
        kind: e.type === PROPOSALS_SUBMITTED ? 'proposal' : 'proposal_filed', occurredOn, title,
        members: members.map((m) => ({ memberId: m.memberId, role: m.role })), sourceType: e.type, sourceRef: proposalId,
      });
      return r.created ? 'created' : 'unchanged';
    });
  }
  return 'ignored';
}
