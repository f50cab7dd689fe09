import { cadres, problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { readById } from '../../common/loaders';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { RegionRepository } from '../regions/region.repository';
import { Cadre } from './cadre.entity';
import { CadreRepository } from './cadre.repository';
import type { CadresEvents } from './cadres.events';
import type { CadreListArgs, CreateCadreInput } from './dto/cadres.inputs';

/** Cadres: public to read (the name only), recorded by the organizations of the region that keeps them. */
export class CadreService {
  constructor(private readonly events: EventPublisher<CadresEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: CadreListArgs): Promise<Connection<Cadre>> {
    const repository = new CadreRepository(context.em);
    const requested = await repository.requestedFilter(filter);
    return repository.page(requested && scoped(context.ability, 'read', 'Cadre', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Cadre> {
    return readById(context, Cadre, 'Cadre', id, ['region']);
  }

  async create(context: RequestContext, input: CreateCadreInput): Promise<Cadre> {
    const region = await new RegionRepository(context.em).findById(input.regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    authorize(context, 'create', 'Cadre', { region }, 'regionId');
    const problems = cadres.cadreProblems(input);
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_CADRE', 'The cadre cannot be recorded as given', problems);
    return inTransaction(this.events, context, async (em) => {
      const cadre = em.create(Cadre, { name: input.name.trim(), region });
      await em.flush();
      return {
        result: cadre,
        events: [
          {
            action: 'cadre.create',
            subjectType: 'Cadre',
            subjectId: cadre.id,
            regionPath: region.path,
            before: null,
            after: { name: cadre.name, regionId: region.id },
          },
        ],
      };
    });
  }
}
