import { GlobalIdField } from '../../common/global-id';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FLOOD_BOUNDED_SECURITY_EVENTS, SECURITY_EVENT_KINDS, type SecurityEventKind } from '@massline/shared';
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { scoped } from '../../common/ability-filter';
import type { Connection, PageArgs } from '../../common/connection';
import type { RequestContext } from '../../common/request-context';
import type { SecurityEventInput, SecurityEventOrigin } from '../../common/security-log';
import type { SecurityEvent } from './security-event.entity';
import { SecurityEventKindEnum } from './security-event.entity';
import { SecurityEventRepository } from './security-event.repository';

@InputType({ description: 'Which security events to list; every condition given must hold.' })
export class SecurityEventFilter {
  @Field(() => [SecurityEventKindEnum], { nullable: true, description: 'Any of these kinds' })
  kinds?: SecurityEventKind[] | null;

  @GlobalIdField(['User', 'ApiToken'], { nullable: true, description: 'Only the events of this user or API token.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The e-mail signed in with or tried (exact)' })
  @IsOptional()
  @MaxLength(254)
  actorLabel?: string | null;

  @Field(() => String, { nullable: true, description: "The client's address (exact)" })
  @IsOptional()
  @MaxLength(64)
  address?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this time (inclusive)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive)' })
  to?: Date | null;
}

@ArgsType()
export class SecurityEventListArgs {
  @Field(() => SecurityEventFilter, { nullable: true })
  filter?: SecurityEventFilter | null;
}

const BOUNDED = new Set<SecurityEventKind>(FLOOD_BOUNDED_SECURITY_EVENTS);
const KINDS = new Set<string>(SECURITY_EVENT_KINDS);

/**
 * The security log: sign-ins, sign-outs, failed and throttled attempts, refused requests. Each event is
 * written in its own statement, outside the request's transaction. What an outsider can cause at will
 * (failures, throttling, refusals) is bounded per address: one row per kind and address per
 * `floodIntervalMs`; the events in between are counted in the next row of that kind and address
 * (`suppressedCount`) — counted in this process's memory, for a minute.
 */
export class SecurityLogService {
  private readonly recent = new Map<string, { writeAfter: number; suppressed: number }>();
  private nextSweep = 0;

  constructor(
    private readonly floodIntervalMs: number,
    private readonly log: (error: unknown) => void = (error) => console.error('[security-log]', error),
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event; never fails the request it describes (a write error goes to the server log). */
  async record(em: EntityManager, origin: SecurityEventOrigin, event: SecurityEventInput): Promise<void> {
    if (!KINDS.has(event.kind)) throw new Error(`Unknown security event kind ${event.kind}`);
    const suppressedCount = this.admit(event.kind, origin.ip);
    if (suppressedCount === null) return;
    const { actor } = event;
    try {
      await new SecurityEventRepository(em).append({
        kind: event.kind,
        actorKind: actor.kind,
        actorId: 'id' in actor ? (actor.id ?? null) : null,
        actorLabel: event.actorLabel?.slice(0, 254) ?? null,
        regionPath: event.regionPath,
        reason: event.reason ?? null,
        operation: event.operation?.slice(0, 128) ?? null,
        address: origin.ip?.slice(0, 64) ?? null,
        userAgent: origin.userAgent?.slice(0, 300) ?? null,
        requestId: origin.requestId,
        clientRequestId: origin.clientRequestId,
        suppressedCount,
      });
    } catch (error) {
      this.log(error);
    }
  }

  /** Null when the event is folded into a later row; else how many were folded into this one. */
  private admit(kind: SecurityEventKind, address: string | null): number | null {
    if (!BOUNDED.has(kind) || this.floodIntervalMs === 0) return 0;
    const now = this.now();
    this.sweep(now);
    const key = `${kind} ${address ?? 'unknown'}`;
    const seen = this.recent.get(key);
    if (seen && now < seen.writeAfter) {
      seen.suppressed++;
      return null;
    }
    this.recent.set(key, { writeAfter: now + this.floodIntervalMs, suppressed: 0 });
    return seen?.suppressed ?? 0;
  }

  /** Forgets addresses quiet for a minute, so that a flood of one-time addresses does not grow the map. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    for (const [key, seen] of this.recent) if (seen.writeAfter < now - 60_000) this.recent.delete(key);
  }

  list(context: RequestContext, page: PageArgs, { filter }: SecurityEventListArgs): Promise<Connection<SecurityEvent>> {
    const events = new SecurityEventRepository(context.em);
    return events.page(scoped(context.ability, 'read', 'SecurityEvent', events.requestedFilter(filter)), page);
  }
}
