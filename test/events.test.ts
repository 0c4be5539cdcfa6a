import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { eventBus, EventBus, type DomainEvent } from '../src/platform/events.js';
import { transact } from '../src/platform/db/unit-of-work.js';
import { testDatabase } from './support/db.js';
import { uniq } from './support/factories.js';
import { waitFor } from './support/wait.js';

const actor = { userId: null, label: 'test' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedEvents(type: string) {
  const { rows } = await testDatabase().db.execute<{ type: string; entity_id: string; payload: unknown }>(
    sql`select type, entity_id, payload from domain_events where type = ${type} order by id`);
  return rows;
}

describe('domain events', () => {
  const unsubscribe: (() => void)[] = [];
  afterEach(() => {
    while (unsubscribe.length) unsubscribe.pop()!();
  });

  it('are heard only after the commit, and by then the change is visible to everyone', async () => {
    const db = testDatabase().db;
    const type = uniq('test.happened');
    const committeeId = crypto.randomUUID();
    const heard: { event: DomainEvent; visible: number }[] = [];
    unsubscribe.push(
      eventBus.subscribe(type, async (event) => {
        // Another connection sees the stored event: the transaction has committed.
        const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from domain_events where type = ${type}`);
        heard.push({ event, visible: rows[0].n });
      }),
    );
    await transact(db, actor, async (uow) => {
      await uow.emit({ type, committeeId, entityId: 'e1', payload: { a: 1 } });
      await uow.emit({ type, committeeId, entityId: 'e2', payload: { a: 2 } });
      // Still inside the transaction: nobody has heard anything.
      await sleep(100);
      expect(heard).toEqual([]);
      const outside = await db.execute<{ n: number }>(sql`select count(*)::int as n from domain_events where type = ${type}`);
      expect(outside.rows[0].n).toBe(0);
    });
    await waitFor(() => expect(heard).toHaveLength(2));
    expect(heard.map((h) => h.event.entityId).sort()).toEqual(['e1', 'e2']);
    expect(heard.every((h) => h.visible === 2)).toBe(true);
    expect(await storedEvents(type)).toEqual([
      { type, entity_id: 'e1', payload: { a: 1 } },
      { type, entity_id: 'e2', payload: { a: 2 } },
    ]);
  });

  it('are never heard, nor stored, when the transaction rolls back', async () => {
    const db = testDatabase().db;
    const type = uniq('test.rolled_back');
    const heard: DomainEvent[] = [];
    unsubscribe.push(eventBus.subscribe(type, (e) => void heard.push(e)));
    unsubscribe.push(eventBus.subscribe('*', (e) => void (e.type === type && heard.push(e))));
    await expect(
      transact(db, actor, async (uow) => {
        await uow.emit({ type, committeeId: crypto.randomUUID(), payload: {} });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await sleep(150);
    expect(heard).toEqual([]);
    expect(await storedEvents(type)).toEqual([]);
  });

  it('a failing subscriber affects neither the change nor the other subscribers', async () => {
    const db = testDatabase().db;
    const type = uniq('test.partly_failing');
    const bus = eventBus;
    const failures: unknown[] = [];
    const onError = bus.onError;
    bus.onError = (err) => failures.push(err);
    try {
      const heard: string[] = [];
      unsubscribe.push(bus.subscribe(type, () => { throw new Error('listener broke'); }));
      unsubscribe.push(bus.subscribe(type, async () => void heard.push('second')));
      unsubscribe.push(bus.subscribe('*', (e) => void (e.type === type && heard.push('wildcard'))));
      const result = await transact(db, actor, async (uow) => {
        await uow.emit({ type, committeeId: crypto.randomUUID() });
        return 'done';
      });
      expect(result).toBe('done');
      await waitFor(() => expect(heard.sort()).toEqual(['second', 'wildcard']));
      await waitFor(() => expect(failures).toHaveLength(1));
      expect(String(failures[0])).toContain('listener broke');
      expect(await storedEvents(type)).toHaveLength(1);
    } finally {
      bus.onError = onError;
    }
  });

  it('unsubscribing stops delivery', async () => {
    const bus = new EventBus();
    const heard: string[] = [];
    const off = bus.subscribe('x.y', (e) => void heard.push(e.entityId ?? ''));
    bus.publishAll([{ type: 'x.y', committeeId: 'c', entityId: '1' }]);
    await waitFor(() => expect(heard).toEqual(['1']));
    off();
    bus.publishAll([{ type: 'x.y', committeeId: 'c', entityId: '2' }]);
    await sleep(10);
    expect(heard).toEqual(['1']);
  });
});
