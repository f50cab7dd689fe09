import { problemOf } from '@massline/shared';
import { randomBytes } from 'node:crypto';
import { scoped } from '../../common/ability-filter';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { AccountsEvents } from './accounts.events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import { RegionRepository } from '../regions/region.repository';
import { ApiToken } from './api-token.entity';
import { ApiTokenRepository } from './api-token.repository';
import type { ApiTokenListArgs, CreateApiTokenInput } from './dto/account.inputs';
import { randomSecret, sha256 } from './password';
import { User } from './user.entity';

const tokenSnapshot = (token: ApiToken) => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  scopes: token.scopes,
  expiresAt: token.expiresAt ?? null,
  revokedAt: token.revokedAt ?? null,
});

/** API tokens of third parties, issued by an organization for its jurisdiction. */
export class ApiTokenService {
  constructor(private readonly events: EventPublisher<AccountsEvents>) {}

  list(context: RequestContext, page: PageArgs, { filter, orderBy }: ApiTokenListArgs): Promise<Connection<ApiToken>> {
    const tokens = new ApiTokenRepository(context.em);
    return tokens.page(scoped(context.ability, 'read', 'ApiToken', tokens.requestedFilter(filter)), page, orderBy);
  }

  /** Creates a token and returns its secret: the only time anybody sees it. */
  async create(context: RequestContext, input: CreateApiTokenInput): Promise<{ token: ApiToken; secret: string }> {
    const { principal } = context;
    if (principal.kind !== 'USER') throw new AppError('FORBIDDEN', 'Only organization staff issue API tokens');
    if (input.expiresAt && input.expiresAt <= new Date()) throw invalidInput({ expiresAt: problemOf('MUST_BE_FUTURE') });
    const region = await new RegionRepository(context.em).getById(principal.regionId);
    authorize(context, 'create', 'ApiToken', { region });
    const prefix = randomBytes(4).toString('hex');
    const secret = `ml_${prefix}_${randomSecret()}`;
    const token = await inTransaction(this.events, context, async (em) => {
      const created = em.create(ApiToken, {
        name: input.name.trim(),
        prefix,
        secretHash: sha256(secret),
        scopes: input.scopes,
        region,
        createdBy: em.getReference(User, principal.id),
        expiresAt: input.expiresAt ?? null,
      });
      await em.flush();
      return {
        result: created,
        events: [
          {
            action: 'api-token.create',
            subjectType: 'ApiToken',
            subjectId: created.id,
            regionPath: region.path,
            before: null,
            after: tokenSnapshot(created),
          },
        ],
      };
    });
    await context.em.populate(token, ['createdBy']);
    return { token, secret };
  }

  async revoke(context: RequestContext, id: string): Promise<ApiToken> {
    const token = await new ApiTokenRepository(context.em).findWithRelations(id);
    if (!token) throw notFound('API token');
    authorize(context, 'revoke', 'ApiToken', token);
    if (token.revokedAt) throw new AppError('API_TOKEN_ALREADY_REVOKED', 'This token is already revoked');
    const before = tokenSnapshot(token);
    return inTransaction(this.events, context, async (em) => {
      const managed = await new ApiTokenRepository(em).revokeIf(token.id);
      if (!managed) throw new AppError('API_TOKEN_ALREADY_REVOKED', 'This token is already revoked');
      return {
        result: managed,
        events: [
          {
            action: 'api-token.revoke',
            subjectType: 'ApiToken',
            subjectId: token.id,
            regionPath: token.region.path,
            before,
            after: tokenSnapshot(managed),
          },
        ],
      };
    });
  }
}
