import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import { Term } from '../cadres/term.entity';
import { MAX_VERDICTS, VerdictService } from './verdict.service';
import { Verdict } from './verdict.types';

/** One request's loader of readable verdicts (keyed by the request's loaders: the caller's ability is the request's). */
const loaders = new WeakMap<object, DataLoader<string, Verdict | null>>();

/** A term's verdict beside the term: a cadre's page shows every term with its verdict in one query. */
@Resolver(() => Term)
export class TermVerdictResolver {
  constructor(private readonly service: VerdictService) {}

  @FieldResolver(() => Verdict, {
    nullable: true,
    description:
      "The verdict on the term, for those who may read verdicts in its post's region (organizations of the jurisdiction, auditors); null while no published campaign reached k ballots for it, and for anyone else",
  })
  @Cost(10) // the verdict's maths and fields; its statements are shared by every term of the response
  verdict(@Root() term: Term, @Ctx() context: RequestContext): Promise<Verdict | null> {
    let loader = loaders.get(context.loaders);
    if (!loader) {
      // Every term asked while resolving one level: a few set-based statements for them all.
      loader = new DataLoader((ids: readonly string[]) => this.service.readable(context, ids), { maxBatchSize: MAX_VERDICTS });
      loaders.set(context.loaders, loader);
    }
    return loader.load(term.id);
  }
}
