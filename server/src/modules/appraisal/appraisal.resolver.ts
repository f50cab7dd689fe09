import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Allow } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Term } from '../cadres/term.entity';
import { Region } from '../regions/region.entity';
import { AppraisalRecordService } from './appraisal-record.service';
import { AppraisalRecordFilterArgs, RecordInspectionInput, RecordSpecialAuditInput } from './dto/appraisal.inputs';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';

export const InspectionConnection = ConnectionType(Inspection, 'Inspection');
export const SpecialAuditConnection = ConnectionType(SpecialAudit, 'SpecialAudit');

// The lists read their terms and regions with their rows (one statement), so the fields below read them off the row.

@Resolver(() => Inspection)
export class InspectionResolver {
  constructor(private readonly service: AppraisalRecordService) {}

  @Query(() => InspectionConnection, {
    description: "Organizational inspections of cadres' terms in your jurisdiction, latest recorded first",
  })
  @Allow('read', 'Inspection')
  inspections(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() { filter }: AppraisalRecordFilterArgs) {
    return this.service.inspections(context, filter, page);
  }

  @Mutation(() => Inspection, {
    description: 'Records an organizational inspection of a term whose post is in your jurisdiction (append-only: the latest counts)',
  })
  @Allow('create', 'Inspection')
  recordInspection(
    @Ctx() context: RequestContext,
    @Arg('input', () => RecordInspectionInput, { description: 'The inspection.' }) input: RecordInspectionInput,
  ) {
    return this.service.recordInspection(context, input);
  }

  @FieldResolver(() => Term, { description: 'The term inspected' })
  term(@Root() inspection: Inspection): Term {
    return inspection.term;
  }

  @FieldResolver(() => Region, { description: "The region of the term's post: the jurisdiction the record belongs to" })
  region(@Root() inspection: Inspection): Region {
    return inspection.region;
  }
}

@Resolver(() => SpecialAudit)
export class SpecialAuditResolver {
  constructor(private readonly service: AppraisalRecordService) {}

  @Query(() => SpecialAuditConnection, { description: "Special audits of cadres' terms in your jurisdiction, latest recorded first" })
  @Allow('read', 'SpecialAudit')
  specialAudits(@Ctx() context: RequestContext, @Args() page: PageArgs, @Args() { filter }: AppraisalRecordFilterArgs) {
    return this.service.specialAudits(context, filter, page);
  }

  @Mutation(() => SpecialAudit, {
    description: 'Records a special audit of a term whose post is in your jurisdiction (append-only: the latest counts)',
  })
  @Allow('create', 'SpecialAudit')
  recordSpecialAudit(
    @Ctx() context: RequestContext,
    @Arg('input', () => RecordSpecialAuditInput, { description: 'The audit.' }) input: RecordSpecialAuditInput,
  ) {
    return this.service.recordSpecialAudit(context, input);
  }

  @FieldResolver(() => Term, { description: 'The term audited' })
  term(@Root() audit: SpecialAudit): Term {
    return audit.term;
  }

  @FieldResolver(() => Region, { description: "The region of the term's post: the jurisdiction the record belongs to" })
  region(@Root() audit: SpecialAudit): Region {
    return audit.region;
  }
}
