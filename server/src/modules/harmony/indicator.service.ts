import { harmony, problemMessage, problemOf } from '@massline/shared';
import { AppError } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { conflictOnUnique } from '../../common/guarded-write';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { HarmonyEvents } from './harmony.events';
import { scoped } from '../../common/ability-filter';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { CreateIndicatorInput } from './dto/harmony.inputs';
import { Indicator } from './indicator.entity';
import { IndicatorRepository } from './indicator.repository';

/** The indicator catalogue: public; the root organization adds indicators (the seven defaults are built in). */
export class IndicatorService {
  constructor(private readonly events: EventPublisher<HarmonyEvents>) {}

  list(context: RequestContext, page: PageArgs): Promise<Connection<Indicator>> {
    return new IndicatorRepository(context.em).page(scoped(context.ability, 'read', 'Indicator', {}), page);
  }

  async create(context: RequestContext, input: CreateIndicatorInput): Promise<Indicator> {
    authorize(context, 'create', 'Indicator', {});
    // Texts are checked by the input's decorators (the same shared limits); the numbers here.
    const { goalpostLower, goalpostUpper, redLine } = harmony.indicatorProblems(input);
    if (goalpostLower || goalpostUpper) {
      const problem = problemOf('GOALPOSTS_ORDER', { lower: Number(input.goalpostLower), upper: Number(input.goalpostUpper) });
      throw new AppError('INVALID_METHODOLOGY', problemMessage(problem), { goalpostUpper: problem });
    }
    if (redLine) throw new AppError('INVALID_METHODOLOGY', 'The red line must be a number', { redLine: problemOf('NOT_FINITE') });
    const codeTaken = () => new AppError('INDICATOR_CODE_TAKEN', `Indicator ${input.code} exists`, { code: problemOf('ALREADY_USED') });
    if (await new IndicatorRepository(context.em).codeTaken(input.code)) throw codeTaken();
    // Checked above for a quick answer; the unique key decides a race between two creations of one code.
    return inTransaction(this.events, context, async (em) => {
      const indicator = em.create(Indicator, {
        ...input,
        nameEn: input.nameEn.trim(),
        nameZh: input.nameZh.trim(),
        redLine: input.redLine ?? null,
      });
      await em.flush();
      return {
        result: indicator,
        events: [
          {
            action: 'indicator.create',
            subjectType: 'Indicator',
            subjectId: indicator.id,
            regionPath: null,
            before: null,
            after: { ...input },
          },
        ],
      };
    }).catch(conflictOnUnique(codeTaken, ['indicator_code_unique']));
  }
}
