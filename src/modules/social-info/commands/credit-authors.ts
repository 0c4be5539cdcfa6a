import type { UnitOfWork } from '../../../platform/db/unit-of-work.js';

/**
 * Credits the authors on their duty records (履职积分) through the generic `duty.recorded`
 * event of the performance module's contract (src/modules/performance/events.ts). The shape is
 * copied, not imported: this module does not depend on performance. The source ref makes each
 * credit count once — a published item once, its adoption once, each instruction level once.
 */
export async function creditAuthors(
  uow: UnitOfWork,
  committeeId: string,
  c: { kind: 'social_info' | 'social_info_adopted' | 'leader_instruction'; sourceRef: string; title: string; memberIds: string[]; occurredOn?: string },
): Promise<void> {
  if (!c.memberIds.length) return; // an organisation's item without named members credits nobody
  await uow.emit({
    type: 'duty.recorded',
    committeeId,
    entityId: null,
    payload: {
      kind: c.kind,
      sourceRef: c.sourceRef,
      title: c.title.slice(0, 200),
      members: c.memberIds.map((memberId, i) => ({ memberId, role: i === 0 ? 'first' : 'cosigner' })),
      ...(c.occurredOn ? { occurredOn: c.occurredOn } : {}),
    },
  });
}
