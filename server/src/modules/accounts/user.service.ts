import { problemOf } from '@massline/shared';
import { scoped } from '../../common/ability-filter';
import { conflictOnUnique } from '../../common/guarded-write';
import { AppError, invalidInput } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { AccountsEvents } from './accounts.events';
import { authorize } from '../../common/operation-permission';
import { readById } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { RegionRepository } from '../regions/region.repository';
import { normalizeEmail } from './auth.service';
import type { CreateUserInput, ReviewCitizenInput, UserListArgs } from './dto/account.inputs';
import type { Organization } from './organization.entity';
import { OrganizationRepository } from './organization.repository';
import { hashPassword } from './password';
import { userSnapshot } from './principal';
import { SessionRepository } from './session.repository';
import { User } from './user.entity';
import { UserRepository } from './user.repository';

/** Users of a jurisdiction: listing, creation, deactivation, and verification of citizens' residence. */
export class UserService {
  constructor(private readonly events: EventPublisher<AccountsEvents>) {}

  async list(context: RequestContext, page: PageArgs, { filter, orderBy }: UserListArgs): Promise<Connection<User>> {
    const users = new UserRepository(context.em);
    const requested = await users.requestedFilter(filter);
    return users.page(requested && scoped(context.ability, 'read', 'User', requested), page, orderBy);
  }

  get(context: RequestContext, id: string): Promise<User> {
    return readById(context, User, 'User', id, ['region', 'organization']);
  }

  async create(context: RequestContext, input: CreateUserInput): Promise<User> {
    const { em } = context;
    const region = await new RegionRepository(em).findById(input.regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    let organization: Organization | null = null;
    if (input.role === 'ORGANIZATION') {
      if (!input.organizationId) throw invalidInput({ organizationId: problemOf('ORGANIZATION_REQUIRED') });
      organization = await new OrganizationRepository(em).findWithRegion(input.organizationId);
      if (!organization) throw invalidInput({ organizationId: problemOf('NO_SUCH_ORGANIZATION') });
      if (organization.region.id !== region.id) {
        throw new AppError('ROLE_REGION_MISMATCH', "Organization staff have their organization's region as jurisdiction", {
          regionId: problemOf('ORGANIZATION_REGION'),
        });
      }
    } else if (input.organizationId) {
      throw new AppError('ROLE_REGION_MISMATCH', 'Only organization staff belong to an organization', {
        organizationId: problemOf('ONLY_STAFF_HAVE_ORGANIZATION'),
      });
    }
    // Checked as an instance: the new user's region must be inside the caller's jurisdiction.
    authorize(context, 'create', 'User', { region }, 'regionId');
    const email = normalizeEmail(input.email);
    const emailTaken = () => new AppError('EMAIL_TAKEN', 'This e-mail is already registered', { email: problemOf('ALREADY_REGISTERED') });
    if (await new UserRepository(em).emailTaken(email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);

    // Checked above for a quick answer; the unique key decides a race between two creations of one e-mail.
    return inTransaction(this.events, context, async (tem) => {
      const user = tem.create(User, {
        email,
        displayName: input.displayName.trim(),
        role: input.role,
        passwordHash,
        region,
        organization,
        // A resident registered by the organization itself needs no further verification.
        citizenStatus: input.role === 'CITIZEN' ? 'VERIFIED' : null,
      });
      await tem.flush();
      return {
        result: user,
        events: [
          {
            action: 'user.create',
            subjectType: 'User',
            subjectId: user.id,
            regionPath: region.path,
            before: null,
            after: userSnapshot(user),
          },
        ],
      };
    }).catch(conflictOnUnique(emailTaken, ['app_user_email_unique']));
  }

  async setActive(context: RequestContext, id: string, active: boolean): Promise<User> {
    const user = await this.get(context, id);
    authorize(context, 'deactivate', 'User', user);
    if (context.principal.kind === 'USER' && context.principal.id === user.id) {
      throw new AppError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate or reactivate your own account');
    }
    if (user.active === active)
      throw new AppError('USER_ALREADY_IN_STATE', active ? 'This user is already active' : 'This user is already deactivated');
    const before = userSnapshot(user);
    return inTransaction(this.events, context, async (tem) => {
      // Guarded: only from the other state; of two concurrent requests, the second finds it done.
      const managed = await new UserRepository(tem).updateIf(
        user.id,
        { active: !active },
        { active, deactivatedAt: active ? null : new Date() },
      );
      if (!managed) throw new AppError('USER_ALREADY_IN_STATE', 'This user was changed meanwhile by someone else: reload it');
      // A deactivated user is signed out everywhere at once.
      if (!active) await new SessionRepository(tem).deleteForUsers([user.id]);
      return {
        result: managed,
        events: [
          {
            action: active ? 'user.reactivate' : 'user.deactivate',
            subjectType: 'User',
            subjectId: user.id,
            regionPath: user.region.path,
            before,
            after: userSnapshot(managed),
          },
        ],
      };
    });
  }

  async reviewCitizen(context: RequestContext, input: ReviewCitizenInput): Promise<User> {
    const user = await this.get(context, input.userId);
    authorize(context, 'verify', 'User', user);
    if (user.role !== 'CITIZEN') throw new AppError('NOT_A_CITIZEN', 'Only a citizen has a residence to verify');
    if (user.citizenStatus !== 'UNVERIFIED') throw new AppError('CITIZEN_ALREADY_REVIEWED', 'This residence has already been reviewed');
    const reason = input.reason?.trim() ?? '';
    if (input.decision === 'REJECT' && !reason) throw invalidInput({ reason: problemOf('REJECTION_REASON_REQUIRED') });
    const before = userSnapshot(user);
    return inTransaction(this.events, context, async (tem) => {
      // Guarded: only while the residence is unverified; a concurrent review that came first makes this one lose.
      const managed = await new UserRepository(tem).updateIf(
        user.id,
        { citizenStatus: 'UNVERIFIED' },
        {
          citizenStatus: input.decision === 'VERIFY' ? 'VERIFIED' : 'REJECTED',
          // The reviewer's note stays with the decision: why it was rejected, or what was checked to verify it.
          citizenReviewNote: reason || null,
        },
      );
      if (!managed) throw new AppError('CITIZEN_ALREADY_REVIEWED', 'This residence has already been reviewed');
      return {
        result: managed,
        events: [
          {
            action: input.decision === 'VERIFY' ? 'citizen.verify' : 'citizen.reject',
            subjectType: 'User',
            subjectId: user.id,
            regionPath: user.region.path,
            before,
            after: { ...userSnapshot(managed), reason: managed.citizenReviewNote ?? null },
          },
        ],
      };
    });
  }
}
