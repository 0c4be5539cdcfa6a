import type { Executor } from '../../../platform/db/unit-of-work.js';
import { DEFAULT_PRESET, PRESETS } from '../domain/presets.js';
import { rulesSchema, type Rules } from '../domain/rules.js';
import { latestRuleSet, ruleSetById, versionsOf, type RuleSetRow } from '../rules.repository.js';

export interface EffectiveRules {
  rules: Rules;
  /** The stored set the rules come from (null: the default preset, nothing stored yet). */
  ruleSet: { id: string; year: number; version: number; frozenAt: string | null } | null;
  /** 'year': the year's own rules; 'carried_over': the latest earlier year's; 'default': the default preset. */
  source: 'year' | 'carried_over' | 'default';
}

// Stored rule sets never change (a change is a new version), so their parsed form can be kept.
const parsed = new Map<string, Rules>();
export function rulesOf(row: Pick<RuleSetRow, 'id' | 'rules'>): Rules {
  let r = parsed.get(row.id);
  if (!r) {
    r = rulesSchema.parse(row.rules);
    // Room for every committee of a national deployment (about 3,000) and a few years each.
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(row.id, r);
  }
  return r;
}

const head = (r: RuleSetRow) => ({ id: r.id, year: r.year, version: r.version, frozenAt: r.frozenAt });

/** The rules a year is scored by: its newest version, else the latest earlier year's, else the default preset (安庆). */
export async function effectiveRules(db: Executor, committeeId: string, year: number): Promise<EffectiveRules> {
  const own = await latestRuleSet(db, committeeId, year);
  if (own) return { rules: rulesOf(own), ruleSet: head(own), source: 'year' };
  const earlier = await latestRuleSet(db, committeeId, year, { before: true });
  if (earlier) return { rules: rulesOf(earlier), ruleSet: head(earlier), source: 'carried_over' };
  return { rules: PRESETS[DEFAULT_PRESET].rules, ruleSet: null, source: 'default' };
}

export async function rulesById(db: Executor, committeeId: string, id: string): Promise<Rules> {
  const row = await ruleSetById(db, committeeId, id);
  if (!row) throw new Error(`rule set ${id} missing in committee ${committeeId}`);
  return rulesOf(row);
}

/** The year's rules with the list of versions, for the settings page. */
export async function getRules(db: Executor, committeeId: string, year: number) {
  const eff = await effectiveRules(db, committeeId, year);
  return { year, ...eff, versions: await versionsOf(db, committeeId, year) };
}
