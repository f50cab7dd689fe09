import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * What a request costs, known before it runs. The formula is graphql-armor's, which the limits were tuned
 * with: a leaf costs 1; an object costs 2 plus 1.5 times its selection; a page (`first`/`last`) multiplies
 * what it holds by its size. Three differences make it hold against what was abused:
 * - a page's size is read from the variables too (`first: $n` is priced as $n, not as 1);
 * - a field may declare a cost of its own (`@Extensions({ cost: 2000 })` on a CSV export), added to it,
 *   so that aliases of an expensive field add up;
 * - a fragment costs exactly what its fields cost written inline.
 */
export const OBJECT_COST = 2;
export const LEAF_COST = 1;
export const DEPTH_FACTOR = 1.5;

/** The size of a page that names none: the largest page, so that nothing is priced below what it may fetch. */
export const UNSIZED_PAGE = 100;

/** Declares what a field costs beyond its selection (work that is not rows: an export, a computation). */
export const Cost = (points: number) => Extensions({ cost: points });

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/** A field's own cost, declared with type-graphql's `@Extensions({ cost })`. */
function declaredCost(field: GraphQLField<unknown, unknown>): number {
  const cost = (field.extensions as { cost?: unknown } | undefined)?.cost;
  return typeof cost === 'number' && Number.isFinite(cost) && cost > 0 ? cost : 0;
}

function intOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): number | null {
  if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
  }
  return null;
}

/** Whether a value is given: a null literal, or a variable that is null or not sent, is not. */
function given(node: ValueNode, variables: Readonly<Record<string, unknown>>): boolean {
  if (node.kind === Kind.NULL) return false;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value] !== null && variables[node.name.value] !== undefined;
  return true;
}

/**
 * How many rows a field multiplies its selection by: the page size, `first` or `last` alike (the larger
 * when both are given, a request the list refuses anyway); a page argument whose size cannot be read
 * costs the largest page; a field without one, a single object.
 */
function pageSizeOf(args: readonly { name: { value: string }; value: ValueNode }[], variables: Readonly<Record<string, unknown>>): number {
  const pageArgs = args.filter((arg) => arg.name.value === 'first' || arg.name.value === 'last');
  if (pageArgs.length === 0) return 1;
  const sizes = pageArgs.filter((arg) => given(arg.value, variables)).map((arg) => intOf(arg.value, variables) ?? UNSIZED_PAGE);
  return sizes.length === 0 ? UNSIZED_PAGE : Math.max(1, ...sizes);
}

export function queryCost({ schema, document, operationName, variables }: CostInput): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const values = variables ?? {};

  /** The selections of a set, fragments spread in place; `visiting` stops a fragment cycle (refused by validation anyway). */
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection.name.value, selection.arguments ?? [], selection.selectionSet, parent, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, isCompositeType(condition) ? condition : parent, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        total += selectionCost(fragment.selectionSet, isCompositeType(condition) ? condition : parent, new Set([...visiting, name]));
      }
    }
    return total;
  };

  const fieldCost = (
    name: string,
    args: readonly { name: { value: string }; value: ValueNode }[],
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    visiting: Set<string>,
  ): number => {
    if (name === '__schema' || name === '__type') return 0;
    if (name === '__typename') return LEAF_COST;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const own = field ? declaredCost(field) : 0;
    if (!selectionSet) return LEAF_COST + own;
    const type = field ? getNamedType(field.type) : undefined;
    const inner = type && isCompositeType(type) ? selectionCost(selectionSet, type, visiting) : 0;
    const size = pageSizeOf(args, values);
    return (OBJECT_COST + DEPTH_FACTOR * inner) * size + own;
  };

  return selectionCost(operation.selectionSet, root, new Set());
}
