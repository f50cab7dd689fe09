import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { EventBus, listenersOf, onEveryEvent, Outcome, type Change, type DomainEvent } from './domain-events';
import type { RequestContext } from './request-context';

interface TestEvents {
  'thing.create': Change<null, { size: number }>;
  'thing.delete': Change<{ size: number }, null>;
}

const em = {} as EntityManager;
const context = {} as RequestContext;
const change = { subjectType: 'Thing', subjectId: '1', regionPath: null };
const created: DomainEvent<TestEvents> = { action: 'thing.create', ...change, before: null, after: { size: 3 } };
const deleted: DomainEvent<TestEvents> = { action: 'thing.delete', ...change, before: { size: 3 }, after: null };
const things = listenersOf<TestEvents>();

describe('EventBus', () => {
  it('runs listeners by phase, then in registration order, whatever order they were registered in', async () => {
    const bus = new EventBus();
    const ran: string[] = [];
    const log = (name: string) => async () => void ran.push(name);
    bus.register(things.each('react-1', 'react', ['thing.create'], log('react-1')));
    bus.register(things.each('derive-1', 'derive', ['thing.create'], log('derive-1')));
    bus.register(onEveryEvent('record-1', 'record', log('record-1')));
    bus.register(things.each('derive-2', 'derive', ['thing.create'], log('derive-2')));
    bus.register(onEveryEvent('record-2', 'record', log('record-2')));
    expect(bus.order()).toEqual(['record-1', 'record-2', 'derive-1', 'derive-2', 'react-1']);
    await bus.publish(em, context, [created]);
    expect(ran).toEqual(['record-1', 'record-2', 'derive-1', 'derive-2', 'react-1']);
  });

  it('gives each listener the events of its types, typed; every event to a listener of all', async () => {
    const bus = new EventBus();
    const sizes: number[] = [];
    const all: string[] = [];
    bus.register(onEveryEvent('all', 'record', async (_em, _context, event) => void all.push(event.action)));
    bus.register(things.each('sizes', 'derive', ['thing.create'], async (_em, _context, event) => void sizes.push(event.after.size)));
    await bus.publish(em, context, [created, deleted, created]);
    expect(all).toEqual(['thing.create', 'thing.delete', 'thing.create']);
    expect(sizes).toEqual([3, 3]);
  });

  it('calls a batch listener once per publication with its events, and keeps what it returns', async () => {
    const bus = new EventBus();
    const COUNTED = new Outcome<number>('counted');
    let calls = 0;
    bus.register(
      things.batch(
        'count',
        'derive',
        ['thing.create'],
        async (_em, _context, events) => {
          calls++;
          return events.length;
        },
        COUNTED,
      ),
    );
    const outcomes = await bus.publish(em, context, [created, deleted, created]);
    expect(calls).toBe(1);
    expect(outcomes.get(COUNTED)).toBe(2);
    expect((await bus.publish(em, context, [deleted])).get(COUNTED)).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('fails the publication when a listener fails, and runs none after it', async () => {
    const bus = new EventBus();
    const ran: string[] = [];
    bus.register(
      onEveryEvent('failing', 'record', async () => {
        throw new Error('no');
      }),
    );
    bus.register(onEveryEvent('later', 'react', async () => void ran.push('later')));
    await expect(bus.publish(em, context, [created])).rejects.toThrow('no');
    expect(ran).toEqual([]);
  });

  it('refuses a listener name registered twice', () => {
    const bus = new EventBus();
    bus.register(onEveryEvent('same', 'record', async () => undefined));
    expect(() => bus.register(onEveryEvent('same', 'react', async () => undefined))).toThrow('registered twice');
  });
});
