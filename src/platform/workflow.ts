/**
 * The workflow kernel: a module declares a workflow once — its states, the actors relative to one
 * record, and the transition table — and gets from it everything the module used to write by
 * hand: the allowed actions (abilities sent to clients), terminal states, the diagram in
 * docs/architecture.md, and one `move` that runs
 *
 *   lock the record in the caller's committee (404) → actor check (403) → state check (409)
 *   → the action's own work → new state, audit row and event row — in one transaction.
 *
 * The tables stay data (`as const satisfies …`), so a test can walk every state × action of every
 * registered workflow (manifests list them in `workflows`).
 *
 * @example
 * const door = defineWorkflow({
 *   name: 'door', title: 'Doors (门)', initial: 'closed',
 *   states: { closed: '关', open: '开' },
 *   actors: { keeper: 'holds the key' },
 *   transitions: {
 *     open: { from: ['closed'], to: 'open', by: ['keeper'], label: '开门' },
 *     close: { from: ['open'], to: 'closed', by: ['keeper'], label: '关门' },
 *   },
 *   errors: { notAllowed: 'door.not_allowed', invalidTransition: 'door.invalid_transition' },
 * });
 * await door.move(uow, { action: 'open', committeeId, entityId: id, load, writeState, event: 'door.opened' });
 */
import { AppError } from './errors.js';
import type { DomainEvent } from './events.js';
import type { UnitOfWork } from './db/unit-of-work.js';

export interface TransitionDef<S extends string = string, R extends string = string> {
  from: readonly S[];
  /** The state after the move; a list when the command picks by its data; 'same' when the state does not change. */
  to: S | readonly S[] | 'same';
  by: readonly R[];
  /** zh label (shown in the UI, the diagram and error messages). */
  label: string;
  /** en label; defaults to the action's name with spaces. */
  labelEn?: string;
}

export interface WorkflowDef<S extends string, R extends string, T extends Record<string, TransitionDef<S, R>>> {
  /** Identifier, also the audit action prefix (`<name>.<action>`) unless the move names its own. */
  name: string;
  /** Heading of the diagram in docs/architecture.md. */
  title: string;
  /** zh labels of the states (the keys are the stored values). */
  states: Record<S, string>;
  /** en labels of the states; default: the key. */
  statesEn?: Partial<Record<S, string>>;
  /** Where a record starts (drawn as [*] → initial). */
  initial: NoInfer<S>;
  /** Who acts, relative to one record, with a line saying who that is. */
  actors: Record<R, string>;
  transitions: T;
  /** Error codes (declared with defineErrors) for a refused move; params: state, stateLabel, action, actionLabel. */
  errors: { notAllowed: string; invalidTransition: string };
  /** How moves that keep the state are drawn: omitted (default) or as a note on the state. */
  drawSelfMoves?: 'omit' | 'note';
}

export type Refusal = 'not_allowed' | 'invalid_transition';
export type Plan<S extends string> = { ok: true; from: S; to: S } | { ok: false; reason: Refusal | 'invalid_target' };

/** What an action's own work may add to the move. */
export interface MoveOutcome<S extends string> {
  /** For actions with several targets: the one the data chose. */
  to?: S;
  /** Recorded in the audit row next to the states. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Added to the action's event payload. */
  payload?: Record<string, unknown>;
  /** Further events of the same move. */
  events?: DomainEvent[];
}

/** The record as the move sees it, locked: its state and the caller's relations to it. */
export interface Loaded<S extends string, R extends string> {
  state: S;
  actors: ReadonlySet<R>;
}

export interface MoveSpec<S extends string, R extends string, A extends string, L extends Loaded<S, R>> {
  action: A;
  committeeId: string;
  /** Audit entity and id. */
  entity: string;
  entityId: string;
  /** Loads and locks the record in the committee; throws the module's 404 when it is absent or invisible. */
  load(): Promise<L>;
  /**
   * A refusal of the module's own (e.g. "you cannot verify your own record"), asked before the
   * generic one; return null to use the workflow's error codes.
   */
  refuse?(reason: Refusal, loaded: L): AppError | null;
  /** The action's own invariants and writes (after the checks, before the state is written). */
  work?(loaded: L, from: S): Promise<MoveOutcome<S> | void>;
  /** Writes the new state (called only when it changes, unless `always`). */
  writeState(to: S, from: S, loaded: L, outcome: MoveOutcome<S>): Promise<void>;
  /** Call writeState even when the state stays (a move that also stamps columns). */
  writeAlways?: boolean;
  /** Audit action; default `<workflow name>.<action>`. */
  auditAction?: string;
  /** Key under which states go in the audit row (default 'state'). */
  stateKey?: string;
  /** The event type, or a function of the new state. */
  event: string | ((to: S, from: S) => string);
  /** Payload of the action's event besides action/from/to and outcome.payload. */
  payload?(loaded: L, from: S, to: S): Record<string, unknown>;
  /** Runs last, in the same transaction (notices). */
  after?(loaded: L, from: S, to: S, outcome: MoveOutcome<S>): Promise<void>;
}

export interface Workflow<S extends string = string, R extends string = string, A extends string = string> {
  readonly name: string;
  readonly title: string;
  readonly initial: S;
  readonly states: Readonly<Record<S, string>>;
  readonly actors: Readonly<Record<R, string>>;
  readonly transitions: Readonly<Record<A, TransitionDef<S, R>>>;
  readonly stateList: readonly S[];
  readonly actionList: readonly A[];
  readonly errors: { notAllowed: string; invalidTransition: string };
  stateLabel(state: S, lang?: 'zh' | 'en'): string;
  actionLabel(action: A, lang?: 'zh' | 'en'): string;
  /** Where `action` may end when taken in `from` ('same' resolves to `from`). */
  targetsOf(action: A, from: S): S[];
  /** The pure rule for the state: may `action` happen in `state`, and where does it lead? */
  plan(state: S, action: A, choose?: S): Plan<S>;
  /** The whole check, role first (403) then state (409); null when the move is allowed. */
  check(state: S, action: A, actors: ReadonlySet<R>): Refusal | null;
  /** The module's error for a refusal. */
  refusal(reason: Refusal, action: A, state: S): AppError;
  /** Actions one of `actors` may take in `state` (the abilities a client is sent). */
  allowedActions(state: S, actors: ReadonlySet<R>): A[];
  /** No action leaves the state. */
  isTerminal(state: S): boolean;
  /** The table as a Mermaid state diagram. */
  mermaid(): string;
  /** One move inside the caller's unit of work (see the file comment). */
  move<L extends Loaded<S, R>>(uow: UnitOfWork, spec: MoveSpec<S, R, A, L>): Promise<{ from: S; to: S; loaded: L; outcome: MoveOutcome<S> }>;
}

const humanize = (s: string) => s.replace(/_/g, ' ');

export function defineWorkflow<const S extends string, const R extends string, const T extends Record<string, TransitionDef<S, R>>>(
  def: WorkflowDef<S, R, T>,
): Workflow<S, R, Extract<keyof T, string>> {
  type A = Extract<keyof T, string>;
  const stateList = Object.keys(def.states) as S[];
  const actionList = Object.keys(def.transitions) as A[];
  const t = (a: A) => def.transitions[a] as TransitionDef<S, R>;
  for (const a of actionList) {
    const tr = t(a);
    for (const s of [...tr.from, ...(tr.to === 'same' ? [] : [tr.to].flat())]) {
      if (!(s in def.states)) throw new Error(`workflow ${def.name}: action ${a} names unknown state ${s}`);
    }
    for (const r of tr.by) if (!(r in def.actors)) throw new Error(`workflow ${def.name}: action ${a} names unknown actor ${r}`);
  }
  if (!(def.initial in def.states)) throw new Error(`workflow ${def.name}: unknown initial state ${def.initial}`);

  const targetsOf = (action: A, from: S): S[] => {
    const to = t(action).to;
    return to === 'same' ? [from] : typeof to === 'string' ? [to as S] : [...(to as readonly S[])];
  };
  const isTerminal = (state: S) => !actionList.some((a) => t(a).from.includes(state));
  const stateLabel = (s: S, lang: 'zh' | 'en' = 'zh') => (lang === 'en' ? def.statesEn?.[s] ?? humanize(s) : def.states[s]);
  const actionLabel = (a: A, lang: 'zh' | 'en' = 'zh') => (lang === 'en' ? t(a).labelEn ?? humanize(a) : t(a).label);

  const wf: Workflow<S, R, A> = {
    name: def.name,
    title: def.title,
    initial: def.initial,
    states: def.states,
    actors: def.actors,
    transitions: def.transitions as unknown as Record<A, TransitionDef<S, R>>,
    stateList,
    actionList,
    errors: def.errors,
    stateLabel,
    actionLabel,
    targetsOf,
    plan(state, action, choose) {
      if (!t(action).from.includes(state)) return { ok: false, reason: 'invalid_transition' };
      const targets = targetsOf(action, state);
      const to = choose ?? targets[0];
      if (!targets.includes(to) || (targets.length > 1 && choose === undefined)) return { ok: false, reason: 'invalid_target' };
      return { ok: true, from: state, to };
    },
    check(state, action, actors) {
      const tr = t(action);
      if (!tr.by.some((b) => actors.has(b))) return 'not_allowed';
      if (!tr.from.includes(state)) return 'invalid_transition';
      return null;
    },
    refusal(reason, action, state) {
      const code = reason === 'not_allowed' ? def.errors.notAllowed : def.errors.invalidTransition;
      const label = stateLabel(state);
      return new AppError(code, {
        state, stateLabel: label, status: state, statusLabel: label,
        action, actionLabel: actionLabel(action), actionLabelEn: actionLabel(action, 'en'), stateLabelEn: stateLabel(state, 'en'),
      });
    },
    allowedActions(state, actors) {
      return actionList.filter((a) => t(a).from.includes(state) && t(a).by.some((b) => actors.has(b)));
    },
    isTerminal,
    mermaid() {
      const edges = new Map<string, string[]>();
      const stays = new Map<S, string[]>();
      for (const a of actionList) {
        const tr = t(a);
        for (const from of tr.from) {
          for (const to of targetsOf(a, from)) {
            if (to === from) {
              if (def.drawSelfMoves === 'note') stays.set(from, [...(stays.get(from) ?? []), tr.label]);
              continue;
            }
            const key = `${from} --> ${to}`;
            const labels = edges.get(key) ?? [];
            if (!labels.includes(tr.label)) labels.push(tr.label);
            edges.set(key, labels);
          }
        }
      }
      const lines = ['stateDiagram-v2', `  [*] --> ${def.initial}`];
      for (const s of stateList) lines.push(`  ${s} : ${s} ${def.states[s]}`);
      for (const [key, labels] of edges) lines.push(`  ${key} : ${labels.join(' / ')}`);
      for (const [s, labels] of stays) lines.push(`  note right of ${s} : ${labels.join(' / ')}（状态不变）`);
      for (const s of stateList) if (isTerminal(s)) lines.push(`  ${s} --> [*]`);
      return lines.join('\n');
    },
    async move(uow, spec) {
      const loaded = await spec.load();
      const from = loaded.state;
      const refused = wf.check(from, spec.action, loaded.actors);
      if (refused) throw spec.refuse?.(refused, loaded) ?? wf.refusal(refused, spec.action, from);
      const outcome = (await spec.work?.(loaded, from)) ?? {};
      const plan = wf.plan(from, spec.action, outcome.to);
      // The table allows the action here (checked above); a wrong target is the command's bug, not the caller's.
      if (!plan.ok) throw new Error(`workflow ${def.name}: ${spec.action} from ${from} cannot end in ${String(outcome.to)}`);
      const to = plan.to;
      if (to !== from || spec.writeAlways) await spec.writeState(to, from, loaded, outcome);
      const key = spec.stateKey ?? 'state';
      await uow.audit({
        committeeId: spec.committeeId, action: spec.auditAction ?? `${def.name}.${spec.action}`, entity: spec.entity, entityId: spec.entityId,
        before: { [key]: from, ...outcome.before }, after: { [key]: to, ...outcome.after },
      });
      await uow.emit({
        type: typeof spec.event === 'string' ? spec.event : spec.event(to, from),
        committeeId: spec.committeeId,
        entityId: spec.entityId,
        payload: { ...spec.payload?.(loaded, from, to), action: spec.action, from, to, ...outcome.payload },
      });
      for (const e of outcome.events ?? []) await uow.emit(e);
      await spec.after?.(loaded, from, to, outcome);
      return { from, to, loaded, outcome };
    },
  };
  return wf;
}

/**
 * Any workflow, as the registry holds them (manifests, the docs script, the table tests): its
 * states and actions are only known as strings there, and `move` is never called through it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkflow = Workflow<any, any, any>;
