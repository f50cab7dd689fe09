import { problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { AccountsEvents } from './accounts.events';
import { authorize } from '../../common/operation-permission';
import { readById } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { RegionRepository } from '../regions/region.repository';
import type { CreateOrganizationInput, OrganizationListArgs } from './dto/account.inputs';
import { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

/** Party organizations: public to read (a granting body is named in the open), created within a jurisdiction. */
export class OrganizationService {
  constructor(private readonly events: EventPublisher<AccountsEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: OrganizationListArgs): Promise<Connection<Organization>> {
    const organizations = new OrganizationRepository(context.em);
    const requested = await organizations.requestedFilter(filter);
    return organizations.page(requested && scoped(context.ability, 'read', 'Organization', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<Organization> {
    return readById(context, Organization, 'Organization', id, ['region']);
  }

  async create(context: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    const region = await new RegionRepository(context.em).findById(input.regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
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

  /** A deactivated organization's staff are signed out and cannot sign in until it is reactivated. */
  async setActive(context: RequestContext, id: string, active: boolean): Promise<Organization> {
    const organization = await this.get(context, id);
    authorize(context, 'deactivate', 'Organization', organization);
    if (context.principal.kind === 'USER' && context.principal.organizationId === organization.id) {
      throw new AppError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate or reactivate your own organization');
    }
    if (organization.active === active) {
      throw new AppError(
        'ORGANIZATION_ALREADY_IN_STATE',
        active ? 'This organization is already active' : 'This organization is already deactivated',
      );
    }
    return inTransaction(this.events, context, async (em) => {
      const managed = await new OrganizationRepository(em).setActiveIf(organization.id, active);
      if (!managed)
        throw new AppError('ORGANIZATION_ALREADY_IN_STATE', 'This organization was changed meanwhile by someone else: reload it');
      if (!active) {
        await new SessionRepository(em).deleteForUsers(await new UserRepository(em).staffIds(organization.id));
      }
      return {
        result: managed,
        events: [
          {
            action: active ? 'organization.reactivate' : 'organization.deactivate',
            subjectType: 'Organization',
            subjectId: organization.id,
            regionPath: organization.region.path,
            before: { active: !active },
            after: { active },
          },
        ],
      };
    });
  }
}
