import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import type { ApiScope } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiScopeEnum } from '../../common/graphql-enums';
import { Region } from '../regions/region.entity';
import { User } from './user.entity';

/**
 * A third party's API token. The secret is shown once at creation; only its SHA-256 is kept (the
 * secret is 32 random bytes, so a fast hash is enough — unlike a password it cannot be guessed).
 */
@Entity({ tableName: 'api_token' })
// The keyset order of the token list by default: the newest first (read backwards).
@Index({ properties: ['createdAt', 'id'] })
@ObjectType({ implements: Node, description: "A third party's API token (its secret is shown once, at creation)" })
export class ApiToken implements Node {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'expiresAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  name!: string;

  @Property({ type: 'string', length: 16, unique: true })
  @Field(() => String, { description: 'The first characters of the token, to recognise it' })
  prefix!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  @Property({ type: 'text[]' })
  @Field(() => [ApiScopeEnum])
  scopes!: ApiScope[];

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @ManyToOne(() => User, { deleteRule: 'restrict', index: true })
  createdBy!: Rel<User>;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  @Field(() => Date, { nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}
