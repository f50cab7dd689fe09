import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Grant } from './grant.entity';
import { GrantStep } from './grant-step.entity';

/** A correction of a recorded step: its new date and facts (checked as the step was), and why. The step itself stays as it was. */
@Entity({ tableName: 'grant_correction' })
export class GrantCorrection {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Grant, { deleteRule: 'restrict', index: true })
  grant!: Rel<Grant>;

  @ManyToOne(() => GrantStep, { deleteRule: 'restrict', index: true })
  corrects!: Rel<GrantStep>;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'json' })
  facts!: Record<string, unknown>;

  @Property({ type: 'string', length: 1000 })
  reason!: string;

  @Property({ type: 'uuid' })
  recordedBy!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
