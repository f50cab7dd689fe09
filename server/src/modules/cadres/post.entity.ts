import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { cadres } from '@massline/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { Organization } from '../accounts/organization.entity';
import { Region } from '../regions/region.entity';
import { PostLevelEnum } from './cadres-enums';

/** A post: a position of an organization, serving a region at a level (a county's party secretary). */
@Entity({ tableName: 'post' })
// The keyset order of the post list by default: by title.
@Index({ properties: ['title', 'id'] })
@ObjectType({ implements: Node, description: 'A post: a position of an organization that serves a region, held by one cadre at a time' })
export class Post implements Node {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The title in English' })
  title!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The title in Chinese' })
  titleZh!: string;

  @ManyToOne(() => Organization, { deleteRule: 'restrict', index: true })
  organization!: Rel<Organization>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Enum({ items: () => cadres.POST_LEVELS })
  @Field(() => PostLevelEnum, { description: 'The level of government the post is at' })
  level!: cadres.PostLevel;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the post was recorded' })
  createdAt: Date = new Date();
}
