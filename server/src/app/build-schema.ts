import 'reflect-metadata';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { normalizeInputs } from '../common/input-normalization';
import { operationPermissions, type OperationPermission } from '../common/operation-permission';
import { MANIFESTS } from './modules';
import type { Services } from './services';

/** Every resolver class of the API (its module's manifest lists it), each built with its module's services. */
function resolverInstances(services: Services): Map<Function, object> {
  const byModule: Record<string, unknown> = services;
  return new Map(MANIFESTS.flatMap((module) => module.resolvers.map((binding) => [binding.type, binding.create(byModule[module.name])])));
}

export interface BuiltSchema {
  schema: GraphQLSchema;
  permissions: Map<string, OperationPermission>;
}

export async function buildAppSchema(services: Services): Promise<BuiltSchema> {
  const instances = resolverInstances(services);
  const resolvers = [...instances.keys()] as [Function, ...Function[]];
  // Refuses to build if any operation lacks a permission declaration.
  const permissions = operationPermissions(resolvers);
  const container: ContainerType = { get: (someClass: Function) => instances.get(someClass) };
  const schema = await buildSchema({
    resolvers,
    container,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // Every argument of every operation passes the one input layer before it is converted and validated.
    globalMiddlewares: [normalizeInputs],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return { schema, permissions };
}
