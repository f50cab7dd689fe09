import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CITIZEN_STATUSES, USER_ROLES, type CitizenStatus, type UserRole } from '@massline/shared';
import { Node } from '../../common/node';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity';
import { CitizenStatusEnum, UserRoleEnum } from '../../common/graphql-enums';
import { Organization } from './organization.entity';

/**
 * A person who signs in. `region` is the jurisdiction of an organization user or auditor, and the
 * residence of a citizen. The password hash has no GraphQL field and is hidden from serialization.
 */
@Entity({ tableName: 'app_user' })
// The keyset order of the user list by default: the newest first (read backwards).
@Index({ properties: ['createdAt', 'id'] })
@Check({ name: 'app_user_staff_belong_to_organization', expression: `(role = 'ORGANIZATION') = (organization_id is not null)` })
@Check({ name: 'app_user_only_citizens_have_status', expression: `(role = 'CITIZEN') = (citizen_status is not null)` })
@ObjectType({ implements: Node, description: 'A person who signs in: organization staff, auditor or citizen' })
export class User implements Node {
  [OptionalProps]?: 'createdAt' | 'active' | 'citizenStatus' | 'citizenReviewNote' | 'organization' | 'deactivatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 254, unique: true })
  @Field(() => String)
  email!: string;

  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  displayName!: string;

  @Enum({ items: () => USER_ROLES })
  @Field(() => UserRoleEnum)
  role!: UserRole;

  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash!: string;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
  region!: Rel<Region>;

  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict', index: true })
  organization?: Rel<Organization> | null;

  @Enum({ items: () => CITIZEN_STATUSES, nullable: true })
  @Field(() => CitizenStatusEnum, { nullable: true, description: 'Residence verification, for citizens only' })
  citizenStatus?: CitizenStatus | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The note of the residence review: why it was rejected, or what was checked to verify it',
  })
  citizenReviewNote?: string | null;

  @Property({ type: 'boolean', default: true })
  @Field(() => Boolean)
  active: boolean = true;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  deactivatedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => Date)
  createdAt: Date = new Date();
}
