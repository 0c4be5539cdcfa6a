import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { officerInput, periodicalInput, topicInput } from '../contracts.js';
import { infoSettingsPatch, parseInfoSettings, type InfoSettings } from '../domain/settings.js';
import { InfoErrors } from '../social-info.errors.js';
import type { Caller } from '../social-info.policy.js';
import {
  activeMembers, insertOfficer, insertPeriodical, insertTopic, readInfoSettings, writeInfoSettings,
} from '../social-info.repository.js';
import { requireRole } from './issue-rules.js';

/** 选题: the info office publishes a topic of the season. */
export async function publishTopic(db: Db, caller: Caller, raw: { year: number; title: string; description?: string }): Promise<string> {
  const input = topicInput.parse(raw);
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const id = await insertTopic(uow.tx, caller.committeeId, input);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.topic_published', entity: 'social_info_topic', entityId: id, after: input });
    return id;
  });
}

/** 聘任信息员: a member is appointed information officer for a year with a monthly quota (default from settings). */
export async function appointOfficer(db: Db, caller: Caller, raw: { year: number; memberId: string; monthlyQuota?: number }): Promise<string> {
  const input = officerInput.parse(raw);
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const settings = parseInfoSettings(await readInfoSettings(uow.tx, caller.committeeId));
    if (!(await activeMembers(uow.tx, caller.committeeId, [input.memberId])).size) throw new AppError(InfoErrors['social_info.member_unknown']);
    const monthlyQuota = input.monthlyQuota ?? settings.defaultMonthlyQuota;
    const id = await insertOfficer(uow.tx, caller.committeeId, { ...input, monthlyQuota });
    if (!id) throw new AppError(InfoErrors['social_info.officer_exists']);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.officer_appointed', entity: 'social_info_officer', entityId: id, after: { ...input, monthlyQuota } });
    return id;
  });
}

/** A periodical (刊物) of the committee: 《社情民意》, 《政协信息》, 专报 … */
export async function createPeriodical(db: Db, caller: Caller, raw: { name: string; sort?: number }): Promise<string> {
  const input = periodicalInput.parse(raw);
  requireRole(caller, 'editor');
  return transact(db, caller.actor, async (uow) => {
    const id = await insertPeriodical(uow.tx, caller.committeeId, input);
    if (!id) throw new AppError(InfoErrors['social_info.periodical_exists']);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.periodical_created', entity: 'social_info_periodical', entityId: id, after: input });
    return id;
  });
}

/** Changes the committee's social-information settings (a patch); returns the effective settings. */
export async function updateInfoSettings(db: Db, caller: Caller, raw: Partial<InfoSettings>): Promise<InfoSettings> {
  const patch = infoSettingsPatch.parse(raw);
  requireRole(caller, 'editor');
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return transact(db, caller.actor, async (uow) => {
    const stored = ((await readInfoSettings(uow.tx, caller.committeeId)) ?? {}) as Record<string, unknown>;
    const before = parseInfoSettings(stored);
    const next = { ...stored, ...defined };
    await writeInfoSettings(uow.tx, caller.committeeId, next);
    const after = parseInfoSettings(next);
    await uow.audit({ committeeId: caller.committeeId, action: 'social_info.settings_changed', entity: 'committee', entityId: caller.committeeId, before, after });
    return after;
  });
}
