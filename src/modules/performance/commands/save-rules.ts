import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { rulesInput, type RulesInputBody } from '../contracts.js';
import { PRESETS } from '../domain/presets.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { insertRuleSet, latestRuleSet, lockYear, yearIsFrozen } from '../rules.repository.js';

/**
 * Sets a year's rules — from a preset (安庆, 桐城, 济南) or in full — as a new version; earlier
 * versions stay for the record. Refused once the year's assessment is published (frozen).
 */
export async function saveRules(db: Db, caller: Caller, raw: RulesInputBody): Promise<{ id: string; version: number }> {
  const input = rulesInput.parse(raw);
  const rules = 'preset' in input ? PRESETS[input.preset].rules : input.rules;
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    await lockYear(uow.tx, committeeId, input.year);
    if (await yearIsFrozen(uow.tx, committeeId, input.year)) throw new AppError(PerformanceErrors['performance.rules_frozen'], { year: input.year });
    const before = await latestRuleSet(uow.tx, committeeId, input.year);
    const saved = await insertRuleSet(uow.tx, committeeId, { year: input.year, rules, note: input.note, createdBy: caller.actor.userId });
    await uow.audit({
      committeeId, action: 'rules.saved', entity: 'rule_set', entityId: saved.id,
      before: before ? { version: before.version, rules: before.rules } : null,
      after: { year: input.year, version: saved.version, preset: 'preset' in input ? input.preset : null, rules },
    });
    await uow.emit({ type: 'performance.rules_changed', committeeId, entityId: saved.id, payload: { year: input.year, version: saved.version } });
    return saved;
  });
}
