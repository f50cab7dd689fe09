import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity';

/** A party organization; its jurisdiction is its region and every region under it. */
@Entity({ tableName: 'organization' })
// The keyset order of the organization list by default: by name.
@Index({ properties: ['name', 'id'] })
@ObjectType({ implements: Node, description: "A party organization, whose jurisdiction is its region's subtree" })
export class Organization implements Node {
  [OptionalProps]?: 'createdAt' | 'active';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'boolean', default: true })
  @Field(() => Boolean)
  active: boolean = true;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
