import { appraisal, type evaluation } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { conflictOnUnique } from '../../common/guarded-write';
import { readById } from '../../common/loaders';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { User } from '../accounts/user.entity';
import type { AppraisalEvents } from './appraisal.events';
import type { CreateVerdictSettingsInput } from './dto/appraisal.inputs';
import { VerdictSettings } from './verdict-settings.entity';
import { VerdictSettingsRepository } from './verdict-settings.repository';

/**
 * Verdict settings versions, kept like the harmony methodology: public to read (anyone can see how a
 * verdict is reached, and with what it was reached before), written by the root organization as a draft
 * that never changes, and put in force by it, one version at a time. Verdicts are reached on read, so
 * the version put in force governs every verdict from then on, and each verdict names its version.
 */
export class VerdictSettingsService {
  constructor(private readonly events: EventPublisher<AppraisalEvents>) {}

  /** The version in force. */
  active(context: RequestContext): Promise<VerdictSettings> {
    return new VerdictSettingsRepository(context.em).active();
  }

  /** The history of versions, the latest first. */
  list(context: RequestContext, page: PageArgs): Promise<Connection<VerdictSettings>> {
    return new VerdictSettingsRepository(context.em).page(scoped(context.ability, 'read', 'VerdictSettings', {}), page);
  }

  /** Writes a new version, not in force, after shared's rules (the console's own checks) accept it. */
  async create(context: RequestContext, input: CreateVerdictSettingsInput): Promise<VerdictSettings> {
    authorize(context, 'create', 'VerdictSettings', {});
    const settings: Omit<evaluation.VerdictSettings, 'version'> = {
      weights: { mass: input.weights.mass, inspection: input.weights.inspection, audit: input.weights.audit },
      bands: input.bands.map((band) => ({ code: band.code, minimum: band.minimum })),
      officialGap: input.officialGap,
      gdpGrowth: input.gdpGrowth,
      livelihoodFloor: input.livelihoodFloor,
      debtGrowth: input.debtGrowth,
      showcaseShare: input.showcaseShare,
      workStyleGap: input.workStyleGap,
      auditPenalties: {
        debtGrowth: input.auditPenalties.debtGrowth,
        irregularShare: input.auditPenalties.irregularShare,
        showcaseShare: input.auditPenalties.showcaseShare,
        findings: input.auditPenalties.findings,
      },
    };
    const problems = appraisal.verdictSettingsProblems(settings);
    if (Object.keys(problems).length > 0) {
      throw new AppError('INVALID_VERDICT_SETTINGS', `The verdict settings cannot be saved: ${Object.keys(problems).join(', ')}`, problems);
    }
    const note = input.note?.trim() || null;
    return inTransaction(this.events, context, async (em) => {
      const version = await new VerdictSettingsRepository(em).nextVersionNumber();
      const created = em.create(VerdictSettings, {
        version,
        settings,
        note,
        createdBy: context.principal.kind === 'USER' ? em.getReference(User, context.principal.id) : null,
      });
      await em.flush();
      return {
        result: created,
        events: [
          {
            action: 'verdict-settings.create',
            subjectType: 'VerdictSettings',
            subjectId: created.id,
            regionPath: null,
            before: null,
            after: { version, settings, note },
          },
        ],
      };
    });
  }

  /** Puts a version in force in place of the one in force: of two activations at once, one wins, the other gets CONFLICT. */
  async activate(context: RequestContext, id: string): Promise<VerdictSettings> {
    const version = await readById(context, VerdictSettings, 'VerdictSettings', id);
    authorize(context, 'update', 'VerdictSettings', version);
    if (version.active) throw new AppError('VERDICT_SETTINGS_ALREADY_ACTIVE', `Version ${version.version} is already in force`);
    const meanwhile = () =>
      new AppError('VERDICT_SETTINGS_ALREADY_ACTIVE', 'A version was put in force meanwhile by someone else: reload and decide again');
    return inTransaction(this.events, context, async (em) => {
      const versions = new VerdictSettingsRepository(em);
      const previous = await versions.deactivateOthers(version.id);
      if (!(await versions.activateIf(version.id))) throw meanwhile();
      const activated = await versions.fresh(version.id);
      return {
        result: activated,
        events: [
          {
            action: 'verdict-settings.activate',
            subjectType: 'VerdictSettings',
            subjectId: activated.id,
            regionPath: null,
            before: { active: previous },
            after: { active: activated.version },
          },
        ],
      };
    }).catch(conflictOnUnique(meanwhile, ['verdict_settings_one_active']));
  }
}
