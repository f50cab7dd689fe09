import type { EntityName } from '@mikro-orm/core';
import { appraisal, isoDate, type Problem } from '@massline/shared';
import { AppError, notFound } from '../../common/app-error';
import { scoped } from '../../common/ability-filter';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { User } from '../accounts/user.entity';
import type { Term } from '../cadres/term.entity';
import type { AppraisalEvents } from './appraisal.events';
import { AppraisalRecordRepository } from './appraisal-record.repository';
import type { AppraisalRecordFilter, RecordInspectionInput, RecordSpecialAuditInput } from './dto/appraisal.inputs';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';

/**
 * Inspections and special audits of cadres' terms: recorded by an organization whose jurisdiction holds
 * the term's post, read by it and by auditors. Both are append-only (a later record supersedes an earlier
 * one in the verdict), so recording one races with nothing.
 */
export class AppraisalRecordService {
  constructor(private readonly events: EventPublisher<AppraisalEvents>) {}

  inspections(context: RequestContext, filter: AppraisalRecordFilter | null | undefined, page: PageArgs): Promise<Connection<Inspection>> {
    return this.page(context, Inspection, 'Inspection', filter, page);
  }

  specialAudits(
    context: RequestContext,
    filter: AppraisalRecordFilter | null | undefined,
    page: PageArgs,
  ): Promise<Connection<SpecialAudit>> {
    return this.page(context, SpecialAudit, 'SpecialAudit', filter, page);
  }

  async recordInspection(context: RequestContext, input: RecordInspectionInput): Promise<Inspection> {
    const term = await this.termToRecordOn(context, 'Inspection', input.termId);
    const problems = appraisal.inspectionProblems(input, { today: isoDate(), termStartsOn: term.startsOn });
    refuse('INVALID_INSPECTION', problems);
    return inTransaction(this.events, context, async (em) => {
      const inspection = em.create(Inspection, {
        term,
        region: term.post.region,
        score: input.score,
        findings: input.findings.trim(),
        inspector: input.inspector.trim(),
        inspectedOn: input.inspectedOn,
        reportedGrowth: input.reportedGrowth ?? null,
        recordedBy: em.getReference(User, recorder(context)),
      });
      await em.flush();
      const { score, inspector, inspectedOn, reportedGrowth = null } = inspection;
      return {
        result: inspection,
        events: [
          {
            action: 'inspection.record',
            subjectType: 'Inspection',
            subjectId: inspection.id,
            regionPath: term.post.region.path,
            before: null,
            after: { term: term.id, score, inspector, inspectedOn, reportedGrowth },
          },
        ],
      };
    });
  }

  async recordSpecialAudit(context: RequestContext, input: RecordSpecialAuditInput): Promise<SpecialAudit> {
    const term = await this.termToRecordOn(context, 'SpecialAudit', input.termId);
    const problems = appraisal.specialAuditProblems(input, { today: isoDate(), termStartsOn: term.startsOn });
    refuse('INVALID_SPECIAL_AUDIT', problems);
    return inTransaction(this.events, context, async (em) => {
      const { termId: _termId, ...figures } = input;
      const audit = em.create(SpecialAudit, {
        ...figures,
        term,
        region: term.post.region,
        auditBody: input.auditBody.trim(),
        recordedBy: em.getReference(User, recorder(context)),
      });
      await em.flush();
      return {
        result: audit,
        events: [
          {
            action: 'special-audit.record',
            subjectType: 'SpecialAudit',
            subjectId: audit.id,
            regionPath: term.post.region.path,
            before: null,
            after: { ...figures, auditBody: audit.auditBody, term: term.id },
          },
        ],
      };
    });
  }

  private async page<Row extends Inspection | SpecialAudit>(
    context: RequestContext,
    entity: EntityName<Row>,
    subject: 'Inspection' | 'SpecialAudit',
    filter: AppraisalRecordFilter | null | undefined,
    page: PageArgs,
  ): Promise<Connection<Row>> {
    const repository = new AppraisalRecordRepository(context.em);
    const requested = await repository.requestedFilter(filter);
    return repository.page(entity, requested && scoped(context.ability, 'read', subject, requested), page);
  }

  /** The term a record is about, once the caller may record on it (its post's region is in their jurisdiction). */
  private async termToRecordOn(context: RequestContext, subject: 'Inspection' | 'SpecialAudit', termId: string): Promise<Term> {
    const term = await new AppraisalRecordRepository(context.em).termWithRegion(termId);
    if (!term) throw notFound('Term');
    authorize(context, 'create', subject, { region: term.post.region }, 'termId');
    return term;
  }
}

/** Who records: only organization staff may (the permission says so before this is reached). */
function recorder(context: RequestContext): string {
  if (context.principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only organization staff record appraisals');
  return context.principal.id;
}

/** Refuses an input with problems, every field's problem coded. */
function refuse(reason: 'INVALID_INSPECTION' | 'INVALID_SPECIAL_AUDIT', problems: Partial<Record<string, Problem>>): void {
  const fields = Object.fromEntries(Object.entries(problems).filter((entry): entry is [string, Problem] => entry[1] !== undefined));
  if (Object.keys(fields).length === 0) return;
  const what = reason === 'INVALID_INSPECTION' ? 'inspection' : 'special audit';
  throw new AppError(reason, `The ${what} cannot be recorded: ${Object.keys(fields).join(', ')}`, fields);
}
