/**
 * Domain events and their subscribers. Modules emit events through UnitOfWork.emit: the event
 * row (domain_events) and one queued job per subscriber of its type are written in the writer's
 * transaction, so a rolled-back change is never heard and a committed one is delivered at least
 * once — by the job engine (platform/jobs.ts), with retries and backoff, even if the process
 * stops right after the commit. A subscriber may therefore hear an event twice and must be
 * idempotent (key what it writes by the event's source). Downstream modules subscribe instead of
 * being called.
 */
export interface DomainEvent<P = unknown> {
  type: string;
  committeeId: string;
  entityId?: string | null;
  payload?: P;
}

/** An event as a subscriber receives it: as stored, with its row id and commit-time timestamp. */
export interface StoredEvent<P = unknown> extends DomainEvent<P> {
  id: number;
  entityId: string | null;
  payload: P;
  createdAt: string;
}

type Handler = (e: StoredEvent) => void | Promise<void>;

export interface Subscription {
  /** Unique and stable: it names the queued jobs (`event:<name>`), which outlive a restart. */
  name: string;
  /** Event types heard; '*' hears every type. */
  types: string[];
  handler: Handler;
  /** Attempts before the delivery is left as failed (the admin's failed-jobs view, `xieshang jobs failed`). */
  maxAttempts: number;
}

export const EVENT_TASK_PREFIX = 'event:';
const DEFAULT_ATTEMPTS = 10;

export class EventBus {
  private subs = new Map<string, Subscription>();

  /**
   * Registers a subscriber. Registering the same name again replaces it, so a module's init may
   * run twice (`xieshang demo` seeds, then starts the server) without doubling deliveries.
   * Register before the job engine starts: it takes the subscribers it knows at start.
   */
  subscribe(name: string, types: string | string[], handler: Handler, opts: { maxAttempts?: number } = {}): () => void {
    const sub: Subscription = { name, types: typeof types === 'string' ? [types] : types, handler, maxAttempts: opts.maxAttempts ?? DEFAULT_ATTEMPTS };
    this.subs.set(name, sub);
    return () => {
      if (this.subs.get(name) === sub) this.subs.delete(name);
    };
  }

  /** The subscribers of one event type: one queued job each. */
  subscribersOf(type: string): Subscription[] {
    return [...this.subs.values()].filter((s) => s.types.includes(type) || s.types.includes('*'));
  }

  all(): Subscription[] {
    return [...this.subs.values()];
  }
}

export const eventBus = new EventBus();
