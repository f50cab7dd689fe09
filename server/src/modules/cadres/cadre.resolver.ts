import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import { Cadre } from './cadre.entity';
import { CadreService } from './cadre.service';
import { CadreListArgs, CreateCadreInput } from './dto/cadres.inputs';
import { Term } from './term.entity';

export const CadreConnection = ConnectionType(Cadre, 'Cadre');

@Resolver(() => Cadre)
export class CadreResolver {
  constructor(private readonly service: CadreService) {}

  @Query(() => CadreConnection, { description: 'Cadres, public: the name and the region that keeps the record' })
  @Public()
  cadres(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: CadreListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Cadre, {
    nullable: true,
    description: 'One cadre by id, public. Null, with an error at its path, if there is none: the rest of the response stands.',
  })
  @Public()
  cadre(@Ctx() context: RequestContext, @IdArg('Cadre', 'id', { description: 'The cadre.' }) id: string) {
    return this.service.get(context, id);
  }

  @Mutation(() => Cadre, { description: 'Records a cadre, kept by a region of your jurisdiction' })
  @Allow('create', 'Cadre')
  createCadre(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateCadreInput, { description: 'The name and the region that keeps the record.' }) input: CreateCadreInput,
  ) {
    return this.service.create(context, input);
  }

  @FieldResolver(() => Region, { description: 'The region whose organizations keep the record' })
  region(@Root() cadre: Cadre, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, cadre.region);
  }

  @FieldResolver(() => [Term], { description: "The cadre's terms, the latest start first" })
  terms(@Root() cadre: Cadre, @Ctx() context: RequestContext) {
    return context.loaders.termsByCadre.load(cadre.id);
  }
}
