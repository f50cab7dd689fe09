import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { Indicator } from './indicator.entity';

/** The query side of the indicator catalogue, on the entity manager it is given. */
export class IndicatorRepository {
  constructor(private readonly em: EntityManager) {}

  /** A page of the catalogue: the built-in indicators first, then the others in the order they were added. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<Indicator>> {
    const order = orderFor<'CATALOGUE', Indicator>(
      'indicators',
      null,
      { field: 'CATALOGUE', direction: 'ASC' },
      {
        CATALOGUE: () => [
          sortKey('builtIn', 'desc', 'boolean', (indicator) => indicator.builtIn),
          sortKey('createdAt', 'asc', 'date', (indicator) => indicator.createdAt),
          sortKey('code', 'asc', 'string', (indicator) => indicator.code),
        ],
      },
      byId,
    );
    return paginate(this.em, Indicator, where, page, order);
  }

  all(): Promise<Indicator[]> {
    return this.em.find(Indicator, {});
  }

  findByCode(code: string): Promise<Indicator | null> {
    return this.em.findOne(Indicator, { code });
  }

  /** An indicator that must exist (a built-in one): its absence is a fault, not the caller's mistake. */
  getByCode(code: string): Promise<Indicator> {
    return this.em.findOneOrFail(Indicator, { code });
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.em.count(Indicator, { code })) > 0;
  }
}
