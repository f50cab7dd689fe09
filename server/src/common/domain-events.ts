import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './request-context';

/**
 * What a change did to one subject: the audit module records exactly this. `Before` and `After` are the
 * event type's payload, typed by the module that declares the event.
 */
export interface Change<Before = unknown, After = unknown> {
  subjectType: string;
  subjectId: string;
  /** Path of the region the subject belongs to: scopes who may read the event (null: platform-wide, the root's). */
  regionPath: string | null;
  before: Before;
  after: After;
}

/**
 * A module's events: each type (`module.verb`, e.g. `observation.record`, named after the audit action it
 * leaves) mapped to its change. A module declares its own map in `<module>.events.ts`.
 */
export type EventMap = { [action: string]: Change };

/** The constraint of a module's map: an interface of changes (which has no index signature). */
export type EventsOf<M> = { [K in keyof M]: Change };

/**
 * A change that happened, published by the service that made it, inside the same transaction. `action`
 * tells the type: a listener of `K` sees `M[K]`'s payload typed. Services never write the audit log
 * themselves: the audit module listens to every event.
 */
export type DomainEvent<M extends EventsOf<M> = EventMap, K extends keyof M & string = keyof M & string> = {
  [T in K]: { action: T } & M[T];
}[K];

/**
 * When a listener runs, relative to the others: every listener of a phase runs before any of the next.
 * - `record`: the record of the change itself (the audit log; a ledger);
 * - `derive`: data derived from the change, recomputed in the same transaction (assessments);
 * - `react`: reactions to the change and to what was derived (review alerts, notifications).
 * Within a phase, listeners run in the order they were registered: MODULES order, then the order of
 * each manifest's `listeners` list.
 */
export const LISTENER_PHASES = ['record', 'derive', 'react'] as const;
export type ListenerPhase = (typeof LISTENER_PHASES)[number];

/** A name for what a listener returns, for the service that published the events to read back. */
export class Outcome<T> {
  /** Ties the name to its type: never set. */
  declare readonly type: T;
  constructor(readonly name: string) {}
}

/** What the listeners of one publication returned, by outcome. */
export class EventOutcomes {
  private readonly values = new Map<Outcome<unknown>, unknown>();

  set<T>(outcome: Outcome<T>, value: T): void {
    this.values.set(outcome, value);
  }

  get<T>(outcome: Outcome<T>): T | undefined {
    return this.values.get(outcome) as T | undefined;
  }
}

/**
 * A listener, as registered: its name (shown by `EventBus.order()`), its phase, the event types it wants
 * (`'every'`: all of them) and its handler, called once per publication with the matching events.
 */
export interface EventListener {
  name: string;
  phase: ListenerPhase;
  actions: readonly string[] | 'every';
  handle(em: EntityManager, context: RequestContext, events: readonly DomainEvent[], outcomes: EventOutcomes): Promise<void>;
}

type Handler<E, R> = (em: EntityManager, context: RequestContext, event: E) => Promise<R>;

/** A listener of every event, one call per event (the audit log). */
export function onEveryEvent(name: string, phase: ListenerPhase, handle: Handler<DomainEvent, void>): EventListener {
  return {
    name,
    phase,
    actions: 'every',
    handle: async (em, context, events) => {
      for (const event of events) await handle(em, context, event);
    },
  };
}

/**
 * A listener of every event, one call per publication with all of them (the audit log: one multi-row
 * INSERT for an import's thousands of rows rather than one statement each).
 */
export function onEveryPublication(name: string, phase: ListenerPhase, handle: Handler<readonly DomainEvent[], void>): EventListener {
  return { name, phase, actions: 'every', handle: (em, context, events) => handle(em, context, events) };
}

/**
 * Typed listeners of one module's events: `listenersOf<HarmonyEvents>().each(…)` or `.batch(…)`.
 * The handler sees the payloads of the types it listens to, typed.
 */
export function listenersOf<M extends EventsOf<M>>() {
  return {
    /** One call per event of the given types. */
    each<K extends keyof M & string>(
      name: string,
      phase: ListenerPhase,
      actions: readonly K[],
      handle: Handler<DomainEvent<M, K>, void>,
    ): EventListener {
      return {
        name,
        phase,
        actions,
        handle: async (em, context, events) => {
          for (const event of events as readonly DomainEvent<M, K>[]) await handle(em, context, event);
        },
      };
    },
    /**
     * One call per publication (so per transaction) with all its events of the given types, if there is
     * any: for work done once however many rows changed. What it returns is kept as `outcome`.
     */
    batch<K extends keyof M & string, R>(
      name: string,
      phase: ListenerPhase,
      actions: readonly K[],
      handle: Handler<readonly DomainEvent<M, K>[], R>,
      outcome?: Outcome<R>,
    ): EventListener {
      return {
        name,
        phase,
        actions,
        handle: async (em, context, events, outcomes) => {
          const value = await handle(em, context, events as readonly DomainEvent<M, K>[]);
          if (outcome) outcomes.set(outcome, value);
        },
      };
    },
  };
}

/** Something that publishes a module's events: services get the bus under this type. */
export interface EventPublisher<M extends EventsOf<M>> {
  publish(em: EntityManager, context: RequestContext, events: readonly DomainEvent<M>[]): Promise<EventOutcomes>;
}

/**
 * The one event bus of the server. Listeners are registered by the app from the module manifests, in
 * MODULES order; they run by phase (`LISTENER_PHASES`), then in that order. Every listener runs with the
 * transaction's entity manager: if one fails, the change fails too.
 */
export class EventBus implements EventPublisher<EventMap> {
  private readonly listeners: EventListener[] = [];

  register(listener: EventListener): void {
    if (this.listeners.some((existing) => existing.name === listener.name)) throw new Error(`Listener ${listener.name} registered twice`);
    const phase = LISTENER_PHASES.indexOf(listener.phase);
    // After the last listener of its phase or of an earlier one: phases first, registration order within.
    const at = this.listeners.findIndex((existing) => LISTENER_PHASES.indexOf(existing.phase) > phase);
    this.listeners.splice(at < 0 ? this.listeners.length : at, 0, listener);
  }

  /** The listeners' names in the order they run. */
  order(): string[] {
    return this.listeners.map((listener) => listener.name);
  }

  async publish(em: EntityManager, context: RequestContext, events: readonly DomainEvent[]): Promise<EventOutcomes> {
    const outcomes = new EventOutcomes();
    for (const listener of this.listeners) {
      const wanted = listener.actions === 'every' ? events : events.filter((event) => listener.actions.includes(event.action));
      if (wanted.length === 0) continue;
      await listener.handle(em, context, wanted, outcomes);
    }
    return outcomes;
  }
}

/**
 * Runs a change in one transaction and publishes its events in the same transaction: the change, its
 * audit entries and what listeners derive from it are written together or not at all. Returns the
 * change's result and what the listeners returned.
 */
export async function changeInTransaction<M extends EventsOf<M>, T>(
  publisher: EventPublisher<M>,
  context: RequestContext,
  work: (em: EntityManager) => Promise<{ result: T; events: DomainEvent<M>[] }>,
): Promise<{ result: T; outcomes: EventOutcomes }> {
  return context.em.transactional(async (em) => {
    const outcome = await work(em);
    await em.flush();
    const outcomes = await publisher.publish(em, context, outcome.events);
    return { result: outcome.result, outcomes };
  });
}

/** `changeInTransaction` for a change whose caller needs no listener's outcome. */
export async function inTransaction<M extends EventsOf<M>, T>(
  publisher: EventPublisher<M>,
  context: RequestContext,
  work: (em: EntityManager) => Promise<{ result: T; events: DomainEvent<M>[] }>,
): Promise<T> {
  return (await changeInTransaction(publisher, context, work)).result;
}
