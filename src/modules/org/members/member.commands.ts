import type { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { transact, type Actor, type UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { memberInput, type MemberInput, type MemberView } from '../contracts.js';
import { OrgErrors } from '../org.errors.js';
import { nameIndex } from './name-index.js';
import * as repo from './member.repository.js';

export function toRow(input: MemberInput, termId: string | null): repo.MemberRow {
  const idx = nameIndex(input.name);
  return {
    termId,
    name: input.name,
    namePinyin: idx.pinyin,
    nameInitials: idx.initials,
    gender: input.gender,
    ethnicity: input.ethnicity,
    birthDate: input.birthDate ?? null,
    party: input.party ?? null,
    sectorId: input.sectorId ?? null,
    specialCommitteeId: input.specialCommitteeId ?? null,
    roles: input.roles,
    employer: input.employer ?? null,
    title: input.title ?? null,
    phone: input.phone ?? null,
    status: input.status,
    leftAt: input.status === 'left' ? input.leftAt ?? null : null,
    leftReason: input.status === 'left' ? input.leftReason ?? null : null,
  };
}

async function checkInvariants(uow: UnitOfWork, committeeId: string, input: MemberInput, selfId?: string) {
  if (input.status === 'left' && (!input.leftAt || !input.leftReason)) throw new AppError(OrgErrors['member.left_needs_date']);
  if (input.sectorId && !(await repo.sectorBelongs(uow.tx, committeeId, input.sectorId))) throw new AppError(OrgErrors['member.sector_unknown']);
  if (input.specialCommitteeId && !(await repo.specialCommitteeBelongs(uow.tx, committeeId, input.specialCommitteeId)))
    throw new AppError(OrgErrors['member.special_committee_unknown']);
  if (input.phone) {
    const other = await repo.memberByPhone(uow.tx, committeeId, input.phone);
    if (other && other.id !== selfId) throw new AppError(OrgErrors['member.phone_taken'], { phone: input.phone, name: other.name });
  }
}

/** Adds a member to the committee's current term. */
export async function createMember(db: Db, actor: Actor, committeeId: string, raw: z.input<typeof memberInput>): Promise<MemberView> {
  const input = memberInput.parse(raw);
  return transact(db, actor, async (uow) => {
    await checkInvariants(uow, committeeId, input);
    const termId = await repo.currentTermId(uow.tx, committeeId);
    const [id] = await repo.insertMembers(uow.tx, committeeId, [toRow(input, termId)]);
    const view = (await repo.findMember(uow.tx, committeeId, id))!;
    await uow.touch(committeeId, repo.MEMBER_LIST_TOPIC);
    await uow.audit({ committeeId, action: 'member.created', entity: 'member', entityId: id, after: view });
    await uow.emit({ type: 'org.member_created', committeeId, entityId: id, payload: { memberId: id } });
    return view;
  });
}

/** Changes a member's record (a patch over the current values). */
export async function updateMember(db: Db, actor: Actor, committeeId: string, id: string, patch: Partial<MemberInput>): Promise<MemberView> {
  return transact(db, actor, async (uow) => {
    const before = await repo.findMember(uow.tx, committeeId, id);
    if (!before) throw new AppError(OrgErrors['member.not_found']);
    const merged = memberInput.parse({ ...before, ...stripUndefined(patch) });
    await checkInvariants(uow, committeeId, merged, id);
    await repo.updateMemberRow(uow.tx, committeeId, id, toRow(merged, await repo.memberTermId(uow.tx, committeeId, id)));
    const after = (await repo.findMember(uow.tx, committeeId, id))!;
    await uow.touch(committeeId, repo.MEMBER_LIST_TOPIC);
    await uow.audit({ committeeId, action: 'member.updated', entity: 'member', entityId: id, before, after });
    if (before.status !== after.status) {
      await uow.emit({ type: 'org.member_status_changed', committeeId, entityId: id, payload: { from: before.status, to: after.status } });
    }
    return after;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
