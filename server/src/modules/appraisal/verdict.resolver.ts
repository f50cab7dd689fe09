import { Ctx, Query, Resolver } from 'type-graphql';
import { IdArg, IdsArg } from '../../common/global-id';
import { Allow } from '../../common/operation-permission';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import { MAX_VERDICTS, VerdictService } from './verdict.service';
import { Verdict } from './verdict.types';

@Resolver(() => Verdict)
export class VerdictResolver {
  constructor(private readonly service: VerdictService) {}

  @Query(() => Verdict, {
    nullable: true,
    description: 'The verdict on a term of your jurisdiction; null while no published campaign has reached k ballots for it',
  })
  @Allow('read', 'Verdict')
  verdict(@Ctx() context: RequestContext, @IdArg('Term', 'termId', { description: 'The term.' }) termId: string) {
    return this.service.verdict(context, termId);
  }

  @Query(() => [Verdict], {
    nullable: 'items',
    description: `The verdicts on terms of your jurisdiction, in the order asked (null items: no published mass evaluation yet). At most ${MAX_VERDICTS}.`,
  })
  @Allow('read', 'Verdict')
  @Cost(MAX_VERDICTS) // a few set-based statements, but a hundred verdicts' worth of maths and fields
  verdicts(@Ctx() context: RequestContext, @IdsArg('Term', 'termIds', { description: 'The terms.' }) termIds: string[]) {
    return this.service.verdicts(context, termIds);
  }
}
