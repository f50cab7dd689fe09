import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { REGION_LEVELS, type RegionLevel } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { RegionLevelEnum } from '../../common/graphql-enums';

/** A node of the region tree. `path` (codes from the root, `/44/4401/`) makes subtree scope one LIKE. */
@Entity({ tableName: 'region' })
@ObjectType({ implements: Node, description: 'A region: province, city, county or township' })
export class Region implements Node {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 12, unique: true })
  @Field(() => String, { description: 'Stable administrative division code' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field(() => String, { description: 'Name in Chinese' })
  name!: string;

  @Property({ type: 'string', length: 100 })
  @Field(() => String, { description: 'Name in English' })
  nameEn!: string;

  @Enum({ items: () => REGION_LEVELS })
  @Field(() => RegionLevelEnum)
  level!: RegionLevel;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', index: true })
  parent?: Rel<Region> | null;

  @Property({ type: 'string', length: 255, unique: true })
  @Index({ name: 'region_path_prefix_index', expression: 'create index "region_path_prefix_index" on "region" ("path" text_pattern_ops)' })
  @Field(() => String, { description: 'Codes from the root down to this region, e.g. /44/4401/' })
  path!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
