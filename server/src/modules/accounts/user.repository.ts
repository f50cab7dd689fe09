import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { withinSubtree } from '../../common/subtree';
import { containsPattern } from '../../common/text-search';
import type { UserFilter, UserOrder } from './dto/account.inputs';
import { User } from './user.entity';

/** What a guarded write changes on a user: its state, never its identity. */
export type UserChanges = Partial<Pick<User, 'citizenStatus' | 'citizenReviewNote' | 'active' | 'deactivatedAt'>>;

/** The query side of users, on the entity manager it is given. */
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  /** The filter a caller asked for (null: a region that does not exist, so nothing matches). */
  async requestedFilter(filter: UserFilter | null | undefined): Promise<Filter | null> {
    const requested: Filter = {};
    if (filter?.search) {
      const pattern = containsPattern(filter.search);
      requested.$or = [{ email: { $ilike: pattern } }, { displayName: { $ilike: pattern } }];
    }
    if (filter?.role) requested.role = filter.role;
    if (filter?.citizenStatus) requested.citizenStatus = filter.citizenStatus;
    if (typeof filter?.active === 'boolean') requested.active = filter.active;
    if (filter?.regionId) {
      const within = await withinSubtree(this.em, filter.regionId);
      if (!within) return null;
      requested.region = within;
    }
    return requested;
  }

  /** A page of users, the newest first unless asked otherwise. */
  page(where: Filter | null, page: PageArgs, orderBy: UserOrder | null | undefined): Promise<Connection<User>> {
    const order = orderFor<UserOrder['field'], User>(
      'users',
      orderBy,
      { field: 'CREATED_AT', direction: 'DESC' },
      {
        EMAIL: (direction) => [sortKey('email', direction, 'string', (user) => user.email)],
        DISPLAY_NAME: (direction) => [sortKey('displayName', direction, 'string', (user) => user.displayName)],
        CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (user) => user.createdAt)],
        ROLE: (direction) => [sortKey('role', direction, 'string', (user) => user.role)],
      },
      byId,
    );
    return paginate(this.em, User, where, page, order, ['region', 'organization']);
  }

  findById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findWithRelations(id: string): Promise<User | null> {
    return this.em.findOne(User, { id }, { populate: ['region', 'organization'] });
  }

  /** The account of an e-mail address, with what signing in checks (its password hash is not loaded otherwise). */
  findForSignIn(email: string): Promise<User | null> {
    return this.em.findOne(User, { email }, { populate: ['region', 'organization', 'passwordHash'] });
  }

  /**
   * A guarded write (`UPDATE app_user … WHERE id = ? AND <expected>`): changes the user only if it is still
   * as expected, e.g. a residence still unverified. The user as it now is, or null when a concurrent
   * request changed it first.
   */
  async updateIf(id: string, expected: Partial<Pick<User, 'citizenStatus' | 'active'>>, changes: UserChanges): Promise<User | null> {
    const where: FilterQuery<User> = { id, ...expected };
    const affected = await this.em.nativeUpdate(User, where, changes);
    if (affected !== 1) return null;
    return this.em.findOneOrFail(User, { id }, { populate: ['region', 'organization'], refresh: true });
  }

  /** The user with the password hash (a lazy property, loaded only for re-authentication). */
  findWithPasswordHash(id: string): Promise<User | null> {
    return this.em.findOne(User, { id }, { populate: ['region', 'organization', 'passwordHash'] });
  }

  /**
   * A guarded write: sets the new password hash only if the hash is still the one the current password was
   * verified against. False when a concurrent change came first (its hash is another salt, even for the same password).
   */
  async changePasswordIf(id: string, verifiedHash: string, newHash: string): Promise<boolean> {
    return (await this.em.nativeUpdate(User, { id, passwordHash: verifiedHash }, { passwordHash: newHash })) === 1;
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.em.count(User, { email })) > 0;
  }

  /** The ids of an organization's staff. */
  async staffIds(organizationId: string): Promise<string[]> {
    return (await this.em.find(User, { organization: organizationId }, { fields: ['id'] })).map((user) => user.id);
  }
}
