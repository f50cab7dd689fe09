import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import { subject } from '@casl/ability';
import { abilityFilter, type Filter } from '../../common/ability-filter';
import { AppError, notFound } from '../../common/app-error';
import { toGlobalId } from '../../common/global-id';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { Term } from '../cadres/term.entity';
import { AppraisalRecordRepository } from './appraisal-record.repository';
import { Inspection } from './inspection.entity';
import { SpecialAudit } from './special-audit.entity';
import { VerdictSettingsRepository } from './verdict-settings.repository';
import { tendencyFlagView } from '../evaluation/dto/evaluation.outputs';
import type { Verdict } from './verdict.types';
import { independentReads } from '../../common/reads';

/** Mass satisfaction with a term, from the latest published campaign whose ballots for it reached k. */
export interface TermMassEvaluation {
  campaignId: string;
  title: string;
  titleZh: string;
  period: string;
  /** Citizens who could vote: the population of the finite-population correction (null: unknown). */
  eligible: number | null;
  /** The campaign's criteria, in its order, with their names as it asked them. */
  criteria: readonly { code: string; en: string; zhCN: string }[];
  tally: evaluation.SatisfactionTally;
}

/** How the verdict reads mass evaluation (the evaluation module's published results), for many terms at once. */
export type MassEvaluationReader = (em: EntityManager, termIds: readonly string[]) => Promise<Map<string, TermMassEvaluation>>;

/** At most this many terms per request: each costs its share of a few set-based statements. */
export const MAX_VERDICTS = 100;

/**
 * Verdicts on cadres' terms, reached on read from the records they stand on (so a new inspection, audit
 * or published campaign shows at once): mass satisfaction of the latest published campaign that reached
 * k for the term, the latest inspection, the latest special audit, and the settings version in force.
 * A handful of statements whatever the number of terms.
 */
export class VerdictService {
  constructor(private readonly massEvaluation: MassEvaluationReader) {}

  async verdict(context: RequestContext, termId: string): Promise<Verdict | null> {
    const [verdict] = await this.verdicts(context, [termId]);
    return verdict;
  }

  /** The verdict of each term, in the order asked (null: no published mass evaluation for it yet). */
  async verdicts(context: RequestContext, termIds: readonly string[]): Promise<(Verdict | null)[]> {
    if (termIds.length > MAX_VERDICTS) {
      throw new AppError('INVALID_INPUT', `At most ${MAX_VERDICTS} terms at once`, { termIds: `At most ${MAX_VERDICTS}` });
    }
    const terms = await termsOf(context.em, termIds);
    for (const id of new Set(termIds)) {
      const term = terms.get(id);
      if (!term) throw notFound('Term');
      authorize(context, 'read', 'Verdict', { region: term.post.region }, 'termIds');
    }
    return this.reach(context.em, termIds, terms, readFilters(context));
  }

  /**
   * The verdict of each term for a field of the term (`Term.verdict`): null where there is none yet, and
   * where the caller may not read it (a reader of public records sees the term without it), never a
   * refusal. Asked through a request's batch loader, so a page of terms costs what one term costs.
   */
  async readable(context: RequestContext, termIds: readonly string[]): Promise<(Verdict | null)[]> {
    const terms = await termsOf(context.em, termIds);
    const allowed = termIds.filter((id) => {
      const term = terms.get(id);
      return term !== undefined && context.ability.can('read', subject('Verdict', { region: term.post.region }));
    });
    const reached = new Map(
      (await this.reach(context.em, allowed, terms, readFilters(context))).map((verdict, i) => [allowed[i], verdict]),
    );
    return termIds.map((id) => reached.get(id) ?? null);
  }

  /**
   * The verdicts of terms as the platform reaches them, on every record whatever the caller may read:
   * for the platform's own reactions to a change (a review alert), never for a response.
   */
  async reached(em: EntityManager, termIds: readonly string[]): Promise<(Verdict | null)[]> {
    return this.reach(em, termIds, await termsOf(em, termIds), { inspections: {}, audits: {} });
  }

  private async reach(
    em: EntityManager,
    termIds: readonly string[],
    byId: ReadonlyMap<string, Term>,
    filters: { inspections: Filter; audits: Filter },
  ): Promise<(Verdict | null)[]> {
    const unique = [...new Set(termIds)].filter((id) => byId.has(id));
    if (unique.length === 0) return termIds.map(() => null);
    const records = new AppraisalRecordRepository(em);
    const [settings, mass, inspections, audits] = await independentReads(
      em,
      () => new VerdictSettingsRepository(em).active(),
      () => this.massEvaluation(em, unique),
      () => records.latestOf(Inspection, unique, filters.inspections),
      () => records.latestOf(SpecialAudit, unique, filters.audits),
    );
    const thresholds: evaluation.VerdictSettings = { ...settings.settings, version: settings.version };
    return termIds.map((id) => {
      const term = byId.get(id);
      const found = mass.get(id);
      if (!term || !found) return null;
      const inspection = inspections.get(id) ?? null;
      const specialAudit = audits.get(id) ?? null;
      const satisfaction = evaluation.satisfactionOf(found.tally, found.eligible);
      const verdict = evaluation.verdictOf(
        { satisfaction, inspection: inspection?.score ?? null, audit: specialAudit, reportedGrowth: inspection?.reportedGrowth ?? null },
        thresholds,
      );
      if (!verdict) return null;
      return {
        term,
        settingsVersion: verdict.settingsVersion,
        source: {
          campaignId: toGlobalId('Campaign', found.campaignId),
          title: found.title,
          titleZh: found.titleZh,
          period: found.period,
          ballots: found.tally.ballots,
          eligible: found.eligible,
        },
        mass: verdict.mass,
        criteria: satisfaction.criteria.map((criterion) => {
          const asked = found.criteria.find((candidate) => candidate.code === criterion.code);
          return { ...criterion, nameEn: asked?.en ?? criterion.code, nameZh: asked?.zhCN ?? criterion.code };
        }),
        inspection,
        specialAudit,
        audit: verdict.audit,
        weights: verdict.weights,
        score: verdict.score,
        low: verdict.low,
        high: verdict.high,
        grade: verdict.grade,
        uncertain: verdict.uncertain,
        flags: verdict.flags.map(tendencyFlagView),
      };
    });
  }
}

/** The terms asked, with their cadres and posts' regions (the verdict's jurisdiction), by id: one statement. */
async function termsOf(em: EntityManager, termIds: readonly string[]): Promise<Map<string, Term>> {
  if (termIds.length === 0) return new Map();
  const terms = await em.find(Term, { id: { $in: [...new Set(termIds)] } }, { populate: ['cadre', 'post', 'post.region'] });
  return new Map(terms.map((term) => [term.id, term]));
}

/** The inspections and audits a caller's verdict may stand on: those they may read (none: a filter matching nothing). */
function readFilters(context: RequestContext): { inspections: Filter; audits: Filter } {
  return {
    inspections: abilityFilter(context.ability, 'read', 'Inspection') ?? { id: null },
    audits: abilityFilter(context.ability, 'read', 'SpecialAudit') ?? { id: null },
  };
}
