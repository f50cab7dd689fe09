import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { grants } from '@massline/shared';
import { Grant } from './grant.entity';

/**
 * One step of a grant's procedure, with its date and facts (checked by shared's rules when recorded).
 * `position` is its place in the procedure: unique per grant, so of two steps recorded on one grant at
 * once only one is written (the other is GRANT_STEP_OUT_OF_ORDER). Append-only; a correction is a
 * `grant_correction` referring to it.
 */
@Entity({ tableName: 'grant_step' })
@Unique({ name: 'grant_step_position_once', properties: ['grant', 'position'] })
@Unique({ name: 'grant_step_once', properties: ['grant', 'step'] })
export class GrantStep {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Grant, { deleteRule: 'restrict' })
  grant!: Rel<Grant>;

  @Enum({ items: () => grants.GRANT_RECORD_STEPS })
  step!: grants.GrantRecordStep;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'json' })
  facts!: Record<string, unknown>;

  @Property({ type: 'uuid' })
  recordedBy!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
