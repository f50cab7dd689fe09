import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiScope } from '@massline/shared';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { containsPattern, startsWithPattern } from '../../common/text-search';
import { ApiToken } from './api-token.entity';
import type { ApiTokenFilter, ApiTokenOrder } from './dto/account.inputs';

/** A usable token as plain facts: what every request of a bearer needs to check it, no entity. */
export interface LiveApiToken {
  id: string;
  name: string;
  /** SHA-256 of the whole credential, hex: compared in constant time by the caller. */
  secretHash: string;
  scopes: ApiScope[];
  /** Whether it was never used, or last more than a minute ago (by the database's clock): time to `touch` it. */
  stale: boolean;
}

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

  /**
   * The usable token behind a credential's prefix, as a plain row (one statement, nothing hydrated: it runs
   * on every request of a bearer): null when it is unknown, revoked or expired, or its issuer or the
   * issuer's organization is deactivated (a token acts on its issuer's authority). Read afresh each time,
   * so a revocation counts at once.
   */
  async findLiveByPrefix(prefix: string): Promise<LiveApiToken | null> {
    const [row] = await sql<LiveApiToken>(
      this.em,
      `select t.id, t.name, t.secret_hash as "secretHash", t.scopes,
              coalesce(t.last_used_at < now() - interval '1 minute', true) as stale
         from api_token t
         join app_user u on u.id = t.created_by_id
         left join organization o on o.id = u.organization_id
        where t.prefix = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active and (o.id is null or o.active)`,
      [prefix],
    );
    return row ?? null;
  }

  /** Records that a token was used now (one statement, no entity). */
  async touch(id: string): Promise<void> {
    await this.em.nativeUpdate(ApiToken, { id }, { lastUsedAt: new Date() });
  }
}
