import { describe, expect, it } from 'vitest';
import {
  ALL_INFO_STATES, INFO_ACTIONS, INFO_TRANSITIONS, infoWorkflow, type InfoAction, type InfoState,
} from '../../src/modules/social-info/domain/info-workflow.js';
import type { InfoActor } from '../../src/modules/social-info/domain/info-workflow.js';
import { check } from '../../src/modules/social-info/commands/move.js';
import type { ItemRow } from '../../src/modules/social-info/social-info.repository.js';

/** The expected table, written out independently: state → action → target (absent = refused). */
const EXPECTED: Record<InfoState, Partial<Record<InfoAction, InfoState>>> = {
  draft: { resubmit: 'submitted' },
  submitted: { screen: 'screening', return: 'returned', archive: 'archived', merge: 'merged' },
  screening: { accept: 'editing', return: 'returned', archive: 'archived', merge: 'merged' },
  editing: { edit: 'editing', return: 'returned', archive: 'archived', merge: 'merged', send_to_sign_off: 'sign_off' },
  sign_off: { send_back: 'editing', publish: 'published' },
  returned: { resubmit: 'submitted', archive: 'archived' },
  published: {},
  archived: {},
  merged: {},
};

describe('social-information workflow table', () => {
  it('every state × action pair is allowed exactly where expected, with the expected target', () => {
    const seen: string[] = [];
    for (const state of ALL_INFO_STATES) {
      for (const action of INFO_ACTIONS) {
        const plan = infoWorkflow.plan(state, action);
        const want = EXPECTED[state][action];
        if (want) expect(plan, `${state} × ${action}`).toEqual({ ok: true, from: state, to: want });
        else expect(plan, `${state} × ${action}`).toEqual({ ok: false, reason: 'invalid_transition' });
        seen.push(`${state}:${action}`);
      }
    }
    expect(seen).toHaveLength(ALL_INFO_STATES.length * INFO_ACTIONS.length);
  });

  it('who may act: authors only resubmit; the editor runs the desk; the signer sends back and publishes', () => {
    const by = (a: InfoAction) => [...INFO_TRANSITIONS[a].by].sort();
    expect(INFO_ACTIONS.filter((a) => by(a).includes('author'))).toEqual(['resubmit']);
    expect(INFO_ACTIONS.filter((a) => by(a).includes('signer')).sort()).toEqual(['publish', 'send_back']);
    expect(INFO_ACTIONS.filter((a) => !by(a).includes('editor'))).toEqual(['resubmit']);
    for (const state of ALL_INFO_STATES) {
      expect(infoWorkflow.allowedActions(state, new Set(['author']))).toEqual(state === 'returned' || state === 'draft' ? ['resubmit'] : []);
    }
  });

  it('published, archived and merged are terminal; every other state can be left', () => {
    expect(ALL_INFO_STATES.filter(infoWorkflow.isTerminal).sort()).toEqual(['archived', 'merged', 'published']);
  });
});

describe('check: every state × action × actor', () => {
  it('refuses a role the table does not name with not_allowed (403) before looking at the state (409)', () => {
    const actorSets: InfoActor[][] = [[], ['author'], ['editor'], ['signer'], ['author', 'editor', 'signer']];
    for (const state of ALL_INFO_STATES) {
      for (const action of INFO_ACTIONS) {
        for (const actors of actorSets) {
          const err = check({ row: { state } as ItemRow, actors: new Set(actors) }, action);
          const roleOk = INFO_TRANSITIONS[action].by.some((b: InfoActor) => actors.includes(b));
          const stateOk = infoWorkflow.plan(state, action).ok;
          const want = !roleOk ? 'social_info.not_allowed' : !stateOk ? 'social_info.invalid_transition' : null;
          expect(err?.code ?? null, `${state} × ${action} × [${actors}]`).toBe(want);
        }
      }
    }
  });
});

describe('diagram', () => {
  it('draws every non-self move of the table', async () => {
    const m = infoWorkflow.mermaid();
    expect(m).toContain('editing --> sign_off : 送签');
    expect(m).toContain('sign_off --> published : 刊发');
    expect(m).not.toContain('editing --> editing');
  });
});
