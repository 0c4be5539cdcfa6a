import { describe, expect, it } from 'vitest';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from '../src/modules/org/contracts.js';
import { ACTIVITY_TYPES, DUTY_KINDS, ORGANISER_KINDS } from '../src/modules/performance/domain/kinds.js';
import { PRESETS } from '../src/modules/performance/domain/presets.js';
import { DEFAULT_GRADES } from '../src/modules/performance/domain/rules.js';
import { PROPOSAL_STATES } from '../src/modules/proposals/domain/proposal-workflow.js';
import { proposalSettingsSchema } from '../src/modules/proposals/domain/settings.js';
import { SOURCE_KINDS } from '../src/modules/social-info/contracts.js';
import { INFO_STATES } from '../src/modules/social-info/domain/info-workflow.js';

// The web's files are loaded at run time: the server's typecheck (node16 resolution) does not cover web/ (web/tsconfig.json does).
type Catalogue = Record<string, string>;
const webFile = (f: string): Promise<Record<string, unknown>> => import(`../web/src/${f}`);
const { zhCN } = (await webFile('locales/zh-CN.ts')) as { zhCN: Catalogue };
const { en } = (await webFile('locales/en.ts')) as { en: Catalogue };
const { catalogs: socialInfo } = (await webFile('features/social-info/social-info-i18n.ts')) as { catalogs: { zh: Catalogue; en: Catalogue } };

/**
 * The web's label catalogue against the server's enums: every value the server can send has a
 * label in both languages, and the English one is English. Walks the server's own lists (and the
 * rule presets' group, quota and grade keys), so a kind, state or preset added on the server
 * fails here until the web names it.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const zh = zhCN;
const enAll = en;

/** Domain → the server's values, with the server's own Chinese label where it is fixed by the software. */
const rules = Object.values(PRESETS).map((p) => p.rules);
const SERVER: Record<string, Record<string, string | null>> = {
  dutyKind: { ...DUTY_KINDS },
  activityType: Object.fromEntries(Object.entries(ACTIVITY_TYPES).map(([k, v]) => [k, v.label])),
  organiserKind: { ...ORGANISER_KINDS },
  memberRole: Object.fromEntries(MEMBER_ROLES.map((r) => [r, MEMBER_ROLE_LABELS[r]])),
  grade: Object.fromEntries([...DEFAULT_GRADES, ...rules.flatMap((r) => r.grades)].map((g) => [g.key, null])),
  group: Object.fromEntries(rules.flatMap((r) => r.groups).map((g) => [g.key, null])),
  quota: Object.fromEntries(rules.flatMap((r) => r.quotas).map((q) => [q.key, null])),
  replyClass: Object.fromEntries(proposalSettingsSchema.parse({}).replyClasses.map((c) => [c.code, c.label])),
  month: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), `${i + 1}月`])),
};

describe('the web label catalogue covers the server enums', () => {
  for (const [domain, values] of Object.entries(SERVER)) {
    it(`${domain}: every value has a zh and an English label`, () => {
      expect(Object.keys(values).length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const [value, serverZh] of Object.entries(values)) {
        const key = `enum.${domain}.${value}`;
        if (!zh[key]) missing.push(`${key} (zh)`);
        else if (serverZh && zh[key] !== serverZh) missing.push(`${key}: zh "${zh[key]}" differs from the server's "${serverZh}"`);
        if (!enAll[key]) missing.push(`${key} (en)`);
        else if (CJK.test(enAll[key])) missing.push(`${key}: en "${enAll[key]}" is not English`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('proposal states (app catalogue) and 社情民意 states and sources (feature catalogue) are named in both languages', () => {
    const missing: string[] = [];
    const check = (cat: { zh: Record<string, string>; en: Record<string, string> }, key: string) => {
      if (!cat.zh[key]) missing.push(`${key} (zh)`);
      if (!cat.en[key] || CJK.test(cat.en[key])) missing.push(`${key} (en: ${cat.en[key]})`);
    };
    for (const s of Object.keys(PROPOSAL_STATES)) check({ zh, en: enAll }, `proposalState.${s}`);
    const si = socialInfo;
    for (const s of Object.keys(INFO_STATES)) check(si, `state.${s}`);
    for (const s of SOURCE_KINDS) check(si, `source.${s}`);
    expect(missing).toEqual([]);
  });

  it('every catalogue entry is in both languages, and the English ones hold no Chinese (but the language switch and a quoted title form)', () => {
    const QUOTES_CHINESE = new Set(['header.switchLang', 'proposals.fmt.title_pattern']);
    expect(Object.keys(zh).filter((k) => !enAll[k])).toEqual([]);
    expect(Object.entries(enAll).filter(([k, v]) => CJK.test(v) && !QUOTES_CHINESE.has(k)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});
