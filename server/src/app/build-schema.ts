import 'reflect-metadata';
import { buildSchema, getMetadataStorage, UseMiddleware, type ContainerType } from 'type-graphql';
import { isAbstractType, isObjectType, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { applyGlobalIds, decodeGlobalIds } from '../common/global-id';
import { normalizeInputs } from '../common/input-normalization';
import { nodeTypeName, type NodeLookup } from '../common/node';
import { operationPermissions, type OperationPermission } from '../common/operation-permission';
import { MANIFESTS } from './modules';
import { NodeResolver } from './node.resolver';
import type { Services } from './services';

/** Every resolver class of the API (its module's manifest lists it), each built with its module's services. */
function resolverInstances(services: Services): Map<Function, object> {
  const byModule: Record<string, unknown> = services;
  const lookups = new Map<string, NodeLookup>(MANIFESTS.flatMap((module) => Object.entries(module.nodes?.(byModule[module.name]) ?? {})));
  return new Map([
    ...MANIFESTS.flatMap((module) =>
      module.resolvers.map((binding): [Function, object] => [binding.type, binding.create(byModule[module.name])]),
    ),
    [NodeResolver, new NodeResolver(lookups)],
  ]);
}

const withInputLayer = new WeakSet<Function>();

/**
 * Every operation and field resolver of the API passes the one input layer before its arguments are
 * converted and validated (text cleaned, then the global ids of input objects decoded). Put on the
 * resolver classes rather than as a global middleware, which would wrap every plain field of every row
 * too (none of them takes input).
 */
function applyInputLayer(resolvers: readonly Function[]): void {
  for (const type of resolvers) {
    if (withInputLayer.has(type)) continue;
    (UseMiddleware(normalizeInputs, decodeGlobalIds) as ClassDecorator)(type);
    withInputLayer.add(type);
  }
}

/** The root types' own descriptions (type-graphql builds them without one). */
function describeRoots(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) {
    query.description =
      'Reads. Lists are connections (first/after); lookups by id are nullable: an unknown or forbidden id is null with its error at its path, and the rest of the answer stands.';
  }
  if (mutation) {
    mutation.description =
      'Changes, each one transaction, audited. Refusals come back as errors with extensions.code (the API code) and extensions.reason (the precise reason).';
  }
}

/**
 * Plain fields — a property of the object, with no arguments, middleware, roles or resolver method — are
 * read by graphql-js's own default resolver. type-graphql gives each a resolver of its own that only
 * builds an object for middlewares (none run: the input layer is on the resolver classes, there is no
 * global middleware or auth checker) and reads the property; called for every field of every row, it
 * cost the public dashboard about a twelfth of its CPU with the garbage it leaves. The default resolver
 * reads the same property (it would call a function-valued one, which no plain field holds: a function
 * is no GraphQL value).
 */
function plainFieldResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  // A name that any type resolves by a method (its own, an interface's, a parent class's) is left alone everywhere.
  const resolved = new Set(storage.fieldResolvers.flatMap((resolver) => [resolver.methodName, resolver.schemaName]));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const plain =
        field.name === field.schemaName &&
        (field.params ?? []).length === 0 &&
        (field.middlewares ?? []).length === 0 &&
        field.roles === undefined &&
        !resolved.has(field.name);
      if (plain && fields[field.schemaName]) fields[field.schemaName].resolve = undefined;
    }
  }
}

/** The synchronous type resolver of each interface and union, by name. */
const TYPE_RESOLVERS: Record<string, (value: object) => string> = { Node: nodeTypeName };

/**
 * Interfaces and unions name an object's type synchronously. type-graphql wraps a `resolveType` in an
 * async function; graphql-js awaits it, but the compiled execution (compiled-execution.ts) calls it
 * synchronously, as most of the ecosystem's executors do. A new abstract type refuses to build until it
 * is given its resolver here.
 */
function synchronousTypeResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type)) continue;
    const resolve = TYPE_RESOLVERS[type.name];
    if (!resolve) throw new Error(`${type.name} needs a synchronous type resolver (TYPE_RESOLVERS in build-schema.ts)`);
    type.resolveType = resolve;
  }
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
  applyInputLayer(resolvers);
  const container: ContainerType = { get: (someClass: Function) => instances.get(someClass) };
  const schema = await buildSchema({
    resolvers,
    container,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  describeRoots(schema);
  plainFieldResolvers(schema);
  synchronousTypeResolvers(schema);
  return { schema: applyGlobalIds(schema), permissions };
}
