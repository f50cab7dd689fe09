import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../test/support/test-orm';
import { EventBus, inTransaction, onEveryEvent, type DomainEvent, type EventMap } from './domain-events';
import type { RequestContext } from './request-context';
import { sql } from './sql';

/** Listeners run inside the change's transaction: what they write and the change commit together, or neither. */
describe('events published in a transaction', () => {
  const orm = useTestOrm();
  const event: DomainEvent = { action: 'thing.create', subjectType: 'Thing', subjectId: '1', regionPath: null, before: null, after: null };
  const keys = async () =>
    (await sql<{ key: string }>(orm().em.fork(), `select key from sign_in_throttle where key like 'events-%' order by key`)).map(
      (row) => row.key,
    );
  const change = (bus: EventBus, key: string) =>
    inTransaction<EventMap, string>(bus, { em: orm().em.fork() } as RequestContext, async (em) => {
      await sql(em, `insert into sign_in_throttle (key, failures, window_started_at, next_attempt_at) values (?, 0, now(), now())`, [key]);
      return { result: key, events: [event] };
    });

  it('commit what the listeners write with the change', async () => {
    const bus = new EventBus();
    bus.register(
      onEveryEvent('writer', 'record', async (em) => {
        await sql(
          em,
          `insert into sign_in_throttle (key, failures, window_started_at, next_attempt_at) values ('events-listener', 0, now(), now())`,
        );
      }),
    );
    await change(bus, 'events-change');
    expect(await keys()).toEqual(['events-change', 'events-listener']);
  });

  it('roll the change back when a listener fails', async () => {
    const bus = new EventBus();
    bus.register(
      onEveryEvent('failing', 'react', async () => {
        throw new Error('listener failed');
      }),
    );
    await expect(change(bus, 'events-rolled-back')).rejects.toThrow('listener failed');
    expect(await keys()).not.toContain('events-rolled-back');
  });
});
