import type { EntityManager } from '@mikro-orm/postgresql';
import { problemOf, reviews } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { VerdictService } from '../appraisal/verdict.service';
import type { CampaignService } from '../evaluation/campaign.service';
import type { GrantService } from '../grants/grant.service';
import type { ReviewAlertListArgs } from './dto/reviews.inputs';
import type { ReviewAlert } from './review-alert.entity';
import { ReviewAlertRepository, type ReviewAlertDraft } from './review-alert.repository';
import type { ReviewsEvents } from './reviews.events';

/** What the reviews module reads of the others, through their exported services. */
export interface ReviewSources {
  verdicts: VerdictService;
  grants: GrantService;
  campaigns: CampaignService;
}

/**
 * Review alerts: raised by the platform when a term's verdict becomes incompetent (see
 * review-alert.listener.ts), read and resolved by the organization they are addressed to.
 */
export class ReviewAlertService {
  constructor(
    private readonly events: EventPublisher<ReviewsEvents>,
    private readonly sources: ReviewSources,
  ) {}

  list(context: RequestContext, page: PageArgs, { filter }: ReviewAlertListArgs): Promise<Connection<ReviewAlert>> {
    const repository = new ReviewAlertRepository(context.em);
    return repository.page(scoped(context.ability, 'read', 'ReviewAlert', repository.requestedFilter(filter)), page);
  }

  async get(context: RequestContext, id: string): Promise<ReviewAlert> {
    const alert = await new ReviewAlertRepository(context.em).findWithRegion(id);
    if (!alert) throw notFound('ReviewAlert');
    authorize(context, 'read', 'ReviewAlert', alert);
    return alert;
  }

  /** The addressed organization resolves an open alert, saying how; the loser of a race gets CONFLICT. */
  async resolve(context: RequestContext, id: string, note: string): Promise<ReviewAlert> {
    const text = note.trim();
    if (!text) throw invalidInput({ note: problemOf('RESOLUTION_NOTE_REQUIRED') });
    const alert = await new ReviewAlertRepository(context.em).findWithRegion(id);
    if (!alert) throw notFound('ReviewAlert');
    authorize(context, 'update', 'ReviewAlert', alert);
    const resolved = () => new AppError('REVIEW_ALERT_RESOLVED', 'This review alert is resolved already');
    if (alert.status !== 'OPEN') throw resolved();
    return inTransaction(this.events, context, async (em) => {
      const repository = new ReviewAlertRepository(em);
      if (!(await repository.resolve(alert.id, context.actorLabel ?? '', text))) throw resolved();
      return {
        result: (await repository.findWithRegion(alert.id))!,
        events: [
          {
            action: 'review-alert.resolve',
            subjectType: 'ReviewAlert',
            subjectId: alert.id,
            regionPath: alert.region.path,
            before: { status: 'OPEN' },
            after: { status: 'RESOLVED', note: text },
          },
        ],
      };
    });
  }

  /** Every term with a published mass evaluation (a new settings version in force changes all their verdicts). */
  termsEvaluated(em: EntityManager): Promise<string[]> {
    return this.sources.campaigns.publishedTermIds(em);
  }

  /** The terms that published campaigns evaluated (their verdicts may have changed). */
  termsOfCampaigns(em: EntityManager, campaignIds: readonly string[]): Promise<string[]> {
    return this.sources.campaigns.termIdsOf(em, campaignIds);
  }

  /**
   * Recomputes the verdicts of these terms, set-wise, on every record, and raises a review alert for
   * each whose verdict is an asserted "incompetent" and that has none under the settings version in
   * force: addressed to the organization that recorded the term's grant (the granting body's), or, for
   * a term recorded without a grant, to the organization its post belongs to. In the caller's
   * transaction; a term alerted already is skipped by the unique key. Returns how many were raised.
   */
  async raiseFor(em: EntityManager, context: RequestContext, termIds: readonly string[]): Promise<number> {
    const unique = [...new Set(termIds)];
    if (unique.length === 0) return 0;
    const incompetent = (await this.sources.verdicts.reached(em, unique)).filter(
      (verdict): verdict is NonNullable<typeof verdict> => verdict !== null && reviews.raisesReview(verdict),
    );
    if (incompetent.length === 0) return 0;
    const grantIds = incompetent.flatMap((verdict) => (verdict.term.grantId ? [verdict.term.grantId] : []));
    const grants = new Map((await this.sources.grants.ofIds(em, grantIds)).map((grant) => [grant.id, grant]));
    const drafts: ReviewAlertDraft[] = incompetent.map((verdict) => {
      const { term } = verdict;
      const grant = term.grantId ? grants.get(term.grantId) : undefined;
      return {
        termId: term.id,
        regionId: term.post.region.id,
        organizationId: grant ? grant.organizationId : term.post.organization.id,
        addressee: grant ? 'GRANTING_BODY' : 'POST_ORGANIZATION',
        grantId: grant?.id ?? null,
        bodyName: grant?.bodyName ?? null,
        bodyKind: grant?.bodyKind ?? null,
        settingsVersion: verdict.settingsVersion,
        score: verdict.score,
        low: verdict.low,
        high: verdict.high,
        grade: verdict.grade,
        flags: verdict.flags.map((flag) => flag.code),
      };
    });
    const raised = await new ReviewAlertRepository(em).raiseOnce(drafts);
    if (raised.length === 0) return 0;
    const draftOf = new Map(drafts.map((draft) => [draft.termId, draft]));
    const pathOf = new Map(incompetent.map((verdict) => [verdict.term.id, verdict.term.post.region.path]));
    await this.events.publish(
      em,
      context,
      raised.map(({ id, termId }) => {
        const draft = draftOf.get(termId)!;
        return {
          action: 'review-alert.raise' as const,
          subjectType: 'ReviewAlert',
          subjectId: id,
          regionPath: pathOf.get(termId)!,
          before: null,
          after: {
            term: termId,
            organizationId: draft.organizationId,
            addressee: draft.addressee,
            grant: draft.grantId,
            settingsVersion: draft.settingsVersion,
            score: draft.score,
            grade: draft.grade,
          },
        };
      }),
    );
    return raised.length;
  }
}
