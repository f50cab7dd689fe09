import 'reflect-metadata';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { operationPermissions, type OperationPermission } from '../common/operation-permission';
import { ApiTokenResolver } from '../modules/accounts/api-token.resolver';
import { OrganizationResolver } from '../modules/accounts/organization.resolver';
import { SessionResolver } from '../modules/accounts/session.resolver';
import { UserResolver } from '../modules/accounts/user.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AlertResolver } from '../modules/harmony/alert.resolver';
import { AssessmentResolver } from '../modules/harmony/assessment.resolver';
import { IndicatorResolver } from '../modules/harmony/indicator.resolver';
import { MethodologyResolver } from '../modules/harmony/methodology.resolver';
import { ObservationResolver } from '../modules/harmony/observation.resolver';
import { RegionResolver } from '../modules/regions/region.resolver';
import type { Services } from './services';

/** Every resolver class of the API, each built with the services it needs. */
function resolverInstances(services: Services): [Function, object][] {
  return [
    [SessionResolver, new SessionResolver(services.auth, services.users)],
    [UserResolver, new UserResolver(services.users)],
    [OrganizationResolver, new OrganizationResolver(services.organizations)],
    [ApiTokenResolver, new ApiTokenResolver(services.apiTokens)],
    [RegionResolver, new RegionResolver(services.regions)],
    [AuditResolver, new AuditResolver(services.audit)],
    [IndicatorResolver, new IndicatorResolver(services.harmony.indicators)],
    [ObservationResolver, new ObservationResolver(services.harmony.observations, services.harmony.gini)],
    [MethodologyResolver, new MethodologyResolver(services.harmony.methodology)],
    [AssessmentResolver, new AssessmentResolver(services.harmony.assessments, services.harmony.sensitivity)],
    [AlertResolver, new AlertResolver(services.harmony.alerts)],
  ];
}

export interface BuiltSchema {
  schema: GraphQLSchema;
  permissions: Map<string, OperationPermission>;
}

export async function buildAppSchema(services: Services): Promise<BuiltSchema> {
  const instances = new Map(resolverInstances(services));
  const resolvers = [...instances.keys()] as [Function, ...Function[]];
  // Refuses to build if any operation lacks a permission declaration.
  const permissions = operationPermissions(resolvers);
  const container: ContainerType = { get: (someClass: Function) => instances.get(someClass) };
  const schema = await buildSchema({
    resolvers,
    container,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return { schema, permissions };
}
