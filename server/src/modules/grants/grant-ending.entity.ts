import { randomUUID } from 'node:crypto';
import { Entity, Enum, OneToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Grant } from './grant.entity';
import { GRANT_ENDING_REASONS, type GrantEndingReason } from './grants-enums';

/** How a grant in effect ended (expiry, resignation, dismissal, recall), who decided and why; its term ends with it. One per grant. */
@Entity({ tableName: 'grant_ending' })
export class GrantEnding {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Grant, { owner: true, deleteRule: 'restrict', unique: 'grant_ending_once' })
  grant!: Rel<Grant>;

  @Enum({ items: () => GRANT_ENDING_REASONS })
  reason!: GrantEndingReason;

  @Property({ type: 'date' })
  endedOn!: string;

  @Property({ type: 'string', length: 200 })
  decidedBy!: string;

  @Property({ type: 'string', length: 2000 })
  why!: string;

  @Property({ type: 'uuid' })
  recordedBy!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
