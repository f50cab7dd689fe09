import { scoped, type Filter } from '../../common/ability-filter';
import { invalidInput, notFound } from '../../common/app-error';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { inTransaction, type DomainEvents } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { containsPattern, startsWithPattern } from '../../common/text-search';
import { Region } from '../regions/region.entity';
import type { CreateOrganizationInput, OrganizationFilter } from './dto/account.inputs';
import { Organization } from './organization.entity';

/** Party organizations: public to read (a granting body is named in the open), created within a jurisdiction. */
export class OrganizationService {
  constructor(private readonly events: DomainEvents) {}

  async list(context: RequestContext, page: PageArgs, filter: OrganizationFilter | null | undefined): Promise<Connection<Organization>> {
    const requested: Filter = {};
    if (filter?.search) requested.name = { $ilike: containsPattern(filter.search) };
    if (filter?.regionId) {
      const region = await context.em.findOne(Region, { id: filter.regionId }, { fields: ['path'] });
      if (!region) return paginate(context.em, Organization, null, page, {});
      requested.region = { path: { $like: startsWithPattern(region.path) } };
    }
    return paginate(context.em, Organization, scoped(context.ability, 'read', 'Organization', requested), page, { name: 'asc' }, ['region']);
  }

  async get(context: RequestContext, id: string): Promise<Organization> {
    const organization = await context.em.findOne(Organization, { id }, { populate: ['region'] });
    if (!organization) throw notFound('Organization');
    authorize(context, 'read', 'Organization', organization);
    return organization;
  }

  async create(context: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    const region = await context.em.findOne(Region, { id: input.regionId });
    if (!region) throw invalidInput({ regionId: 'No such region' });
    authorize(context, 'create', 'Organization', { region }, 'regionId');
    return inTransaction(this.events, context, async (em) => {
      const organization = em.create(Organization, { name: input.name.trim(), region });
      await em.flush();
      return {
        result: organization,
        events: [
          {
            action: 'organization.create',
            subjectType: 'Organization',
            subjectId: organization.id,
            regionPath: region.path,
            before: null,
            after: { id: organization.id, name: organization.name, regionId: region.id },
          },
        ],
      };
    });
  }
}
