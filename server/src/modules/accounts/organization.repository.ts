import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { withinSubtree } from '../../common/subtree';
import { containsPattern } from '../../common/text-search';
import type { OrganizationFilter, OrganizationOrder } from './dto/account.inputs';
import { Organization } from './organization.entity';

/** The query side of party organizations, on the entity manager it is given. */
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: OrganizationFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.search) requested.name = { $ilike: containsPattern(filter.search) };
    if (typeof filter?.active === 'boolean') requested.active = filter.active;
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of organizations, by name unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: OrganizationOrder | null | undefined): Promise<Connection<Organization>> {
    const order = orderFor<OrganizationOrder['field'], Organization>(
      'organizations',
      orderBy,
      { field: 'NAME', direction: 'ASC' },
      {
        NAME: (direction) => [sortKey('name', direction, 'string', (organization) => organization.name)],
        CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (organization) => organization.createdAt)],
      },
      byId,
    );
    return paginate(this.em, Organization, where, page, order, ['region']);
  }

  findWithRegion(id: string): Promise<Organization | null> {
    return this.em.findOne(Organization, { id }, { populate: ['region'] });
  }

  /** A guarded write: (de)activates the organization only from the other state; null when a concurrent request did it first. */
  async setActiveIf(id: string, active: boolean): Promise<Organization | null> {
    const affected = await this.em.nativeUpdate(Organization, { id, active: !active }, { active });
    if (affected !== 1) return null;
    return this.em.findOneOrFail(Organization, { id }, { populate: ['region'], refresh: true });
  }
}
