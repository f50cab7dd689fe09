import { GlobalIdField } from '../../../common/global-id';
import { IsEmail, IsOptional, Length, Matches, MaxLength, MinLength, ArrayNotEmpty, ArrayUnique } from 'class-validator';
import { API_SCOPES, type ApiScope, type UserRole } from '@massline/shared';
import { Field, InputType, ArgsType } from 'type-graphql';
import { OrderType } from '../../../common/connection';
import {
  asEnum,
  ApiScopeEnum,
  SortDirectionEnum,
  UserRoleEnum,
  type SortDirection,
  CitizenStatusEnum,
} from '../../../common/graphql-enums';
import { MIN_PASSWORD_LENGTH } from '../password';
import type { CitizenStatus } from '@massline/shared';
import { registerEnumType } from 'type-graphql';

/** ASCII only: a look-alike letter (Cyrillic "о" for "o") would make a second account that reads as the first. */
const ASCII_EMAIL = /^[!-~]+$/;

@InputType({ description: 'An e-mail and password of a person’s account.' })
export class SignInInput {
  @Field(() => String)
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MaxLength(200)
  password!: string;
}

@InputType({ description: 'A resident registers; an organization of the region then verifies the residence' })
export class RegisterCitizenInput {
  @Field(() => String)
  @IsEmail({ allow_utf8_local_part: false }, { message: 'Not an e-mail address' })
  @Matches(ASCII_EMAIL, { message: 'An e-mail address in ASCII (an international domain in its xn-- form)' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MinLength(MIN_PASSWORD_LENGTH, { message: `At least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Between 1 and 100 characters' })
  displayName!: string;

  @GlobalIdField('Region', { description: 'Region of residence.' })
  regionId!: string;
}

@InputType({ description: 'A new account: organization staff, auditor or citizen, with the region it belongs to.' })
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({ allow_utf8_local_part: false }, { message: 'Not an e-mail address' })
  @Matches(ASCII_EMAIL, { message: 'An e-mail address in ASCII (an international domain in its xn-- form)' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'Between 1 and 100 characters' })
  displayName!: string;

  @Field(() => UserRoleEnum)
  role!: UserRole;

  @Field(() => String, { description: `Initial password, at least ${MIN_PASSWORD_LENGTH} characters` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `At least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password!: string;

  @GlobalIdField('Region', {
    description: 'Jurisdiction (auditor), residence (citizen); for organization staff, the region of the organization.',
  })
  regionId!: string;

  @GlobalIdField('Organization', { nullable: true, description: 'Required for organization staff.' })
  @IsOptional()
  organizationId?: string | null;
}

export const CitizenDecisionEnum = asEnum(['VERIFY', 'REJECT'] as const);
export type CitizenDecision = keyof typeof CitizenDecisionEnum;
registerEnumType(CitizenDecisionEnum, {
  name: 'CitizenDecision',
  description:
    'An organization’s review of a citizen’s residence: VERIFY (the citizen becomes VERIFIED) or REJECT (REJECTED, with a reason).',
});

@InputType({ description: 'An organization’s decision on a citizen’s residence.' })
export class ReviewCitizenInput {
  @GlobalIdField('User', { description: 'The citizen whose residence is reviewed.' })
  userId!: string;

  @Field(() => CitizenDecisionEnum)
  decision!: CitizenDecision;

  @Field(() => String, {
    nullable: true,
    description:
      'The note kept with the decision and in its audit entry: why, when rejecting (required); what was checked, when verifying (optional)',
  })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

export const UserOrderFieldEnum = asEnum(['EMAIL', 'DISPLAY_NAME', 'CREATED_AT', 'ROLE'] as const);
export type UserOrderField = keyof typeof UserOrderFieldEnum;
registerEnumType(UserOrderFieldEnum, {
  name: 'UserOrderField',
  description: 'The fields a list of User records sorts by; ties are broken by id, so pages are stable.',
});

@InputType({ description: 'Which users to list; every condition given must hold.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the e-mail or name' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => UserRoleEnum, { nullable: true })
  role?: UserRole | null;

  @Field(() => CitizenStatusEnum, { nullable: true })
  citizenStatus?: CitizenStatus | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @GlobalIdField('Region', { nullable: true, description: 'Only users of this region and the regions under it.' })
  regionId?: string | null;
}

@InputType({ description: 'How to sort a list of users: a field and a direction.' })
export class UserOrder {
  @Field(() => UserOrderFieldEnum)
  field!: UserOrderField;

  @Field(() => SortDirectionEnum)
  direction!: SortDirection;
}

@ArgsType()
export class UserListArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter | null;

  @Field(() => UserOrder, { nullable: true })
  orderBy?: UserOrder | null;
}

@InputType({ description: 'A new party organization, whose jurisdiction is a region’s subtree.' })
export class CreateOrganizationInput {
  @Field(() => String)
  @Length(2, 200, { message: 'Between 2 and 200 characters' })
  name!: string;

  @GlobalIdField('Region', { description: 'The region whose subtree is its jurisdiction.' })
  regionId!: string;
}

@InputType({ description: 'Which organizations to list; every condition given must hold.' })
export class OrganizationFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @GlobalIdField('Region', { nullable: true, description: 'Only organizations of this region and the regions under it.' })
  regionId?: string | null;
}

export const OrganizationOrderFieldEnum = asEnum(['NAME', 'CREATED_AT'] as const);
export type OrganizationOrderField = keyof typeof OrganizationOrderFieldEnum;
registerEnumType(OrganizationOrderFieldEnum, {
  name: 'OrganizationOrderField',
  description: 'The fields a list of Organization records sorts by; ties are broken by id, so pages are stable.',
});

@InputType({ description: 'How to sort a list of organizations: a field and a direction.' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderFieldEnum)
  field!: OrganizationOrderField;

  @Field(() => SortDirectionEnum)
  direction!: SortDirection;
}

@ArgsType()
export class OrganizationListArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  filter?: OrganizationFilter | null;

  @Field(() => OrganizationOrder, { nullable: true })
  orderBy?: OrganizationOrder | null;
}

@InputType({ description: 'A new API token for a third party, for your jurisdiction, with what it may read.' })
export class CreateApiTokenInput {
  @Field(() => String)
  @Length(2, 100, { message: 'Between 2 and 100 characters' })
  name!: string;

  @Field(() => [ApiScopeEnum], { description: `Any of ${API_SCOPES.join(', ')}` })
  @ArrayNotEmpty({ message: 'Choose at least one scope' })
  @ArrayUnique()
  scopes!: ApiScope[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  expiresAt?: Date | null;
}

export const ApiTokenOrder = OrderType('ApiToken', ['NAME', 'CREATED_AT', 'LAST_USED_AT'] as const);
export type ApiTokenOrder = InstanceType<typeof ApiTokenOrder>;

@InputType({ description: 'Which API tokens to list; every condition given must hold.' })
export class ApiTokenFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or the prefix' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: revoked only; false: usable only' })
  revoked?: boolean | null;
}

@ArgsType()
export class ApiTokenListArgs {
  @Field(() => ApiTokenFilter, { nullable: true })
  filter?: ApiTokenFilter | null;

  @Field(() => ApiTokenOrder, { nullable: true })
  orderBy?: ApiTokenOrder | null;
}

@InputType({ description: 'A new password for your account, with the current one (re-authentication).' })
export class ChangePasswordInput {
  // Checked by the shared password rules (shared/src/domain/accounts), which give each field a coded problem.
  @Field(() => String, { description: 'Your current password: a wrong one counts as a failed sign-in.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password: at least 10 characters, not the current one.' })
  newPassword!: string;
}
