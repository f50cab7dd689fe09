import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { AppRule } from '@massline/shared';
import { RoleEnum } from '../../../common/graphql-enums';
import type { Role } from '@massline/shared';
import { ApiToken } from '../api-token.entity';
import { User } from '../user.entity';

@ObjectType({ description: 'Who is asking, and what they may do' })
export class Viewer {
  @Field(() => User, { nullable: true, description: 'The signed-in user; null for an API token or anonymous' })
  user!: User | null;

  @Field(() => RoleEnum, { nullable: true })
  role!: Role | null;

  @Field(() => GraphQLJSON, { description: "The caller's CASL rules (shared/src/permissions): the console shows only what they allow" })
  rules!: AppRule[];
}

@ObjectType({ description: 'A token just issued, with its secret: the only answer that ever carries it.' })
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: 'The token to send as `Authorization: Bearer …`. Shown this once; only its hash is kept.' })
  secret!: string;
}
