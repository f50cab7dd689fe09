import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { withinSubtree } from '../../common/subtree';
import { containsPattern } from '../../common/text-search';
import { Cadre } from './cadre.entity';
import type { CadreFilter, CadreOrder } from './dto/cadres.inputs';

/** The query side of cadres, on the entity manager it is given. */
export class CadreRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: CadreFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.search) requested.name = { $ilike: containsPattern(filter.search) };
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of cadres, by name unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: CadreOrder | null | undefined): Promise<Connection<Cadre>> {
    const order = orderFor<CadreOrder['field'], Cadre>(
      'cadres',
      orderBy,
      { field: 'NAME', direction: 'ASC' },
      {
        NAME: (direction) => [sortKey('name', direction, 'string', (cadre) => cadre.name)],
        CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (cadre) => cadre.createdAt)],
      },
      byId,
    );
    return paginate(this.em, Cadre, where, page, order, ['region']);
  }

  findWithRegion(id: string): Promise<Cadre | null> {
    return this.em.findOne(Cadre, { id }, { populate: ['region'] });
  }
}
