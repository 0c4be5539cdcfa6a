/**
 * The after-commit event bus. Modules emit events through UnitOfWork.emit (stored in
 * domain_events in the same transaction); subscribers run only after the commit, so a listener
 * never sees a change that was rolled back. A failing subscriber is logged and does not affect
 * the change or other subscribers. Downstream modules subscribe instead of being called.
 */
export interface DomainEvent<P = unknown> {
  type: string;
  committeeId: string;
  entityId?: string | null;
  payload?: P;
}

type Handler = (e: DomainEvent) => void | Promise<void>;

export class EventBus {
  private handlers = new Map<string, Handler[]>();
  onError: (err: unknown, e: DomainEvent) => void = (err) => console.error('event handler failed', err);

  subscribe(type: string, handler: Handler): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
    return () => this.handlers.set(type, (this.handlers.get(type) ?? []).filter((h) => h !== handler));
  }

  publishAll(events: DomainEvent[]): void {
    for (const e of events) {
      for (const h of [...(this.handlers.get(e.type) ?? []), ...(this.handlers.get('*') ?? [])]) {
        Promise.resolve()
          .then(() => h(e))
          .catch((err) => this.onError(err, e));
      }
    }
  }
}

export const eventBus = new EventBus();
