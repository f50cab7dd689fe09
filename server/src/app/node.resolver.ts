import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AppError } from '../common/app-error';
import { parseGlobalId } from '../common/global-id';
import { markNode, Node, type NodeLookup } from '../common/node';
import { Public } from '../common/operation-permission';
import type { RequestContext } from '../common/request-context';

/** Most ids `nodes` fetches at once: a page's worth. */
export const MAX_NODES = 100;

/**
 * `node` and `nodes`: any object by its global id, through the lookup its module declares (the
 * manifest's `nodes`). Public as operations: each lookup applies its type's own permissions, so a
 * caller gets exactly what the type's own lookup would give, and null with the error where it refuses.
 * It lives in app/ because it folds over every module's lookups, like the schema build.
 */
@Resolver()
export class NodeResolver {
  constructor(private readonly lookups: ReadonlyMap<string, NodeLookup>) {}

  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null, with an error at its path, if it does not exist or you may not read it.',
  })
  @Public()
  node(@Ctx() context: RequestContext, @Arg('id', () => ID, { description: 'A global id, as any `id` field gives it.' }) id: string) {
    return this.fetch(context, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their global ids (at most ${MAX_NODES}), in the order asked; each one refused or missing is null with an error at its index.`,
  })
  @Public()
  nodes(
    @Ctx() context: RequestContext,
    @Arg('ids', () => [ID], { description: 'Global ids, of any types.' }) ids: string[],
  ): Promise<(object | Error)[]> {
    if (ids.length > MAX_NODES) throw new AppError('TOO_MANY_IDS', `nodes takes at most ${MAX_NODES} ids`, { ids: `At most ${MAX_NODES}` });
    // Each refusal as an Error in its own place, which the executor reports at that index; the loaders
    // batch the lookups per type. (Not a list of promises: graphql-jit places a rejected item by the order
    // it settles in, so a refusal that settles after its neighbours moved, and the list came out short.)
    return Promise.all(
      ids.map((id) => this.fetch(context, id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
    );
  }

  private async fetch(context: RequestContext, id: string): Promise<object> {
    const parsed = parseGlobalId(id);
    const lookup = parsed?.type ? this.lookups.get(parsed.type) : undefined;
    if (!parsed || !lookup) throw new AppError('INVALID_ID', 'Not a global id of an object', { id: 'Not a global id' });
    return markNode(await lookup(context, parsed.id), parsed.type as string);
  }
}
