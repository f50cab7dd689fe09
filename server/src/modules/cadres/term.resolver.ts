import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { cadres } from '@massline/shared';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Cadre } from './cadre.entity';
import { CreateTermInput, EndTermArgs, TermListArgs } from './dto/cadres.inputs';
import { Post } from './post.entity';
import { Term } from './term.entity';
import { today } from './term.repository';
import { TermService } from './term.service';

export const TermConnection = ConnectionType(Term, 'Term');

@Resolver(() => Term)
export class TermResolver {
  constructor(private readonly service: TermService) {}

  @Query(() => TermConnection, { description: 'Terms, public: who held or holds which post, when' })
  @Public()
  terms(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: TermListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Term, {
    nullable: true,
    description: 'One term by id, public. Null, with an error at its path, if there is none: the rest of the response stands.',
  })
  @Public()
  term(@Ctx() context: RequestContext, @IdArg('Term', 'id', { description: 'The term.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Term, {
    description:
      'Records a term of a post of your jurisdiction, under the tenure limits: one holder at a time (POST_ALREADY_HELD), at most 5 years (TERM_TOO_LONG), at most two consecutive terms in one post, at most 15 years at one level',
  })
  @Allow('create', 'Term')
  createTerm(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateTermInput, { description: 'The cadre, the post and the dates.' }) input: CreateTermInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => Term, { description: 'Ends a term of your jurisdiction (once: TERM_ALREADY_ENDED after)' })
  @Allow('update', 'Term')
  endTerm(@Ctx() context: RequestContext, @IdArg('Term', 'id', { description: 'The term.' }) id: string, @Args() args: EndTermArgs) {
    return this.service.end(context, id, args);
  }

  @FieldResolver(() => Cadre, { description: 'The cadre who holds or held the post' })
  cadre(@Root() term: Term, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.cadres, term.cadre);
  }

  @FieldResolver(() => Post, { description: 'The post' })
  post(@Root() term: Term, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.posts, term.post);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the term holds its post today: begun, not ended, before its planned end' })
  current(@Root() term: Term): boolean {
    return cadres.isCurrentTerm(term, today());
  }
}
