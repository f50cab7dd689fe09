import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { containsPattern, startsWithPattern } from '../../common/text-search';
import { ApiToken } from './api-token.entity';
import type { ApiTokenFilter, ApiTokenOrder } from './dto/account.inputs';

/** The query side of API tokens, on the entity manager it is given. */
export class ApiTokenRepository {
  constructor(private readonly em: EntityManager) {}

  requestedFilter(filter: ApiTokenFilter | null | undefined): Filter {
    const requested: Filter = {};
    if (filter?.search)
      requested.$or = [
        { name: { $ilike: containsPattern(filter.search) } },
        { prefix: { $like: startsWithPattern(filter.search.trim()) } },
      ];
    if (filter?.revoked === true) requested.revokedAt = { $ne: null };
    if (filter?.revoked === false) requested.revokedAt = null;
    return requested;
  }

  /** A page of tokens, the newest first unless asked otherwise; a token never used sorts last either way. */
  page(where: Filter | null, page: PageArgs, orderBy: ApiTokenOrder | null | undefined): Promise<Connection<ApiToken>> {
    const order = orderFor<ApiTokenOrder['field'], ApiToken>(
      'apiTokens',
      orderBy,
      { field: 'CREATED_AT', direction: 'DESC' },
      {
        NAME: (direction) => [sortKey('name', direction, 'string', (token) => token.name)],
        CREATED_AT: (direction) => [sortKey('createdAt', direction, 'date', (token) => token.createdAt)],
        LAST_USED_AT: (direction) => [sortKey('lastUsedAt', direction, 'date', (token) => token.lastUsedAt ?? null, { nulls: 'last' })],
      },
      byId,
    );
    return paginate(this.em, ApiToken, where, page, order, ['region', 'createdBy']);
  }

  findWithRelations(id: string): Promise<ApiToken | null> {
    return this.em.findOne(ApiToken, { id }, { populate: ['region', 'createdBy'] });
  }

  /** A guarded write: revokes the token only if it is not revoked yet; null when a concurrent request did it first. */
  async revokeIf(id: string): Promise<ApiToken | null> {
    const affected = await this.em.nativeUpdate(ApiToken, { id, revokedAt: null }, { revokedAt: new Date() });
    if (affected !== 1) return null;
    return this.em.findOneOrFail(ApiToken, { id }, { populate: ['region', 'createdBy'], refresh: true });
  }

  /** The token behind a credential's prefix, with its issuer and the issuer's organization (one statement). */
  findByPrefix(prefix: string): Promise<ApiToken | null> {
    return this.em.findOne(ApiToken, { prefix }, { populate: ['createdBy.organization'], strategy: 'joined' });
  }

  /** Records that a token was used now (one statement, no entity). */
  async touch(id: string): Promise<void> {
    await this.em.nativeUpdate(ApiToken, { id }, { lastUsedAt: new Date() });
  }
}
