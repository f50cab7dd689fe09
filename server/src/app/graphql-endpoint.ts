import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { RequestContext } from '../common/request-context';
import { documentHash, type PersistedOperations } from './persisted-operations';
import type { PublicResponseCache } from './public-response-cache';
import { refuse } from './request-limits';

/**
 * Who asks, for caching: `public` (anonymous: the same answer for everyone, shared caches may keep it),
 * `token` (an API token: its scopes shape the answer, only the caller may keep it), `private` (a session:
 * never kept anywhere).
 */
export type CallerKind = 'public' | 'token' | 'private';

export interface GraphQLEndpointOptions {
  apollo: ApolloServer<RequestContext>;
  context: (req: Request, res: Response) => Promise<RequestContext>;
  callerKind: (res: Response) => CallerKind;
  persisted: PersistedOperations;
  cache: PublicResponseCache;
  /** The database's publication epoch (one statement, read by every public GET of a registered query). */
  publicationEpoch: () => Promise<bigint>;
}

/** What a client names in `extensions.persistedQuery` (Apollo's automatic persisted queries wire format). */
interface PersistedQueryExtension {
  version: number;
  sha256Hash: string;
}

/** Shared caches revalidate every time (a publication may come at any moment); the answer is the same for every anonymous caller. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** An API token's answer depends on its scopes: its client may keep it and revalidate, no shared cache may. */
const TOKEN_CACHE_CONTROL = 'private, no-cache';
/** A session's answers are that person's: kept nowhere. */
const PRIVATE_CACHE_CONTROL = 'private, no-store';

class RequestRefusal {
  constructor(
    readonly status: number,
    readonly reason: 'MALFORMED_REQUEST' | 'PERSISTED_QUERY_NOT_FOUND',
    readonly message: string,
  ) {}
}

function parseJsonParameter(params: URLSearchParams, name: string): unknown {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new RequestRefusal(400, 'MALFORMED_REQUEST', `The "${name}" parameter is not valid JSON`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request's parameters, from the query string (GET) or the JSON body (POST). */
function parametersOf(req: Request): { query: unknown; variables: unknown; operationName: unknown; extensions: unknown } {
  if (req.method === 'GET') {
    const params = new URL(req.originalUrl, 'http://localhost').searchParams;
    return {
      query: params.get('query') ?? undefined,
      variables: parseJsonParameter(params, 'variables'),
      operationName: params.get('operationName') ?? undefined,
      extensions: parseJsonParameter(params, 'extensions'),
    };
  }
  const body: unknown = req.body;
  return isRecord(body)
    ? { query: body.query, variables: body.variables, operationName: body.operationName, extensions: body.extensions }
    : { query: undefined, variables: undefined, operationName: undefined, extensions: undefined };
}

function persistedQueryOf(extensions: unknown): PersistedQueryExtension | null {
  if (!isRecord(extensions) || extensions.persistedQuery === undefined) return null;
  const persisted = extensions.persistedQuery;
  if (
    !isRecord(persisted) ||
    persisted.version !== 1 ||
    typeof persisted.sha256Hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(persisted.sha256Hash)
  ) {
    throw new RequestRefusal(400, 'MALFORMED_REQUEST', 'persistedQuery needs version 1 and a sha256Hash of 64 lowercase hex digits');
  }
  return { version: 1, sha256Hash: persisted.sha256Hash };
}

function headersOf(req: Request): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** JSON with object keys sorted: the same variables give the same cache key whatever order a client wrote them in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const entityTag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** RFC 9110 `If-None-Match`: a list of tags (weak ones compared weakly) or `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * The body a cache may keep: a whole answer without errors, and without the caller's own query cost
 * budget (`extensions.cost`: where this caller stands this minute, not part of the answer; the
 * X-RateLimit headers still say it to the caller who spent it). Null when the answer may not be kept.
 */
function cacheableBody(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.errors !== undefined) return null;
  if (isRecord(parsed.extensions)) {
    const { cost: _callerBudget, ...extensions } = parsed.extensions;
    if (Object.keys(extensions).length > 0) parsed.extensions = extensions;
    else delete parsed.extensions;
  }
  return JSON.stringify(parsed);
}

/** Headers of Apollo's answer that describe the caller's own budget: not for a shared cache. */
const CALLER_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/**
 * GraphQL over HTTP, with persisted queries: a GET or POST may name one of the console's registered
 * operations by its hash (`extensions.persistedQuery.sha256Hash`) instead of sending its text; an unknown
 * hash is refused with `PersistedQueryNotFound` (reason PERSISTED_QUERY_NOT_FOUND), after which a client
 * may send the text with the hash, as an ordinary request. Only registered queries run by GET without
 * Apollo's CSRF preflight header: they are read-only by construction, and the session cookie is SameSite.
 *
 * A GET of a registered query is an HTTP-cacheable read: anonymous answers are public (and kept by the
 * server under the publication epoch, so a publication anywhere retires them), a token's are the token's,
 * a session's are never kept; each comes with an ETag and `304 Not Modified` for a matching `If-None-Match`.
 */
export function graphqlEndpoint(options: GraphQLEndpointOptions): RequestHandler {
  const execute = async (req: Request, res: Response, httpGraphQLRequest: HTTPGraphQLRequest): Promise<HTTPGraphQLResponse> =>
    options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req, res) });

  return async (req, res, next) => {
    try {
      const caller = options.callerKind(res);
      const parameters = parametersOf(req);
      const persistedQuery = persistedQueryOf(parameters.extensions);
      const original: HTTPGraphQLRequest = {
        method: req.method.toUpperCase(),
        headers: headersOf(req),
        search: new URL(req.originalUrl, 'http://localhost').search,
        body: req.body as unknown,
      };
      if (!persistedQuery)
        return await send(res, await execute(req, res, original), caller === 'private' ? PRIVATE_CACHE_CONTROL : 'no-store');

      const hash = persistedQuery.sha256Hash;
      const registered = options.persisted.get(hash);
      if (typeof parameters.query === 'string' && documentHash(parameters.query) !== hash) {
        throw new RequestRefusal(400, 'MALFORMED_REQUEST', 'provided sha does not match query');
      }
      if (!registered) {
        if (typeof parameters.query !== 'string') throw new RequestRefusal(404, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
        // The text and its hash, not registered: an ordinary request (Apollo's CSRF rules apply), nothing registered.
        return await send(
          res,
          await execute(req, res, withoutPersistedQuery(original, req)),
          caller === 'private' ? PRIVATE_CACHE_CONTROL : 'no-store',
        );
      }
      if (req.method === 'GET' && registered.type !== 'query') {
        res.setHeader('allow', 'POST');
        throw new RequestRefusal(405, 'MALFORMED_REQUEST', `${registered.name} is a ${registered.type}: send it with POST`);
      }
      const headers = headersOf(req);
      headers.set('content-type', 'application/json');
      const resolved: HTTPGraphQLRequest = {
        method: 'POST',
        headers,
        search: '',
        // Only what the client gave: Apollo refuses a key present with no value.
        body: Object.fromEntries(
          Object.entries({ query: registered.body, variables: parameters.variables, operationName: parameters.operationName }).filter(
            ([, value]) => value !== undefined,
          ),
        ),
      };
      if (req.method !== 'GET')
        return await send(res, await execute(req, res, resolved), caller === 'private' ? PRIVATE_CACHE_CONTROL : 'no-store');

      // The answer differs with who asks: a shared cache must key it by these request headers too.
      res.setHeader('vary', 'Cookie, Authorization, Accept');
      if (caller === 'private') return await send(res, await execute(req, res, resolved), PRIVATE_CACHE_CONTROL);
      if (caller === 'token') return await sendRevalidated(req, res, await execute(req, res, resolved), TOKEN_CACHE_CONTROL);

      const epoch = await options.publicationEpoch();
      const key = [hash, String(parameters.operationName ?? ''), canonicalJson(parameters.variables ?? null), req.get('accept') ?? ''].join(
        '\n',
      );
      const cached = options.cache.get(key, epoch);
      if (cached) {
        res.setHeader('x-public-cache', 'hit');
        return respond(req, res, 200, cached.contentType, cached.body, cached.etag, PUBLIC_CACHE_CONTROL);
      }
      const response = await execute(req, res, resolved);
      const body = await bodyOf(response);
      const status = response.status ?? 200;
      const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
      const kept = status === 200 ? cacheableBody(body) : null;
      // An error, or a cookie set on the way, is this request's own: never kept, never shared.
      if (kept === null || res.getHeader('set-cookie') !== undefined) {
        copyHeaders(res, response, ['content-type', 'cache-control']);
        return respond(req, res, status, contentType, body, null, PRIVATE_CACHE_CONTROL);
      }
      copyHeaders(res, response, ['content-type', 'cache-control', ...CALLER_HEADERS]);
      const etag = entityTag(kept);
      options.cache.set(key, epoch, { body: kept, contentType, etag });
      res.setHeader('x-public-cache', 'miss');
      respond(req, res, status, contentType, kept, etag, PUBLIC_CACHE_CONTROL);
    } catch (error) {
      if (error instanceof RequestRefusal) {
        res.setHeader('cache-control', 'no-store');
        const code = error.reason === 'PERSISTED_QUERY_NOT_FOUND' ? 'NOT_FOUND' : 'BAD_USER_INPUT';
        return refuse(res, error.status, code, error.reason, error.message);
      }
      next(error);
    }
  };
}

/** The same request without `extensions.persistedQuery` (a full query sent with the hash of an unregistered text). */
function withoutPersistedQuery(request: HTTPGraphQLRequest, req: Request): HTTPGraphQLRequest {
  const strip = (extensions: unknown) => {
    if (!isRecord(extensions)) return extensions;
    const { persistedQuery: _dropped, ...rest } = extensions;
    return Object.keys(rest).length > 0 ? rest : undefined;
  };
  if (req.method === 'GET') {
    const params = new URLSearchParams(request.search);
    const rest = strip(parseJsonParameter(params, 'extensions'));
    if (rest === undefined) params.delete('extensions');
    else params.set('extensions', JSON.stringify(rest));
    return { ...request, search: `?${params.toString()}` };
  }
  const body = isRecord(request.body) ? { ...request.body, extensions: strip(request.body.extensions) } : request.body;
  return { ...request, body };
}

async function bodyOf(response: HTTPGraphQLResponse): Promise<string> {
  if (response.body.kind === 'complete') return response.body.string;
  let text = '';
  for await (const chunk of response.body.asyncIterator) text += chunk;
  return text;
}

function copyHeaders(res: Response, response: HTTPGraphQLResponse, except: readonly string[] = []): void {
  for (const [key, value] of response.headers) if (!except.includes(key)) res.setHeader(key, value);
}

async function send(res: Response, response: HTTPGraphQLResponse, cacheControl: string): Promise<void> {
  copyHeaders(res, response);
  res.setHeader('cache-control', cacheControl);
  res.status(response.status ?? 200).send(await bodyOf(response));
}

/** A token's answer: computed, then `304` if the client already holds exactly this body. */
async function sendRevalidated(req: Request, res: Response, response: HTTPGraphQLResponse, cacheControl: string): Promise<void> {
  const body = await bodyOf(response);
  const status = response.status ?? 200;
  const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
  copyHeaders(res, response, ['content-type', 'cache-control']);
  const kept = status === 200 ? cacheableBody(body) : null;
  if (kept === null) return respond(req, res, status, contentType, body, null, 'no-store');
  respond(req, res, status, contentType, kept, entityTag(kept), cacheControl);
}

function respond(
  req: Request,
  res: Response,
  status: number,
  contentType: string,
  body: string,
  etag: string | null,
  cacheControl: string,
): void {
  res.setHeader('cache-control', cacheControl);
  if (etag) {
    res.setHeader('etag', etag);
    if (matches(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
  }
  res.status(status).type(contentType).send(body);
}
