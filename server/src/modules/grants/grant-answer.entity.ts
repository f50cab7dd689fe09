import { randomUUID } from 'node:crypto';
import { Entity, OneToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { GrantObjection } from './grant-objection.entity';

/** The organization's answer to an objection: upheld (the grant stops) or not, with its reasons. One per objection. */
@Entity({ tableName: 'grant_answer' })
export class GrantAnswer {
  [OptionalProps]?: 'answeredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => GrantObjection, { owner: true, deleteRule: 'restrict', unique: 'grant_answer_once' })
  objection!: Rel<GrantObjection>;

  @Property({ type: 'boolean' })
  upheld!: boolean;

  @Property({ type: 'string', length: 2000 })
  reasons!: string;

  @Property({ type: 'uuid' })
  answeredBy!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  answeredAt: Date = new Date();
}
