import type { EntityManager } from '@mikro-orm/postgresql';
import { cadres, problemMessage, problemOf, type Problem } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { readById } from '../../common/loaders';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { CadreRepository } from './cadre.repository';
import type { CadresEvents } from './cadres.events';
import type { CreateTermInput, EndTermArgs, TermListArgs } from './dto/cadres.inputs';
import { PostRepository } from './post.repository';
import { Term } from './term.entity';
import { TermRepository, today, type TermForCampaign } from './term.repository';
import { independentReads } from '../../common/reads';

/**
 * Terms: who holds which post, when. Recorded directly by organizations of the post's jurisdiction
 * until power grants (mechanism 3) create them, under the same tenure rules (shared's `termProblems`).
 */
export class TermService {
  constructor(private readonly events: EventPublisher<CadresEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: TermListArgs): Promise<Connection<Term>> {
    const repository = new TermRepository(context.em);
    const requested = await repository.requestedFilter(filter, today());
    return repository.page(requested && scoped(context.ability, 'read', 'Term', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Term> {
    return readById(context, Term, 'Term', id);
  }

  /**
   * A new term. The post's row is locked for the rest of the transaction (the guarded write): of two
   * requests giving one post a holder at once, the second waits, then sees the first's term and is
   * refused POST_ALREADY_HELD (CONFLICT). Refused with the most serious tenure problem's reason, every
   * problem listed by field.
   */
  async create(context: RequestContext, input: CreateTermInput, grantId: string | null = null): Promise<Term> {
    const [cadre, post] = await Promise.all([
      new CadreRepository(context.em).findWithRegion(input.cadreId),
      new PostRepository(context.em).findWithRegion(input.postId),
    ]);
    if (!cadre) throw invalidInput({ cadreId: problemOf('NO_SUCH_CADRE') });
    if (!post) throw invalidInput({ postId: problemOf('NO_SUCH_POST') });
    authorize(context, 'create', 'Term', { region: post.region }, 'postId');
    return inTransaction(this.events, context, async (em) => {
      await new PostRepository(em).lock(post.id);
      const terms = new TermRepository(em);
      const [holders, history] = await independentReads(
        em,
        () => terms.ofPost(post.id),
        () => terms.ofCadre(cadre.id),
      );
      const proposed: cadres.TermRecord = { postId: post.id, level: post.level, startsOn: input.startsOn, endsOn: input.endsOn };
      const problems = cadres.termProblems(proposed, history, holders);
      if (problems.length > 0) throw termRefusal(problems);
      const term = em.create(Term, { cadre: cadre.id, post: post.id, startsOn: input.startsOn, endsOn: input.endsOn, grantId });
      await em.flush();
      return {
        result: term,
        events: [
          {
            action: 'term.create',
            subjectType: 'Term',
            subjectId: term.id,
            regionPath: post.region.path,
            before: null,
            after: { cadreId: cadre.id, postId: post.id, startsOn: input.startsOn, endsOn: input.endsOn },
          },
        ],
      };
    });
  }

  /** Ends a term early or at expiry: a guarded write from "not ended", so two ends race to one winner (TERM_ALREADY_ENDED). */
  async end(context: RequestContext, id: string, { endedOn, reason }: EndTermArgs): Promise<Term> {
    const term = await new TermRepository(context.em).findWithPost(id);
    if (!term) throw notFound('Term');
    authorize(context, 'update', 'Term', { region: term.post.region });
    if (term.endedOn) throw alreadyEnded(term.endedOn);
    const problems = cadres.termEndProblems(term, endedOn, today());
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_TERM_END', 'The term cannot end on that day', problems);
    return inTransaction(this.events, context, async (em) => {
      const terms = new TermRepository(em);
      if (!(await terms.endIfOpen(term.id, endedOn, reason))) throw alreadyEnded(null);
      const ended = (await terms.findWithPost(term.id))!;
      return {
        result: ended,
        events: [
          {
            action: 'term.end',
            subjectType: 'Term',
            subjectId: term.id,
            regionPath: term.post.region.path,
            before: { endedOn: null },
            after: { endedOn, endReason: reason },
          },
        ],
      };
    });
  }

  /**
   * For the evaluation module: the terms of these ids that exist, each with its cadre, post, the post's
   * region (id and path, to check a campaign's subtree) and whether it is held today — one statement,
   * in the caller's transaction. Ids that name no term are absent from the answer.
   */
  readForCampaign(em: EntityManager, termIds: readonly string[]): Promise<TermForCampaign[]> {
    if (termIds.length === 0) return Promise.resolve([]);
    return new TermRepository(em).forCampaign(termIds, today());
  }
}

/** The refusal of a new term: the first problem's reason and message, every problem by field. */
function termRefusal(problems: readonly cadres.TermProblem[]): AppError {
  const [first] = problems;
  const fields: Record<string, Problem> = {};
  for (const { field, problem } of problems) fields[field] ??= problem;
  return new AppError(first.reason, `The term cannot be recorded: ${problemMessage(first.problem)}`, fields);
}

const alreadyEnded = (on: string | null) =>
  new AppError('TERM_ALREADY_ENDED', on ? `This term ended on ${on}` : 'This term was ended meanwhile by someone else: reload it');
