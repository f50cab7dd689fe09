import { Field, ID, InterfaceType } from 'type-graphql';
import type { RequestContext } from './request-context';

/**
 * How `node(id:)` fetches one type: the type's own lookup, so that the same permissions apply (not
 * found → NOT_FOUND, outside the caller's reach → FORBIDDEN or UNAUTHENTICATED). Lookups go through the
 * request's loaders, so `nodes(ids:)` costs one statement per type, not one per id.
 */
export type NodeLookup = (context: RequestContext, id: string) => Promise<object>;

/** Which GraphQL type each object fetched by `node`/`nodes` is (the lookup that found it knows). */
const fetchedAs = new WeakMap<object, string>();

export function markNode<T extends object>(value: T, type: string): T {
  fetchedAs.set(value, type);
  return value;
}

/** The GraphQL type of an object that implements Node: the one its lookup fetched it as, else its class's. */
export const nodeTypeName = (value: object): string => fetchedAs.get(value) ?? value.constructor.name;

@InterfaceType({
  description:
    'An object with a global id (the Relay convention): `node(id:)` fetches it again, so a client cache can normalise and refetch any object.',
  resolveType: nodeTypeName,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id: names the type and the record; stable for the life of the record.' })
  id!: string;
}
