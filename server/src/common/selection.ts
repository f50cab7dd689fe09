import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields of a selection set, through inline fragments and named ones. */
function fieldsOf(set: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

/** By the field node being resolved (a cached document's node is the same object every time it is executed), by path. */
const computed = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

/**
 * The names of the fields a query selects at `path` below the field being resolved — `['edges', 'node']`
 * for a connection's rows — through aliases and fragments. A field under `@skip`/`@include` counts as
 * selected either way, so the set never lacks a field that is read; a type condition counts as met.
 * Lets a hot list read only the columns its selection shows.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): ReadonlySet<string> {
  const key = path.join('.');
  const first = info.fieldNodes[0];
  const known = info.fieldNodes.length === 1 ? computed.get(first)?.get(key) : undefined;
  if (known) return known;
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((set) =>
      fieldsOf(set, info.fragments).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : [])),
    );
  }
  const names: ReadonlySet<string> = new Set(sets.flatMap((set) => fieldsOf(set, info.fragments).map((field) => field.name.value)));
  if (info.fieldNodes.length === 1) {
    const byPath = computed.get(first) ?? new Map<string, ReadonlySet<string>>();
    byPath.set(key, names);
    computed.set(first, byPath);
  }
  return names;
}
