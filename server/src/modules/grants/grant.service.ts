import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation, grants, isWithin, problemMessage, problemOf, type Problem } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type DomainEvent, type EventPublisher } from '../../common/domain-events';
import { conflictOnUnique } from '../../common/guarded-write';
import { readById } from '../../common/loaders';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { CadreServices } from '../cadres/cadres.module';
import { Cadre } from '../cadres/cadre.entity';
import { Post } from '../cadres/post.entity';
import { User } from '../accounts/user.entity';
import { newReceiptCode, receiptHashOf } from '../../common/receipt-code';
import type { LedgerService } from '../ledger/ledger.service';
import type { NotificationService } from '../notifications/notification.service';
import type {
  AnswerObjectionInput,
  CorrectGrantStepInput,
  CreateGrantInput,
  EndGrantInput,
  FileObjectionInput,
  GrantListArgs,
  RecordGrantStepInput,
} from './dto/grants.inputs';
import { GrantAnswer } from './grant-answer.entity';
import { GrantCorrection } from './grant-correction.entity';
import { GrantEnding } from './grant-ending.entity';
import { GrantObjection } from './grant-objection.entity';
import { GrantStep } from './grant-step.entity';
import { Grant } from './grant.entity';
import { GrantRepository, type ObjectionRow, type StepRow } from './grant.repository';
import type { GrantsEvents } from './grants.events';
import type { GrantStatus } from './grants-enums';
import { independentReads } from '../../common/reads';

/** Today's date (UTC, YYYY-MM-DD): whether a notice is open. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Where a grant stands, from its records: never stored, so never out of step with them. */
export function statusOf(
  method: grants.GrantMethod,
  steps: readonly StepRow[],
  objections: readonly ObjectionRow[],
  ended: boolean,
): GrantStatus {
  if (ended) return 'ENDED';
  if (objections.some((objection) => objection.upheld === true)) return 'STOPPED';
  const probation = steps.find((step) => step.step === 'PROBATION_END');
  if (probation) return probation.facts.outcome === 'REMOVED' ? 'ENDED' : 'IN_EFFECT';
  if (steps.some((step) => step.step === 'TAKING_EFFECT')) return method === 'APPOINTMENT' ? 'PROBATION' : 'IN_EFFECT';
  if (steps.some((step) => step.step === 'NOTICE')) return 'NOTICE';
  return 'PROCEDURE';
}

/** The refusal of a step that breaks rules: the first problem's message, every problem by field. */
function ruleRefusal(
  reason: 'GRANT_RULE_BROKEN' | 'GRANT_STEP_OUT_OF_ORDER' | 'GRANT_OBJECTIONS_UNANSWERED',
  found: readonly grants.GrantProblem[],
) {
  const fields = grants.wireProblemsByField(found);
  const first = Object.values(fields)[0] as Problem;
  return new AppError(reason, problemMessage(first), fields);
}

const outOfOrder = () =>
  new AppError('GRANT_STEP_OUT_OF_ORDER', 'Another step of this grant was recorded meanwhile: reload it', {
    step: problemOf('GRANT_STEP_OUT_OF_ORDER', { step: 'this step', expected: 'another' }),
  });

/**
 * Power grants: their procedure step by step under shared's rules, the public notice and its objections,
 * the term a grant creates when it takes effect (through the cadres module, in the same transaction),
 * endings and corrections. Every record is appended to the ledger in its own transaction, and every
 * change is serialized per grant (an advisory lock, and unique keys for the loser of a race).
 */
export class GrantService {
  constructor(
    private readonly events: EventPublisher<GrantsEvents>,
    private readonly ledger: LedgerService,
    private readonly cadres: CadreServices,
    private readonly notifications: NotificationService,
  ) {}

  async list(context: RequestContext, page: PageArgs, { filter }: GrantListArgs): Promise<Connection<Grant>> {
    const repository = new GrantRepository(context.em);
    for (const [field, day] of [
      ['decidedFrom', filter?.decidedFrom],
      ['decidedTo', filter?.decidedTo],
    ] as const) {
      if (day != null && !grants.isIsoDate(day)) throw invalidInput({ [`filter.${field}`]: problemOf('GRANT_NOT_A_DATE', { got: day }) });
    }
    const requested = await repository.requestedFilter(filter, today());
    return repository.page(requested && (() => scoped(context.ability, 'read', 'Grant', requested())), page);
  }

  get(context: RequestContext, id: string): Promise<Grant> {
    return readById(context, Grant, 'Grant', id, ['region']);
  }

  /** One objection by id, for whoever may read its grant's objections (the grant's region decides). Batched per request. */
  async objection(context: RequestContext, id: string): Promise<ObjectionRow> {
    const row = await context.loaders.objectionsById.load(id);
    const grant = row && (await context.loaders.grantsById.load(row.grantId));
    if (!row || !grant) throw notFound('GrantObjection');
    authorize(context, 'read', 'GrantObjection', grant);
    return row;
  }

  /** The grants of these ids with their regions and posts (for other modules' reactions, in their transaction): one statement. */
  ofIds(em: EntityManager, ids: readonly string[]): Promise<Grant[]> {
    return ids.length === 0 ? Promise.resolve([]) : new GrantRepository(em).withRegionsAndPosts(ids);
  }

  /** Appends the records to the ledger, then publishes the events: one transaction with the records. */
  private async recorded<T>(em: EntityManager, result: T, records: { type: string; id: string }[], events: DomainEvent<GrantsEvents>[]) {
    await em.flush();
    await this.ledger.append(em, records);
    return { result, events };
  }

  async create(context: RequestContext, input: CreateGrantInput): Promise<Grant> {
    const [post, cadre] = await Promise.all([
      context.em.findOne(Post, { id: input.postId }, { populate: ['region'] }),
      context.em.findOne(Cadre, { id: input.cadreId }),
    ]);
    if (!post) throw invalidInput({ postId: problemOf('NO_SUCH_POST') });
    if (!cadre) throw invalidInput({ cadreId: problemOf('NO_SUCH_CADRE') });
    authorize(context, 'create', 'Grant', { region: post.region }, 'postId');
    const principal = context.principal;
    if (principal.kind !== 'USER' || !principal.organizationId) throw new AppError('FORBIDDEN', 'Only an organization records grants');
    const organizationId = principal.organizationId;
    return inTransaction(this.events, context, async (em) => {
      const grant = em.create(Grant, {
        post: post.id,
        cadre: cadre.id,
        region: post.region.id,
        organizationId,
        method: input.method,
        bodyName: input.bodyName.trim(),
        bodyKind: input.bodyKind,
        termYears: input.termYears,
        createdBy: principal.id,
      });
      return this.recorded(
        em,
        grant,
        [{ type: 'Grant', id: grant.id }],
        [
          {
            action: 'grant.create',
            subjectType: 'Grant',
            subjectId: grant.id,
            regionPath: post.region.path,
            before: null,
            after: {
              postId: post.id,
              cadreId: cadre.id,
              method: input.method,
              bodyName: grant.bodyName,
              bodyKind: input.bodyKind,
              termYears: input.termYears,
            },
          },
        ],
      );
    });
  }

  /** A grant to change, with the caller's right to change it checked. */
  private async changeable(context: RequestContext, grantId: string): Promise<Grant> {
    const grant = await new GrantRepository(context.em).findWithRegion(grantId);
    if (!grant) throw notFound('Grant');
    authorize(context, 'update', 'Grant', grant);
    return grant;
  }

  /** The grant's records as they stand, read under its lock; refuses a grant stopped or ended. */
  private async state(em: EntityManager, grant: Grant) {
    const repository = new GrantRepository(em);
    await repository.lock(grant.id);
    const [steps, objections, endings] = await independentReads(
      em,
      () => repository.stepsOf([grant.id]),
      () => repository.objectionsOf([grant.id]),
      () => repository.endingsOf([grant.id]),
    );
    if (endings.length > 0) throw new AppError('GRANT_ENDED', `This grant ended on ${endings[0].endedOn}`);
    if (objections.some((objection) => objection.upheld === true))
      throw new AppError('GRANT_STOPPED', 'An upheld objection stopped this grant');
    return { repository, steps, objections };
  }

  async recordStep(context: RequestContext, input: RecordGrantStepInput): Promise<Grant> {
    const grant = await this.changeable(context, input.grantId);
    const principal = context.principal;
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only an organization records steps');
    return inTransaction(this.events, context, async (em) => {
      const { repository, steps, objections } = await this.state(em, grant);
      const procedure = steps.filter((step) => step.step !== 'PROBATION_END');
      const previous = steps[steps.length - 1] ?? null;
      if (input.step === 'PROBATION_END') {
        const takenEffect = steps.find((step) => step.step === 'TAKING_EFFECT');
        if (!takenEffect)
          throw ruleRefusal(
            'GRANT_STEP_OUT_OF_ORDER',
            grants.stepOrderProblems(
              procedure.map((s) => s.step as grants.GrantStep),
              'TAKING_EFFECT',
            ),
          );
        if (steps.some((step) => step.step === 'PROBATION_END'))
          throw ruleRefusal('GRANT_STEP_OUT_OF_ORDER', [
            {
              code: 'STEP_OUT_OF_ORDER',
              field: '',
              params: { step: 'PROBATION_END', expected: 'none' },
              message: 'The probation has ended already',
            },
          ]);
      } else {
        const order = grants.stepOrderProblems(
          procedure.map((step) => step.step as grants.GrantStep),
          input.step,
        );
        if (order.length > 0) throw ruleRefusal('GRANT_STEP_OUT_OF_ORDER', order);
      }
      const { facts, problems } = grants.stepFactsProblems(input.step, grant.method, input.date, input.facts);
      const dated = grants.stepDateProblems(previous?.date ?? null, input.date);
      const found = [...dated, ...problems];
      if (found.length > 0) throw ruleRefusal('GRANT_RULE_BROKEN', found);
      const decision = steps.find((step) => step.step === 'DECISION');
      const notice = steps.find((step) => step.step === 'NOTICE');
      let term: { id: string } | null = null;
      if (input.step === 'NOTICE') {
        const end = (facts as grants.NoticeStepFacts).end;
        const calendar = grants.isIsoDate(end) && end >= input.date ? await repository.calendar(input.date, end) : grants.EMPTY_CALENDAR;
        const noticed = grants.noticeProblems({ start: input.date, end }, decision!.date, calendar);
        if (noticed.length > 0) throw ruleRefusal('GRANT_RULE_BROKEN', noticed);
      }
      if (input.step === 'TAKING_EFFECT') {
        const taking = grants.takingEffectProblems(
          input.date,
          String(notice!.facts.end),
          objections.map((objection) => ({ answered: objection.answerId !== null, upheld: objection.upheld === true })),
        );
        const unanswered = taking.filter((problem) => problem.code === 'OBJECTIONS_UNANSWERED');
        if (unanswered.length > 0) throw ruleRefusal('GRANT_OBJECTIONS_UNANSWERED', unanswered);
        if (taking.length > 0) throw ruleRefusal('GRANT_RULE_BROKEN', taking);
      }
      if (input.step === 'PROBATION_END') {
        const takenEffect = steps.find((step) => step.step === 'TAKING_EFFECT')!;
        const probation = grants.probationProblems(grant.method, takenEffect.date, input.date, (facts as grants.ProbationFacts).outcome);
        if (probation.length > 0) throw ruleRefusal('GRANT_RULE_BROKEN', probation);
      }
      const step = em.create(GrantStep, {
        grant: grant.id,
        step: input.step,
        position: steps.length,
        date: input.date,
        facts: facts as Record<string, unknown>,
        recordedBy: principal.id,
      });
      await em.flush();
      const scoped = { ...context, em };
      if (input.step === 'TAKING_EFFECT') {
        // The term, through the cadres module's own rules (tenure, one holder), in this transaction (a savepoint).
        term = await this.cadres.terms.create(
          scoped,
          { cadreId: grant.cadre.id, postId: grant.post.id, startsOn: input.date, endsOn: grants.addYears(input.date, grant.termYears) },
          grant.id,
        );
      }
      if (input.step === 'PROBATION_END' && (facts as grants.ProbationFacts).outcome === 'REMOVED') {
        const termId = (await repository.termIdsOf([grant.id])).get(grant.id);
        if (termId) await this.cadres.terms.end(scoped, termId, { endedOn: input.date, reason: 'DISMISSAL' });
      }
      if (input.step === 'NOTICE') {
        // Citizens of the post's region and every region under it hear of the notice, in the same transaction.
        const post = await em.findOneOrFail(Post, { id: grant.post.id });
        await this.notifications.notifyVerifiedResidents(em, {
          regionPath: grant.region.path,
          kind: 'NOTICE_OPENED',
          params: { title: post.title, titleZh: post.titleZh, closesAt: `${(facts as grants.NoticeStepFacts).end}T23:59:59.999Z` },
          subjectId: grant.id,
        });
      }
      return this.recorded(
        em,
        grant,
        [{ type: 'GrantStep', id: step.id }],
        [
          {
            action: 'grant.step.record',
            subjectType: 'Grant',
            subjectId: grant.id,
            regionPath: grant.region.path,
            before: null,
            after: {
              stepId: step.id,
              step: input.step,
              date: input.date,
              facts: { ...(facts as Record<string, unknown>), ...(term ? { termId: term.id } : {}) },
            },
          },
        ],
      );
    }).catch(conflictOnUnique(outOfOrder, ['grant_step_position_once', 'grant_step_once']));
  }

  async correctStep(context: RequestContext, input: CorrectGrantStepInput): Promise<Grant> {
    const grantId = await new GrantRepository(context.em).grantOfStep(input.stepId);
    if (!grantId) throw notFound('Grant step');
    const grant = await this.changeable(context, grantId);
    const principal = context.principal;
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only an organization corrects steps');
    return inTransaction(this.events, context, async (em) => {
      const repository = new GrantRepository(em);
      await repository.lock(grant.id);
      const steps = await repository.stepsOf([grant.id]);
      const at = steps.findIndex((step) => step.id === input.stepId);
      const corrected = steps[at];
      const { facts, problems } = grants.stepFactsProblems(corrected.step, grant.method, input.date, input.facts);
      const dated = [
        ...grants.stepDateProblems(steps[at - 1]?.date ?? null, input.date),
        ...(steps[at + 1] ? grants.stepDateProblems(input.date, steps[at + 1].date) : []),
      ];
      const found = [...dated, ...problems];
      if (corrected.step === 'NOTICE' && found.length === 0) {
        const end = String((facts as grants.NoticeStepFacts).end);
        const calendar = grants.isIsoDate(end) && end >= input.date ? await repository.calendar(input.date, end) : grants.EMPTY_CALENDAR;
        found.push(...grants.noticeProblems({ start: input.date, end }, steps[at - 1].date, calendar));
      }
      if (found.length > 0) throw ruleRefusal('GRANT_RULE_BROKEN', found);
      const correction = em.create(GrantCorrection, {
        grant: grant.id,
        corrects: corrected.id,
        date: input.date,
        facts: facts as Record<string, unknown>,
        reason: input.reason.trim(),
        recordedBy: principal.id,
      });
      return this.recorded(
        em,
        grant,
        [{ type: 'GrantCorrection', id: correction.id }],
        [
          {
            action: 'grant.step.correct',
            subjectType: 'Grant',
            subjectId: grant.id,
            regionPath: grant.region.path,
            before: { date: corrected.date, facts: corrected.facts },
            after: { stepId: corrected.id, date: input.date, facts: facts as Record<string, unknown>, reason: correction.reason },
          },
        ],
      );
    });
  }

  async fileObjection(context: RequestContext, input: FileObjectionInput): Promise<{ objection: GrantObjection; receipt: string | null }> {
    const principal = context.principal;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') throw new AppError('FORBIDDEN', 'Only a citizen files an objection');
    if (principal.citizenStatus !== 'VERIFIED')
      throw new AppError('OBJECTION_NOT_VERIFIED', 'Only a citizen whose residence is verified may object');
    const grant = await new GrantRepository(context.em).findWithRegion(input.grantId);
    if (!grant) throw notFound('Grant');
    if (!isWithin(principal.regionPath, grant.region.path)) {
      throw new AppError('OBJECTION_OUTSIDE_REGION', 'Only residents of the region of the notice may object');
    }
    const user = input.anonymous ? null : await context.em.findOne(User, { id: principal.id });
    // Anonymous: a random receipt code, returned this once; only its hash is kept, and nothing of the citizen.
    const receipt = input.anonymous ? newReceiptCode() : null;
    return inTransaction(this.events, context, async (em) => {
      const { steps } = await this.state(em, grant);
      const notice = steps.find((step) => step.step === 'NOTICE');
      const day = today();
      const open = notice && !steps.some((step) => step.step === 'TAKING_EFFECT') && notice.date <= day && day <= String(notice.facts.end);
      if (!open) throw new AppError('GRANT_NOTICE_NOT_OPEN', 'The public notice of this grant is not open');
      const objection = em.create(GrantObjection, {
        grant: grant.id,
        filedBy: input.anonymous ? null : principal.id,
        filerName: user?.displayName ?? null,
        text: input.text.trim(),
        evidence: input.evidence?.trim() || null,
        receiptHash: receipt ? receiptHashOf(receipt) : null,
      });
      // Public without an event (see below): the public response cache moves on here.
      if (input.anonymous) await new PublicationEpochRepository(em).bump();
      return this.recorded(
        em,
        { objection, receipt: receipt && evaluation.formatReceiptCode(receipt) },
        [{ type: 'GrantObjection', id: objection.id }],
        // An anonymous objection publishes no event: the audit log would tie it to its filer (actor, time, grant).
        input.anonymous
          ? []
          : [
              {
                action: 'grant.objection.file',
                subjectType: 'Grant',
                subjectId: grant.id,
                regionPath: grant.region.path,
                before: null,
                after: { objectionId: objection.id, named: true },
              },
            ],
      );
    });
  }

  /** The objections a citizen filed under their name, the latest first, with their answers: a page, as many statements for 1 as 100. */
  async myObjections(context: RequestContext, page: PageArgs): Promise<Connection<ObjectionRow>> {
    const principal = context.principal;
    if (principal.kind !== 'USER' || principal.role !== 'CITIZEN') throw new AppError('FORBIDDEN', 'Only a citizen files objections');
    const repository = new GrantRepository(context.em);
    const found = await repository.filedBy(principal.id, page);
    const rows = new Map((await repository.objectionsOfIds(found.edges.map((edge) => edge.node.id))).map((row) => [row.id, row]));
    return { ...found, edges: found.edges.map(({ node, cursor }) => ({ node: rows.get(node.id)!, cursor })) };
  }

  /**
   * An anonymous objection by its receipt code, with its answer: whoever holds the code. Nothing is recorded
   * of who asks, and the answer holds nothing of the filer. Null for a code that is no receipt.
   */
  async objectionByReceipt(context: RequestContext, typed: string): Promise<ObjectionRow | null> {
    const code = evaluation.normalizeReceiptCode(typed);
    return code ? new GrantRepository(context.em).objectionOfReceipt(receiptHashOf(code)) : null;
  }

  async answerObjection(context: RequestContext, input: AnswerObjectionInput): Promise<Grant> {
    const objection = await new GrantRepository(context.em).objection(input.objectionId);
    if (!objection) throw notFound('Objection');
    const grant = await this.changeable(context, objection.grantId);
    const principal = context.principal;
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only an organization answers objections');
    const answered = () => new AppError('OBJECTION_ALREADY_ANSWERED', 'This objection is answered already');
    if (objection.answerId) throw answered();
    return inTransaction(this.events, context, async (em) => {
      await this.state(em, grant);
      const answer = em.create(GrantAnswer, {
        objection: objection.id,
        upheld: input.upheld,
        reasons: input.reasons.trim(),
        answeredBy: principal.id,
      });
      return this.recorded(
        em,
        grant,
        [{ type: 'GrantAnswer', id: answer.id }],
        [
          {
            action: 'grant.objection.answer',
            subjectType: 'Grant',
            subjectId: grant.id,
            regionPath: grant.region.path,
            before: null,
            after: { objectionId: objection.id, upheld: input.upheld },
          },
        ],
      );
    }).catch(conflictOnUnique(answered, ['grant_answer_once']));
  }

  async end(context: RequestContext, input: EndGrantInput): Promise<Grant> {
    const grant = await this.changeable(context, input.grantId);
    const principal = context.principal;
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only an organization records the end of a grant');
    if (!grants.isIsoDate(input.endedOn)) throw invalidInput({ endedOn: problemOf('GRANT_NOT_A_DATE', { got: input.endedOn }) });
    const ended = () => new AppError('GRANT_ENDED', 'This grant was ended meanwhile: reload it');
    return inTransaction(this.events, context, async (em) => {
      const { repository, steps } = await this.state(em, grant);
      const removed = steps.some((step) => step.step === 'PROBATION_END' && step.facts.outcome === 'REMOVED');
      const termId = (await repository.termIdsOf([grant.id])).get(grant.id);
      if (!termId || removed)
        throw new AppError('GRANT_NOT_IN_EFFECT', 'This grant has not taken effect, or its probation ended in removal');
      const ending = em.create(GrantEnding, {
        grant: grant.id,
        reason: input.reason,
        endedOn: input.endedOn,
        decidedBy: input.decidedBy.trim(),
        why: input.why.trim(),
        recordedBy: principal.id,
      });
      await em.flush();
      await this.cadres.terms.end({ ...context, em }, termId, { endedOn: input.endedOn, reason: input.reason });
      return this.recorded(
        em,
        grant,
        [{ type: 'GrantEnding', id: ending.id }],
        [
          {
            action: 'grant.end',
            subjectType: 'Grant',
            subjectId: grant.id,
            regionPath: grant.region.path,
            before: null,
            after: { reason: input.reason, endedOn: input.endedOn, decidedBy: ending.decidedBy },
          },
        ],
      );
    }).catch(conflictOnUnique(ended, ['grant_ending_once']));
  }
}
