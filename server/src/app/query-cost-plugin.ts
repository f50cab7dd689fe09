import type { ApolloServerPlugin } from '@apollo/server';
import { queryCost } from '../common/query-cost';
import { AppError, withHttp } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { RateWindow } from './rate-window';

export interface QueryCostLimits {
  /** The most one request may cost. */
  maxCost: number;
  /** What one caller may spend in any minute. */
  costPerMinute: number;
}

/** Whose budget a request spends: the signed-in user's, the token's, else the address's. */
function budgetKey(context: RequestContext): string {
  const { principal } = context;
  if (principal.kind === 'USER') return `user:${principal.id}`;
  if (principal.kind === 'API_TOKEN') return `token:${principal.id}`;
  return `ip:${context.ip ?? 'unknown'}`;
}

/**
 * Prices every operation before it runs (common/query-cost.ts, with the request's variables), refuses
 * one that costs more than `maxCost` (400, QUERY_TOO_COSTLY), and spends its cost from the caller's
 * budget per minute (429, RATE_LIMITED with Retry-After once it is spent). Every answer says where the
 * caller stands: `extensions.cost` in the body and `X-RateLimit-Limit/-Remaining/-Reset` headers, as
 * GitHub's GraphQL API does.
 */
export function queryCostPlugin(
  limits: QueryCostLimits,
  budget = new RateWindow(limits.costPerMinute),
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let requested: number | null = null;
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const cost = queryCost({ schema, document, operationName: request.operationName, variables: request.variables });
          if (cost > limits.maxCost) {
            throw withHttp(new AppError('QUERY_TOO_COSTLY', `Query Cost limit of ${limits.maxCost} exceeded, found ${cost}.`), 400);
          }
          const key = budgetKey(contextValue);
          if (!budget.take(key, cost)) {
            const retryAfter = budget.retryAfterSeconds(key, cost);
            throw withHttp(
              new AppError('RATE_LIMITED', `Query cost budget of ${limits.costPerMinute} a minute spent: retry in ${retryAfter} s`),
              429,
              { 'retry-after': String(retryAfter) },
            );
          }
          requested = cost;
        },
        async willSendResponse({ response, contextValue }) {
          const key = budgetKey(contextValue);
          const remaining = budget.remaining(key);
          const resetAt = budget.resetAtSeconds(key);
          response.http.headers.set('x-ratelimit-limit', String(limits.costPerMinute));
          response.http.headers.set('x-ratelimit-remaining', String(Math.floor(remaining)));
          response.http.headers.set('x-ratelimit-reset', String(resetAt));
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requested,
                maxCost: limits.maxCost,
                budget: limits.costPerMinute,
                remaining: Math.floor(remaining),
                resetAt: new Date(resetAt * 1000).toISOString(),
              },
            };
          }
        },
      };
    },
  };
}
