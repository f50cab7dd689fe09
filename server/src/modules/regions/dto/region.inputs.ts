import { GlobalIdField } from '../../../common/global-id';
import { IsOptional, Length, Matches, MaxLength, Max, Min } from 'class-validator';
import type { RegionLevel } from '@massline/shared';
import { REGION_CODE_PATTERN } from '@massline/shared';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { asEnum, RegionLevelEnum, SortDirectionEnum, type SortDirection } from '../../../common/graphql-enums';

@InputType({ description: 'Which regions to list; every condition given must hold.' })
export class RegionFilter {
  @GlobalIdField('Region', { nullable: true, description: 'Children of this region; null for the root.' })
  parentId?: string | null;

  @GlobalIdField('Region', { nullable: true, description: 'This region and every region under it.' })
  withinId?: string | null;

  @Field(() => RegionLevelEnum, { nullable: true })
  level?: RegionLevel | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (either language) or the start of the code' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export const RegionOrderFieldEnum = asEnum(['CODE', 'NAME', 'LEVEL'] as const);
export type RegionOrderField = keyof typeof RegionOrderFieldEnum;
registerEnumType(RegionOrderFieldEnum, {
  name: 'RegionOrderField',
  description: 'The fields a list of Region records sorts by; ties are broken by id, so pages are stable.',
});

@InputType({ description: 'How to sort a list of regions: a field and a direction.' })
export class RegionOrder {
  @Field(() => RegionOrderFieldEnum)
  field!: RegionOrderField;

  @Field(() => SortDirectionEnum)
  direction!: SortDirection;
}

@ArgsType()
export class RegionListArgs {
  @Field(() => RegionFilter, { nullable: true })
  filter?: RegionFilter | null;

  @Field(() => RegionOrder, { nullable: true })
  orderBy?: RegionOrder | null;
}

@InputType({ description: 'A new region under an existing one; its level is the one below its parent’s.' })
export class CreateRegionInput {
  @GlobalIdField('Region', { description: 'The region to add it under.' })
  parentId!: string;

  @Field(() => String, { description: 'Administrative division code, digits' })
  @Matches(REGION_CODE_PATTERN, { message: '2 to 12 digits' })
  code!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Between 1 and 100 characters' })
  name!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Between 1 and 100 characters' })
  nameEn!: string;
}

@InputType({ description: 'A region’s population and households in one period (rates per resident or household are computed from them).' })
export class SetRegionStatisticsInput {
  @GlobalIdField('Region', { description: 'The region.' })
  regionId!: string;

  @Field(() => String, { description: 'A year, quarter or month: 2026, 2026-Q3, 2026-07' })
  period!: string;

  @Field(() => Int)
  @Min(1, { message: 'Must be positive' })
  @Max(2_000_000_000)
  population!: number;

  @Field(() => Int)
  @Min(1, { message: 'Must be positive' })
  @Max(2_000_000_000)
  households!: number;
}
