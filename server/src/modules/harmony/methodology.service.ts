import { harmony, problemOf } from '@massline/shared';
import { AppError, notFound } from '../../common/app-error';
import { scoped } from '../../common/ability-filter';
import type { Connection, PageArgs } from '../../common/connection';
import { conflictOnUnique } from '../../common/guarded-write';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { HarmonyEvents } from './harmony.events';
import { authorize } from '../../common/operation-permission';
import { readById } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { User } from '../accounts/user.entity';
import { loadVersion, observedPeriods, recomputeAssessments } from './assessment-store';
import { periodCode } from '../../common/period';
import type { CreateMethodologyVersionInput } from './dto/harmony.inputs';
import { harmonyInputError } from './harmony-errors';
import { IndicatorRepository } from './indicator.repository';
import { MethodologyVersion } from './methodology-version.entity';
import { AssessmentRepository } from './assessment.repository';
import { MethodologyRepository } from './methodology.repository';

/**
 * Methodology versions: public to read (any figure can be traced to the method that made it), created
 * and activated by the root organization. A version never changes; activating one recomputes every
 * observed period under it, so the dashboard always shows the active method; the regions and periods
 * published under the previous version are published under the new one.
 */
export class MethodologyService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  list(context: RequestContext, page: PageArgs): Promise<Connection<MethodologyVersion>> {
    return new MethodologyRepository(context.em).page(scoped(context.ability, 'read', 'MethodologyVersion', {}), page);
  }

  async get(context: RequestContext, id: string | null): Promise<MethodologyVersion> {
    if (id) return readById(context, MethodologyVersion, 'MethodologyVersion', id);
    const version = await new MethodologyRepository(context.em).findByIdOrActive(id);
    if (!version) throw id ? notFound('Methodology version') : new AppError('NO_ACTIVE_METHODOLOGY', 'No methodology version is active');
    authorize(context, 'read', 'MethodologyVersion', version);
    return version;
  }

  /** Builds, validates and stores a new version (and activates it if asked). */
  async create(context: RequestContext, input: CreateMethodologyVersionInput): Promise<MethodologyVersion> {
    authorize(context, 'create', 'MethodologyVersion', {});
    const catalogue = new Map((await new IndicatorRepository(context.em).all()).map((indicator) => [indicator.code, indicator]));
    const indicators: harmony.IndicatorSetting[] = input.indicators.map((setting, i) => {
      const indicator = catalogue.get(setting.code);
      if (!indicator)
        throw new AppError('UNKNOWN_INDICATOR', `No indicator ${setting.code}`, {
          [`indicators.${i}.code`]: problemOf('NO_SUCH_INDICATOR', { code: setting.code }),
        });
      const normalization: harmony.NormalizationSetting =
        setting.normalization === 'GOALPOSTS'
          ? { kind: 'GOALPOSTS', lower: setting.lower ?? indicator.goalpostLower, upper: setting.upper ?? indicator.goalpostUpper }
          : { kind: setting.normalization };
      return {
        code: indicator.code,
        direction: indicator.direction,
        weight: setting.weight,
        normalization,
        redLine: setting.redLine ?? indicator.redLine ?? null,
      };
    });
    const settings: harmony.MethodologySettings = {
      indicators,
      aggregation: input.aggregation,
      gradeBands: input.gradeBands ?? harmony.DEFAULT_GRADE_BANDS,
      coverageThreshold: input.coverageThreshold ?? harmony.DEFAULT_COVERAGE_THRESHOLD,
    };
    const alertRules: harmony.AlertRule[] = (input.alertRules ?? [...harmony.DEFAULT_ALERT_RULES]).map((rule) => {
      if (rule.kind === 'INDEX_BELOW') return { kind: rule.kind, threshold: rule.threshold ?? Number.NaN };
      if (rule.kind === 'FALL_SINCE_PREVIOUS') return { kind: rule.kind, points: rule.points ?? Number.NaN };
      return { kind: 'RED_LINE' };
    });
    try {
      harmony.validateMethodologySettings(settings);
      harmony.validateWeights(indicators.map((indicator) => indicator.weight));
      harmony.validateAlertRules(alertRules);
    } catch (error) {
      harmonyInputError(error, undefined, 'INVALID_METHODOLOGY');
    }
    const created = await inTransaction(this.events, context, async (em) => {
      const next = await new MethodologyRepository(em).nextVersionNumber();
      const version = em.create(MethodologyVersion, {
        version: next,
        name: input.name.trim(),
        nameZh: input.nameZh?.trim() || null,
        description: input.description?.trim() || null,
        descriptionZh: input.descriptionZh?.trim() || null,
        settings,
        alertRules,
        winsorise: input.winsorise ?? false,
        createdBy: context.principal.kind === 'USER' ? em.getReference(User, context.principal.id) : null,
      });
      await em.flush();
      return {
        result: version,
        events: [
          {
            action: 'methodology.create',
            subjectType: 'MethodologyVersion',
            subjectId: version.id,
            regionPath: null,
            before: null,
            after: { version: next, settings, alertRules, winsorise: version.winsorise },
          },
        ],
      };
    });
    return input.activate ? this.activate(context, created.id) : created;
  }

  async activate(context: RequestContext, id: string): Promise<MethodologyVersion> {
    const version = await this.get(context, id);
    authorize(context, 'update', 'MethodologyVersion', version);
    if (version.active) throw new AppError('METHODOLOGY_ALREADY_ACTIVE', `Version ${version.version} is already active`);
    const alreadyActive = () => new AppError('METHODOLOGY_ALREADY_ACTIVE', 'A version was activated meanwhile by someone else: reload');
    return inTransaction(this.events, context, async (em) => {
      const versions = new MethodologyRepository(em);
      const previousVersion = await versions.deactivateOthers(version.id);
      if (!(await versions.activateIf(version.id))) throw alreadyActive();
      const previous = previousVersion === null ? null : await versions.findByNumber(previousVersion);
      const managed = await versions.findFresh(version.id);
      const row = await loadVersion(em, managed.id);
      await recomputeAssessments(em, row!, await observedPeriods(em));
      // What was published stays published: the new method's figures of those regions and periods are
      // released at once, so the public dashboard follows the active method (every figure names its
      // version, so the change of method is itself in the open).
      if (previous)
        await new AssessmentRepository(em).release(
          { versionId: managed.id, periods: await observedPeriods(em), regionPath: '/', publishedUnder: previous.id },
          null,
          context.actorLabel,
        );
      return {
        result: managed,
        events: [
          {
            action: 'methodology.activate',
            subjectType: 'MethodologyVersion',
            subjectId: managed.id,
            regionPath: null,
            before: { active: previous?.version ?? null },
            after: { active: managed.version },
          },
        ],
      };
    }).catch(conflictOnUnique(alreadyActive, ['methodology_version_one_active']));
  }

  /** Recomputes a version's assessments (all observed periods, or one): same inputs, same figures. */
  async recompute(context: RequestContext, id: string | null, period: string | null): Promise<number> {
    const version = await this.get(context, id);
    authorize(context, 'update', 'MethodologyVersion', version);
    const requested = period === null || period === undefined ? null : periodCode(period);
    return inTransaction(this.events, context, async (em) => {
      const row = await loadVersion(em, version.id);
      const periods = requested ? [requested] : await observedPeriods(em);
      const count = await recomputeAssessments(em, row!, periods);
      return {
        result: count,
        events: [
          {
            action: 'methodology.recompute',
            subjectType: 'MethodologyVersion',
            subjectId: version.id,
            regionPath: null,
            before: null,
            after: { version: version.version, periods, assessments: count },
          },
        ],
      };
    });
  }
}
