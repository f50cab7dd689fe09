import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { queryCost, type CostInput } from '../common/query-cost';
import { AppError, withHttp } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { RateWindow } from './rate-window';

export interface QueryCostLimits {
  /** The most one request may cost. */
  maxCost: number;
  /** What one caller may spend in any minute. */
  costPerMinute: number;
}

/** Prices kept per document, by operation and variables: a document's last few (its pages, its filters). */
const PRICES_PER_DOCUMENT = 64;

/**
 * `queryCost`, remembered: the price of a document depends on the schema, the operation and the variables
 * only, and a client sends the same few again and again (Apollo hands every request of one text the same
 * parsed document). Keyed by the schema and the document objects themselves, so a new schema or a text
 * parsed anew never meets an old price, and nothing is kept for a document Apollo has let go.
 */
export class QueryCostCache {
  private readonly prices = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

  cost(input: CostInput): number {
    let byDocument = this.prices.get(input.schema);
    if (!byDocument) this.prices.set(input.schema, (byDocument = new WeakMap()));
    let byRequest = byDocument.get(input.document);
    if (!byRequest) byDocument.set(input.document, (byRequest = new Map()));
    const key = `${input.operationName ?? ''}\n${JSON.stringify(input.variables ?? null)}`;
    const known = byRequest.get(key);
    if (known !== undefined) return known;
    const cost = queryCost(input);
    if (byRequest.size >= PRICES_PER_DOCUMENT) byRequest.delete(byRequest.keys().next().value!);
    byRequest.set(key, cost);
    return cost;
  }
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
  prices = new QueryCostCache(),
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let requested: number | null = null;
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const cost = prices.cost({ schema, document, operationName: request.operationName, variables: request.variables });
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
