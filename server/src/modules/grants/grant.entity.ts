import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { grants } from '@massline/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GlobalIdField } from '../../common/global-id';
import { Node } from '../../common/node';
import { Region } from '../regions/region.entity';
import { Cadre } from '../cadres/cadre.entity';
import { Post } from '../cadres/post.entity';
import { GrantingBodyKindEnum, GrantMethodEnum } from './grants-enums';

/**
 * A power grant (PRODUCT.md, "Mechanism 3"): who was given which post (the power exerciser), by whom (the
 * granting body, the power giver) and how (appointment or election). Its procedure, objections, ending
 * and corrections are records of their own. Append-only: the database refuses UPDATE, DELETE and
 * TRUNCATE; where it stands is derived from its records, never stored.
 */
@Entity({ tableName: 'power_grant' })
@Index({ properties: ['createdAt', 'id'] })
@Check({ name: 'power_grant_term_years', expression: 'term_years >= 1 and term_years <= 5' })
@ObjectType({ implements: Node, description: 'A power grant: a post given to a cadre by a body, by appointment or election, step by step' })
export class Grant implements Node {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Post, { deleteRule: 'restrict', index: true })
  post!: Rel<Post>;

  @ManyToOne(() => Cadre, { deleteRule: 'restrict', index: true })
  cadre!: Rel<Cadre>;

  /** The post's region: whose organizations record the grant, whose citizens see its notice. */
  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @Property({ type: 'uuid' })
  @GlobalIdField('Organization', { description: 'The organization that recorded the grant.', output: true })
  organizationId!: string;

  @Enum({ items: () => grants.GRANT_METHODS })
  @Field(() => GrantMethodEnum)
  method!: grants.GrantMethod;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The granting body, e.g. "Standing Committee of the Dongshan County People’s Congress"' })
  bodyName!: string;

  @Enum({ items: () => grants.GRANTING_BODY_KINDS })
  @Field(() => GrantingBodyKindEnum)
  bodyKind!: grants.GrantingBodyKind;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The term granted, in years (1 to 5), from the day it takes effect' })
  termYears!: number;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
