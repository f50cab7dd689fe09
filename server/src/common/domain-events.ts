import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './request-context';

/**
 * A change that happened, published by the service that made it, inside the same transaction. The audit
 * module listens and records it; others (alerts, ledger) will listen too. Services never write the audit
 * log themselves.
 */
export interface DomainEvent {
  /** `module.verb`, e.g. `user.create`, `citizen.verify`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Path of the region the subject belongs to: scopes who may read the event (null: platform-wide, the root's). */
  regionPath: string | null;
  before: unknown;
  after: unknown;
}

export type DomainEventListener = (em: EntityManager, context: RequestContext, event: DomainEvent) => Promise<void>;

export class DomainEvents {
  private readonly listeners: DomainEventListener[] = [];

  subscribe(listener: DomainEventListener): void {
    this.listeners.push(listener);
  }

  /** Runs every listener with the transaction's entity manager: if one fails, the change fails too. */
  async publish(em: EntityManager, context: RequestContext, event: DomainEvent): Promise<void> {
    for (const listener of this.listeners) await listener(em, context, event);
  }
}

/**
 * Runs a change in one transaction and publishes its events in the same transaction: the change and
 * its audit entries are written together or not at all.
 */
export async function inTransaction<T>(
  events: DomainEvents,
  context: RequestContext,
  work: (em: EntityManager) => Promise<{ result: T; events: DomainEvent[] }>,
): Promise<T> {
  return context.em.transactional(async (em) => {
    const outcome = await work(em);
    await em.flush();
    for (const event of outcome.events) await events.publish(em, context, event);
    return outcome.result;
  });
}
