import { IsOptional, MaxLength } from 'class-validator';
import { cadres } from '@massline/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { OrderType } from '../../../common/connection';
import { GlobalIdField } from '../../../common/global-id';
import { PostLevelEnum, TermEndReasonEnum } from '../cadres-enums';

const LENGTHS = cadres.CADRE_TEXT_LENGTHS;

// Text limits are checked by shared's cadreProblems and postProblems (coded problems the console words), as the forms check them.
@InputType({ description: 'A new cadre: the name, and the region whose organizations keep the record.' })
export class CreateCadreInput {
  @Field(() => String, { description: `The name as known in public (1 to ${LENGTHS.name} characters)` })
  name!: string;

  @GlobalIdField('Region', { description: 'The region whose organizations keep the record (of your jurisdiction).' })
  regionId!: string;
}

@InputType({ description: 'A new post: its titles, level, the region it serves and the organization it belongs to.' })
export class CreatePostInput {
  @Field(() => String, { description: `The title in English (1 to ${LENGTHS.title} characters)` })
  title!: string;

  @Field(() => String, { description: `The title in Chinese (1 to ${LENGTHS.title} characters)` })
  titleZh!: string;

  @Field(() => PostLevelEnum, { description: "The post's level: its region's level (VILLAGE: a township's village post)" })
  level!: cadres.PostLevel;

  @GlobalIdField('Region', { description: 'The region the post serves (of your jurisdiction).' })
  regionId!: string;

  @GlobalIdField('Organization', { description: "The organization the post belongs to: of the post's region or one above it." })
  organizationId!: string;
}

@InputType({ description: 'A cadre takes a post for a term: the tenure limits apply (one holder at a time, at most 5 years, …).' })
export class CreateTermInput {
  @GlobalIdField('Cadre', { description: 'The cadre.' }) cadreId!: string;
  @GlobalIdField('Post', { description: 'The post (of your jurisdiction).' }) postId!: string;

  @Field(() => String, { description: 'The first day (YYYY-MM-DD)' })
  @MaxLength(10)
  startsOn!: string;

  @Field(() => String, { description: 'The planned end (YYYY-MM-DD): at most 5 years after the first day' })
  @MaxLength(10)
  endsOn!: string;
}

@InputType({ description: 'Which cadres to list; every condition given must hold.' })
export class CadreFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Cadres kept by this region and the regions under it.' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export const CadreOrder = OrderType('Cadre', ['NAME', 'CREATED_AT'] as const);
export type CadreOrder = InstanceType<typeof CadreOrder>;

@ArgsType()
export class CadreListArgs {
  @Field(() => CadreFilter, { nullable: true, description: 'Which cadres; none: all of them' }) filter?: CadreFilter | null;
  @Field(() => CadreOrder, { nullable: true, description: 'Default: by name' }) orderBy?: CadreOrder | null;
}

@InputType({ description: 'Which posts to list; every condition given must hold.' })
export class PostFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Posts serving this region and the regions under it.' })
  regionId?: string | null;

  @GlobalIdField('Organization', { nullable: true, description: 'Posts of this organization.' })
  organizationId?: string | null;

  @Field(() => PostLevelEnum, { nullable: true, description: 'Posts of this level' })
  level?: cadres.PostLevel | null;

  @Field(() => String, { nullable: true, description: 'Part of the title, in either language' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export const PostOrder = OrderType('Post', ['TITLE', 'CREATED_AT'] as const);
export type PostOrder = InstanceType<typeof PostOrder>;

@ArgsType()
export class PostListArgs {
  @Field(() => PostFilter, { nullable: true, description: 'Which posts; none: all of them' }) filter?: PostFilter | null;
  @Field(() => PostOrder, { nullable: true, description: 'Default: by title' }) orderBy?: PostOrder | null;
}

@InputType({ description: 'Which terms to list; every condition given must hold.' })
export class TermFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Terms of posts serving this region and the regions under it.' })
  regionId?: string | null;

  @GlobalIdField('Cadre', { nullable: true, description: 'Terms of this cadre.' }) cadreId?: string | null;
  @GlobalIdField('Post', { nullable: true, description: 'Terms of this post.' }) postId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the terms held today; false: those that are not (ended, expired or to come)',
  })
  current?: boolean | null;
}

export const TermOrder = OrderType('Term', ['STARTS_ON', 'ENDS_ON'] as const);
export type TermOrder = InstanceType<typeof TermOrder>;

@ArgsType()
export class TermListArgs {
  @Field(() => TermFilter, { nullable: true, description: 'Which terms; none: all of them' }) filter?: TermFilter | null;
  @Field(() => TermOrder, { nullable: true, description: 'Default: the latest start first' }) orderBy?: TermOrder | null;
}

@ArgsType()
export class EndTermArgs {
  @Field(() => String, {
    description: 'The day it ended (YYYY-MM-DD): after its first day, at the latest on its planned end, not in the future',
  })
  @MaxLength(10)
  endedOn!: string;

  @Field(() => TermEndReasonEnum, { description: 'Why it ended' })
  reason!: cadres.TermEndReason;
}
