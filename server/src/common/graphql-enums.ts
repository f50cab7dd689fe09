import { API_SCOPES, CITIZEN_STATUSES, REGION_LEVELS, USER_ROLES, ROLES } from '@massline/shared';
import { registerEnumType } from 'type-graphql';

/**
 * A list of values as the object type-graphql wants for an enum (`{ A: 'A', … }`). The one helper for
 * every GraphQL enum: the lists themselves live in shared, where server and console read them.
 */
export const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

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
registerEnumType(SortDirectionEnum, { name: 'SortDirection', description: 'ASC: smallest, earliest or A first; DESC: the reverse.' });
