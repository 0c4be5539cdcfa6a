import { describe, expect, it } from 'vitest';
import { AppError, errorDef } from '../src/platform/errors.js';
import type { AnyWorkflow } from '../src/platform/workflow.js';
import { registeredWorkflows, workflowSection } from '../scripts/workflow-docs.js';
import { testModules } from './support/modules.js';

/**
 * Every workflow a manifest declares, walked state × action × actor through the platform's kernel.
 * A new module's workflow is tested here the moment its manifest lists it (the skeleton module in
 * test/support/skeleton proves it), and its table is written out as a matrix file beside this
 * test, so a change to any table shows in review and must be committed with it.
 */
const workflows = registeredWorkflows(testModules());

function matrix(wf: AnyWorkflow): string {
  const lines = [`# ${wf.title}: state × action → target (— refused); actors per action`];
  for (const a of wf.actionList) lines.push(`${a} (${wf.transitions[a].label}) by ${wf.transitions[a].by.join(', ')}`);
  lines.push('');
  for (const s of wf.stateList) {
    const cells = wf.actionList.map((a) => {
      const p = wf.plan(s, a, wf.targetsOf(a, s).at(-1));
      return `${a}=${p.ok ? wf.targetsOf(a, s).join('|') : '—'}`;
    });
    lines.push(`${s}${wf.isTerminal(s) ? ' [terminal]' : ''}: ${cells.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

/** Every subset of the workflow's actors (they are few: at most 7, so 128 sets). */
function actorSets(wf: AnyWorkflow): string[][] {
  const actors = Object.keys(wf.actors);
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << actors.length; mask++) out.push(actors.filter((_, i) => mask & (1 << i)));
  return out;
}

describe('the workflow registry', () => {
  it('holds every module workflow once, the skeleton module included', () => {
    const names = workflows.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['proposal', 'proposal_key', 'duty_record', 'social_info', 'skeleton_request']));
  });

  it('draws the skeleton module without naming it in the docs script', () => {
    expect(workflowSection(workflows)).toContain('### Skeleton requests (骨架申请)');
  });
});

describe.each(workflows.map((wf) => [wf.name, wf] as const))('workflow %s', (_name, wf) => {
  it('checks every state × action × set of actors: 403 for the wrong actor first, then 409 for the wrong state', () => {
    let cases = 0;
    for (const s of wf.stateList) {
      for (const a of wf.actionList) {
        const t = wf.transitions[a];
        for (const actors of actorSets(wf)) {
          const got = wf.check(s, a, new Set(actors));
          const want = !t.by.some((b: string) => actors.includes(b)) ? 'not_allowed' : !t.from.includes(s) ? 'invalid_transition' : null;
          expect(got, `${s} × ${a} × [${actors}]`).toBe(want);
          expect(wf.allowedActions(s, new Set(actors)).includes(a)).toBe(want === null);
          cases++;
        }
      }
    }
    expect(cases).toBe(wf.stateList.length * wf.actionList.length * 2 ** Object.keys(wf.actors).length);
  });

  it('plans every state × action into a declared state, and only the listed targets', () => {
    for (const s of wf.stateList) {
      for (const a of wf.actionList) {
        const targets: string[] = wf.targetsOf(a, s);
        const legal = wf.transitions[a].from.includes(s);
        for (const to of targets) {
          const p = wf.plan(s, a, to);
          expect(p.ok, `${s} × ${a} → ${to}`).toBe(legal);
          if (p.ok) expect(wf.stateList).toContain(p.to);
        }
        if (legal && targets.length > 1) expect(wf.plan(s, a)).toEqual({ ok: false, reason: 'invalid_target' });
        const outside = wf.stateList.find((x: string) => !targets.includes(x));
        if (legal && outside) expect(wf.plan(s, a, outside)).toEqual({ ok: false, reason: 'invalid_target' });
      }
    }
  });

  it('reaches every state from the initial one; only terminal states have no way out', () => {
    const seen = new Set<string>([wf.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...seen]) for (const a of wf.actionList) if (wf.transitions[a].from.includes(s)) {
        for (const to of wf.targetsOf(a, s)) if (!seen.has(to)) { seen.add(to); grew = true; }
      }
    }
    expect([...seen].sort()).toEqual([...wf.stateList].sort());
    for (const s of wf.stateList) expect(wf.isTerminal(s)).toBe(!wf.actionList.some((a: string) => wf.transitions[a].from.includes(s)));
  });

  it('refuses with the module’s declared codes, 403 and 409, worded in both languages', () => {
    const s = wf.stateList[0];
    const a = wf.actionList[0];
    for (const [reason, status] of [['not_allowed', 403], ['invalid_transition', 409]] as const) {
      const e = wf.refusal(reason, a, s);
      expect(e).toBeInstanceOf(AppError);
      expect(errorDef(e.code)).toBeDefined();
      expect(e.status).toBe(status);
      for (const lang of ['zh', 'en'] as const) expect(e.messageIn(lang)).not.toMatch(/undefined|\[object/);
    }
  });

  it('draws every state and every move that changes the state', () => {
    const m = wf.mermaid();
    expect(m.startsWith(`stateDiagram-v2\n  [*] --> ${wf.initial}`)).toBe(true);
    for (const s of wf.stateList) expect(m).toContain(`  ${s} : ${s} ${wf.states[s]}`);
    for (const a of wf.actionList) {
      for (const from of wf.transitions[a].from) for (const to of wf.targetsOf(a, from)) {
        if (to !== from) expect(m).toMatch(new RegExp(`  ${from} --> ${to} : .*${wf.transitions[a].label}`));
      }
    }
  });

  it('matches its table as written out beside this test (commit the file with a table change)', async () => {
    await expect(matrix(wf)).toMatchFileSnapshot(`./__workflows__/${wf.name}.txt`);
  });
});
