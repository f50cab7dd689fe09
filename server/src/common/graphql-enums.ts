import { API_SCOPES, CITIZEN_STATUSES, REGION_LEVELS, USER_ROLES, ROLES } from '@massline/shared';
import { registerEnumType } from 'type-graphql';

/** The shared string unions, as GraphQL enums (type-graphql wants an object per enum). */
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const RegionLevelEnum = asEnum(REGION_LEVELS);
export const UserRoleEnum = asEnum(USER_ROLES);
export const RoleEnum = asEnum(ROLES);
export const CitizenStatusEnum = asEnum(CITIZEN_STATUSES);
export const ApiScopeEnum = asEnum(API_SCOPES);
export const SortDirectionEnum = asEnum(['ASC', 'DESC'] as const);
export type SortDirection = keyof typeof SortDirectionEnum;

registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: 'province > city > county > township' });
registerEnumType(UserRoleEnum, { name: 'UserRole', description: 'The role a person signs in with' });
registerEnumType(RoleEnum, { name: 'Role', description: 'Every role, API tokens (THIRD_PARTY) included' });
registerEnumType(CitizenStatusEnum, { name: 'CitizenStatus', description: 'Residence verification of a citizen' });
registerEnumType(ApiScopeEnum, { name: 'ApiScope', description: 'What an API token may read' });
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
