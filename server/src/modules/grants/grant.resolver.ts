import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { IdArg } from '../../common/global-id';
import { loadRelated } from '../../common/loaders';
import { Allow, Public } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Cadre } from '../cadres/cadre.entity';
import { Post } from '../cadres/post.entity';
import { Term } from '../cadres/term.entity';
import { LedgerEntryView } from '../ledger/dto/ledger.outputs';
import { Region } from '../regions/region.entity';
import {
  AnswerObjectionInput,
  CorrectGrantStepInput,
  CreateGrantInput,
  EndGrantInput,
  FileObjectionInput,
  GrantListArgs,
  RecordGrantStepInput,
  SetWorkingCalendarInput,
} from './dto/grants.inputs';
import {
  GrantEndingView,
  GrantObjectionView,
  GrantParticipation,
  GrantStepView,
  NewObjection,
  WorkingCalendar,
} from './dto/grants.outputs';
import { Grant } from './grant.entity';
import { GrantService, statusOf } from './grant.service';
import { GrantStatusEnum, type GrantStatus } from './grants-enums';
import { ledgerEntryView } from '../ledger/ledger.service';
import type { LedgerEntryRow } from '../ledger/ledger.repository';
import { WorkingCalendarService } from './working-calendar.service';

const entryView = (row: LedgerEntryRow | null) => (row ? ledgerEntryView(row) : null);

export const GrantConnection = ConnectionType(Grant, 'Grant');

@Resolver(() => Grant)
export class GrantResolver {
  constructor(
    private readonly service: GrantService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  @Query(() => GrantConnection, { description: 'Power grants, public, the latest first' })
  @Public()
  grants(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() args: GrantListArgs) {
    return this.service.list(context, page, args);
  }

  @Query(() => Grant, {
    nullable: true,
    description: 'One power grant by id, public. Null, with an error at its path, if there is none or you may not read it.',
  })
  @Public()
  grant(@Ctx() context: RequestContext, @IdArg('Grant', 'id', { description: 'The grant.' }) id: string) {
    return this.service.get(context, id);
  }

  @Query(() => WorkingCalendar, {
    description: 'One year of the official holiday schedule (public holidays, make-up working days), public',
  })
  @Public()
  workingCalendar(@Ctx() context: RequestContext, @Arg('year', () => Int, { description: 'The year.' }) year: number) {
    return this.calendar.get(context, year);
  }

  @Mutation(() => Grant, { description: 'Records a new power grant for a post of your jurisdiction' })
  @Allow('create', 'Grant')
  createGrant(
    @Ctx() context: RequestContext,
    @Arg('input', () => CreateGrantInput, { description: 'The grant.' }) input: CreateGrantInput,
  ) {
    return this.service.create(context, input);
  }

  @Mutation(() => Grant, {
    description:
      "Records the next step of a grant's procedure, checked by the procedure's rules (refusals carry the rule's code and numbers)",
  })
  @Allow('update', 'Grant')
  recordGrantStep(
    @Ctx() context: RequestContext,
    @Arg('input', () => RecordGrantStepInput, { description: 'The step, its date and facts.' }) input: RecordGrantStepInput,
  ) {
    return this.service.recordStep(context, input);
  }

  @Mutation(() => Grant, { description: 'Corrects a recorded step: a new record referring to it, with the reason; the history keeps both' })
  @Allow('update', 'Grant')
  correctGrantStep(
    @Ctx() context: RequestContext,
    @Arg('input', () => CorrectGrantStepInput, { description: 'The step, its corrected date and facts, and why.' })
    input: CorrectGrantStepInput,
  ) {
    return this.service.correctStep(context, input);
  }

  @Mutation(() => NewObjection, {
    description: 'A citizen objects to a grant in public notice in their region (named or anonymous: then with a receipt code, shown once)',
  })
  @Allow('create', 'GrantObjection')
  async fileObjection(
    @Ctx() context: RequestContext,
    @Arg('input', () => FileObjectionInput, { description: 'The objection.' }) input: FileObjectionInput,
  ): Promise<NewObjection> {
    const { objection, receipt } = await this.service.fileObjection(context, input);
    return { objection: { ...objection, grantId: objection.grant.id, upheld: null, reasons: null, answeredAt: null }, receipt };
  }

  @Mutation(() => Grant, { description: 'Answers an objection: upheld (the grant stops) or not, with reasons' })
  @Allow('update', 'Grant')
  answerObjection(
    @Ctx() context: RequestContext,
    @Arg('input', () => AnswerObjectionInput, { description: 'The answer.' }) input: AnswerObjectionInput,
  ) {
    return this.service.answerObjection(context, input);
  }

  @Mutation(() => Grant, {
    description: 'Records the end of a grant in effect (expiry, resignation, dismissal, recall); its term ends with it',
  })
  @Allow('update', 'Grant')
  endGrant(@Ctx() context: RequestContext, @Arg('input', () => EndGrantInput, { description: 'How it ended.' }) input: EndGrantInput) {
    return this.service.end(context, input);
  }

  @Mutation(() => WorkingCalendar, { description: 'Sets one year of the holiday schedule (the root region’s organization)' })
  @Allow('manage', 'WorkingDayCalendar')
  setWorkingCalendar(
    @Ctx() context: RequestContext,
    @Arg('input', () => SetWorkingCalendarInput, { description: 'The year and its days.' }) input: SetWorkingCalendarInput,
  ) {
    return this.calendar.set(context, input);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The post granted' })
  post(@Root() grant: Grant, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.posts, grant.post);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The cadre it was granted to (the power exerciser)' })
  cadre(@Root() grant: Grant, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.cadres, grant.cadre);
  }

  @FieldResolver(() => Region, { nullable: true, description: "The post's region" })
  region(@Root() grant: Grant, @Ctx() context: RequestContext) {
    return loadRelated(context.loaders.regions, grant.region);
  }

  @FieldResolver(() => GrantStatusEnum, { description: 'Where the grant stands, from its records' })
  async status(@Root() grant: Grant, @Ctx() context: RequestContext): Promise<GrantStatus> {
    const records = await context.loaders.grantRecords.load(grant.id);
    return statusOf(grant.method, records.steps, records.objections, records.ending !== null);
  }

  @FieldResolver(() => [GrantStepView], { description: 'The procedure as recorded, step by step, each as corrected with its history' })
  async steps(@Root() grant: Grant, @Ctx() context: RequestContext): Promise<GrantStepView[]> {
    const { steps, corrections } = await context.loaders.grantRecords.load(grant.id);
    return Promise.all(
      steps.map(async (step) => ({
        id: step.id,
        step: step.step,
        date: step.date,
        facts: step.facts,
        corrected: step.corrected,
        history: [
          { date: step.recordedDate, facts: step.recordedFacts, reason: null, recordedAt: step.recordedAt, recordId: step.id },
          ...corrections
            .filter((correction) => correction.correctsId === step.id)
            .map((correction) => ({ ...correction, recordId: correction.id })),
        ],
        ledgerEntry: entryView(await context.loaders.ledgerEntryOfRecord.load(step.id)),
      })),
    );
  }

  @FieldResolver(() => [GrantObjectionView], { description: 'Objections to its notice and their answers' })
  async objections(@Root() grant: Grant, @Ctx() context: RequestContext): Promise<GrantObjectionView[]> {
    return (await context.loaders.grantRecords.load(grant.id)).objections;
  }

  @FieldResolver(() => GrantEndingView, { nullable: true, description: 'How it ended, once it has' })
  async ending(@Root() grant: Grant, @Ctx() context: RequestContext): Promise<GrantEndingView | null> {
    return (await context.loaders.grantRecords.load(grant.id)).ending;
  }

  @FieldResolver(() => Term, { nullable: true, description: 'The term it created when it took effect' })
  async term(@Root() grant: Grant, @Ctx() context: RequestContext) {
    const { termId } = await context.loaders.grantRecords.load(grant.id);
    return termId ? context.loaders.terms.load(termId) : null;
  }

  @FieldResolver(() => GrantParticipation, {
    description: 'Mass participation in substance: who took part, interviews, objections and answers',
  })
  async participation(@Root() grant: Grant, @Ctx() context: RequestContext): Promise<GrantParticipation> {
    const { steps, objections } = await context.loaders.grantRecords.load(grant.id);
    const facts = (kind: string) => steps.find((step) => step.step === kind)?.facts;
    const number = (value: unknown) => (typeof value === 'number' ? value : null);
    return {
      entitled: number(facts('RECOMMENDATION')?.entitled),
      participants: number(facts('RECOMMENDATION')?.participants),
      interviews: number(facts('INSPECTION')?.interviews),
      objections: objections.length,
      upheld: objections.filter((objection) => objection.upheld === true).length,
      notUpheld: objections.filter((objection) => objection.upheld === false).length,
      unanswered: objections.filter((objection) => objection.upheld === null).length,
    };
  }

  @FieldResolver(() => LedgerEntryView, { nullable: true, description: "The grant record's ledger entry" })
  async ledgerEntry(@Root() grant: Grant, @Ctx() context: RequestContext) {
    return entryView(await context.loaders.ledgerEntryOfRecord.load(grant.id));
  }
}
