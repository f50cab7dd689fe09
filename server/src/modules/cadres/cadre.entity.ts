import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { Region } from '../regions/region.entity';

/**
 * A cadre: a person who holds or held posts. Only the name is kept and public; no personal identifier
 * is stored (two cadres of one name are told apart by their region and terms). `region` is the region
 * whose organizations keep the record.
 */
@Entity({ tableName: 'cadre' })
// The keyset order of the cadre list by default: by name.
@Index({ properties: ['name', 'id'] })
@ObjectType({ implements: Node, description: 'A cadre: a person who holds or held posts (the name only; never a personal identifier)' })
export class Cadre implements Node {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  @Field(() => String, { description: 'The name, as the cadre is known in public' })
  name!: string;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the record was created' })
  createdAt: Date = new Date();
}
