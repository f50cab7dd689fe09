import { IdArg } from '../../common/global-id';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { loadRelated } from '../../common/loaders';
import { Cost } from '../../common/query-cost';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Region } from '../regions/region.entity';
import {
  GiniFromMicrodataInput,
  GiniFromSharesInput,
  ObservationListArgs,
  ObservationFilter,
  RecordObservationInput,
} from './dto/harmony.inputs';
import { GiniResult, ObservationImportReport } from './dto/harmony.outputs';
import { GiniService } from './gini.service';
import { ObservationRevision } from './observation-revision.entity';
import { Observation } from './observation.entity';
import { ObservationService } from './observation.service';

export const ObservationConnection = ConnectionType(Observation, 'Observation');

@Resolver(() => Observation)
export class ObservationResolver {
  constructor(
    private readonly service: ObservationService,
    private readonly gini: GiniService,
  ) {}

  @Query(() => ObservationConnection, { description: 'Observations of your jurisdiction (raw data)' })
  @Allow('read', 'Observation')
  observations(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: ObservationListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => [ObservationRevision], { description: 'Earlier values of an observation, newest first' })
  @Allow('read', 'Observation')
  observationRevisions(
    @Ctx() context: RequestContext,
    @IdArg('Observation', 'observationId', { description: 'The observation.' }) observationId: string,
  ) {
    return this.service.revisions(context, observationId);
  }

  @Query(() => String, { description: 'The observations of a filter as CSV, in the import’s columns' })
  @Allow('read', 'Observation')
  @Cost(10_000) // up to MAX_IMPORT_ROWS rows written out: two exports per request at most
  observationsCsv(
    @Ctx() context: RequestContext,
    @Arg('filter', () => ObservationFilter, { nullable: true, description: 'Which observations; none: every one you may read.' })
    filter: ObservationFilter | null,
  ) {
    return this.service.exportCsv(context, filter);
  }

  @Mutation(() => Observation, { description: 'Records (or corrects) one observation; assessments are recomputed' })
  @Allow('create', 'Observation')
  recordObservation(
    @Ctx() context: RequestContext,
    @Arg('input', () => RecordObservationInput, { description: 'The value (or raw count), its region, period and indicator.' })
    input: RecordObservationInput,
  ) {
    return this.service.record(context, input);
  }

  @Mutation(() => ObservationImportReport, { description: 'Imports a CSV of observations: every row, or none and every bad row with why' })
  @Allow('create', 'Observation')
  importObservations(
    @Ctx() context: RequestContext,
    @Arg('csv', () => String, { description: 'CSV with a header: region_code,period,indicator,value,raw_count,raw_total,source (UTF-8).' })
    csv: string,
  ) {
    return this.service.importCsv(context, csv);
  }

  @Mutation(() => GiniResult, { description: 'Computes the Gini coefficient from household incomes (CSV) and records it' })
  @Cost(2_000) // parses and sorts up to a million incomes
  @Allow('create', 'Observation')
  computeGiniFromMicrodata(
    @Ctx() context: RequestContext,
    @Arg('input', () => GiniFromMicrodataInput, { description: 'The region, period and household incomes.' }) input: GiniFromMicrodataInput,
  ) {
    return this.gini.fromMicrodata(context, input);
  }

  @Mutation(() => GiniResult, { description: 'Computes the Gini coefficient from quintile or decile shares and records it' })
  @Allow('create', 'Observation')
  computeGiniFromShares(
    @Ctx() context: RequestContext,
    @Arg('input', () => GiniFromSharesInput, { description: 'The region, period and income shares.' }) input: GiniFromSharesInput,
  ) {
    return this.gini.fromShares(context, input);
  }

  @FieldResolver(() => Region)
  region(@Root() observation: Observation, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, observation.region);
  }

  @FieldResolver(() => String)
  indicatorCode(@Root() observation: Observation): string {
    return observation.indicator.code;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who entered the current value' })
  enteredByLabel(@Root() observation: Observation): string | null {
    return observation.enteredBy?.email ?? null;
  }
}
