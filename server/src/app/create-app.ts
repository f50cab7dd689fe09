import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type NextFunction } from 'express';
import { formatError } from '../common/app-error';
import { AbilityCache } from '../common/ability-cache';
import type { Loaders } from '../common/loaders';
import type { RequestContext } from '../common/request-context';
import { PublicationEpochRepository } from '../common/publication-epoch.repository';
import { ANONYMOUS_AUTHENTICATION, type Authentication } from '../modules/accounts/accounts.module';
import { buildAppSchema, type BuiltSchema } from './build-schema';
import type { Config } from './config';
import { graphqlEndpoint, type CallerKind } from './graphql-endpoint';
import { PersistedOperations } from './persisted-operations';
import { PublicResponseCache } from './public-response-cache';
import { createServices, scheduledJobs, uploadRoutes, type Services } from './services';
import { createLoaders, systemContext } from './system-context';
import { queryCostPlugin } from './query-cost-plugin';
import { refusalLogPlugin } from './refusal-log-plugin';
import type { SecurityEventOrigin } from '../common/security-log';
import { RateWindow } from './rate-window';
import { bodyErrors, jsonBody, perAddressLimit, refuse } from './request-limits';
import { uploadsHandler } from './uploads';
import { directRoute, type Middleware } from './direct-route';
import { compiledExecution } from './compiled-execution';
import { noSourceMaps, securityHeaders } from './security-headers';

export const SESSION_COOKIE = 'massline_session';

/** The last word on an error no middleware answered: a coded 500 (the error itself only in the server's log). */
const serverError = (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
  if (res.headersSent) return next(error);
  console.error('[http]', error);
  refuse(res, 500, 'INTERNAL_SERVER_ERROR', null, 'Internal server error');
};

export interface App {
  server: http.Server;
  services: Services;
  schema: BuiltSchema;
  /** Starts listening; resolves with the port (0 in config picks a free one). */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting requests and waits for those under way. Leaves the ORM to its owner. */
  close(): Promise<void>;
  /** Runs one scheduled job now (what its timer does), with a system context; resolves with what it returns. */
  runJob(name: string): Promise<unknown>;
}

interface RequestState {
  /** The request's own entity manager, forked on first use (authentication and GraphQL share it): many requests never need one. */
  em: () => EntityManager;
  authentication: Authentication;
  sessionSecret: string | null;
  /** Ours, always: a client's header is kept apart (clientRequestId) and never used as the request's id. */
  requestId: string;
  clientRequestId: string | null;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * The HTTP application: GraphQL at /graphql (Apollo, CSRF prevention on, no batching, graphql-armor
 * limits), the built console at /, liveness at /healthz. Authentication (session cookie or bearer token)
 * runs before GraphQL; everything after it sees a Principal.
 */
export async function createApp(config: Config, orm: MikroORM, log: (message: string) => void = () => undefined): Promise<App> {
  const services = createServices(config);
  const built = await buildAppSchema(services);
  const app = express();
  // /graphql itself is served in front of Express's router (direct-route.ts); everything else by Express.
  let graphqlRoute: (req: http.IncomingMessage, res: http.ServerResponse) => boolean = () => false;
  const server = http.createServer((req, res) => {
    if (!graphqlRoute(req, res)) app(req, res);
  });
  app.disable('x-powered-by');
  // Entity tags are ours (graphql-endpoint.ts), for registered public reads only: none on private answers.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  const limiter = new RateWindow(config.apiTokenRequestsPerMinute);
  const abilities = new AbilityCache();

  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.graphql.maxAliases },
    // Priced by our own plugin, which reads page sizes from the variables too (query-cost-plugin.ts).
    costLimit: { enabled: false },
    // Token limit by graphql-js's own parser (parseOptions below): armor's plugin re-parses and turns
    // every syntax error into a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.graphql.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    // Operations run compiled (graphql-jit), each once per document: compiled-execution.ts.
    gateway: compiledExecution(built.schema),
    // No cache hints are used: the per-field cache-control hook only cost time (../shared/STACK.md: ~5 %).
    plugins: [
      ...protection.plugins,
      queryCostPlugin({ maxCost: config.graphql.maxCost, costPerMinute: config.graphql.costPerMinute }),
      refusalLogPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginCacheControlDisabled(),
    ],
    // The schema is public (schema.graphql is committed); the same whatever NODE_ENV says.
    introspection: true,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    allowBatchedHttpRequests: false,
    // Persisted queries are the registered ones only (graphql-endpoint.ts): no client registers a text of its own.
    persistedQueries: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (e) => console.error('[graphql]', e)),
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  const origin = (req: Request, state: RequestState): SecurityEventOrigin => ({
    ip: req.ip ?? null,
    userAgent: req.get('user-agent') ?? null,
    requestId: state.requestId,
    clientRequestId: state.clientRequestId,
  });

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('x-request-id');
    let forked: EntityManager | undefined;
    const state: RequestState = {
      em: () => (forked ??= orm.em.fork()),
      authentication: ANONYMOUS_AUTHENTICATION,
      sessionSecret: null,
      requestId: randomUUID(),
      clientRequestId: header && /^[A-Za-z0-9._-]{1,64}$/.test(header) ? header : null,
    };
    res.locals.state = state;
    res.setHeader('x-request-id', state.requestId);
    try {
      const authorization = req.get('authorization');
      if (authorization) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        const found = match ? await services.accounts.auth.authenticateToken(state.em(), match[1]) : null;
        if (!found) {
          await services.audit.securityLog.record(state.em(), origin(req, state), {
            kind: 'REFUSED',
            actor: { kind: 'ANONYMOUS' },
            actorLabel: null,
            regionPath: null,
            reason: 'INVALID_API_TOKEN',
            operation: null,
          });
          return refuse(res, 401, 'UNAUTHENTICATED', 'INVALID_API_TOKEN', 'Invalid, revoked or expired API token');
        }
        if (!limiter.take(found.tokenId)) {
          res.setHeader('retry-after', String(limiter.retryAfterSeconds(found.tokenId)));
          return refuse(
            res,
            429,
            'TOO_MANY_REQUESTS',
            'RATE_LIMITED',
            `At most ${config.apiTokenRequestsPerMinute} requests a minute per token`,
          );
        }
        state.authentication = found;
        return next();
      }
      const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (secret) {
        const found = await services.accounts.auth.authenticateSession(state.em(), secret);
        if (found) {
          state.authentication = found;
          state.sessionSecret = secret;
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  const cookieOptions = (req: Request) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure === 'auto' ? req.secure : config.cookieSecure,
    path: '/',
  });

  /** What the server knows about one request, once authentication has run: GraphQL's context and an upload's. */
  const contextOf = (req: Request, res: Response): RequestContext => {
    const state = res.locals.state as RequestState;
    const { principal, actorLabel } = state.authentication;
    const from = origin(req, state);
    let loaders: Loaders | undefined;
    return {
      // Lazily: a request that reads nothing through the ORM never pays for a fork nor for every module's loaders.
      get em() {
        return state.em();
      },
      principal,
      ability: abilities.of(principal),
      actorLabel,
      ...from,
      securityLog: { record: (event) => services.audit.securityLog.record(state.em(), from, event) },
      get loaders() {
        return (loaders ??= createLoaders(state.em()));
      },
      cookies: {
        sessionSecret: state.sessionSecret,
        setSession: (secret, maxAgeSeconds) => res.cookie(SESSION_COOKIE, secret, { ...cookieOptions(req), maxAge: maxAgeSeconds * 1000 }),
        clearSession: () => res.clearCookie(SESSION_COOKIE, cookieOptions(req)),
      },
    };
  };

  const perAddress = perAddressLimit(new RateWindow(config.requestsPerAddressPerMinute));
  const graphqlMiddlewares: Middleware[] = [
    perAddress,
    authenticate,
    // About 1 MB for everyone: large files (a CSV import, income microdata) are streamed to /uploads.
    jsonBody(config.body.limit),
    bodyErrors,
    graphqlEndpoint({
      apollo,
      persisted: PersistedOperations.load(config.persistedOperations),
      cache: new PublicResponseCache(config.publicCache),
      publicationEpoch: () => new PublicationEpochRepository(orm.em.fork()).current(),
      callerKind: (res): CallerKind => {
        const { principal } = (res.locals.state as RequestState).authentication;
        return principal.kind === 'ANONYMOUS' ? 'public' : principal.kind === 'API_TOKEN' ? 'token' : 'private';
      },
      context: async (req, res) => contextOf(req, res),
    }),
  ];
  // Express serves the path's other spellings (/GraphQL, /graphql/) with the same middlewares.
  app.use('/graphql', ...graphqlMiddlewares);
  graphqlRoute = directRoute(app, '/graphql', [securityHeaders, ...graphqlMiddlewares, serverError]);
  app.post(
    '/uploads/:name',
    perAddress,
    authenticate,
    uploadsHandler(uploadRoutes(services), { maxBytes: config.body.uploadLimit, atOnce: config.body.uploadsAtOnce }, contextOf),
  );

  // The console: static files, and index.html for every other GET that asks for a page.
  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    app.use(noSourceMaps);
    app.use(
      express.static(config.webDist, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, file) => {
          if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.get(/.*/, (req, res, next) => (req.accepts('html') ? res.sendFile(indexHtml) : next()));
  } else {
    log(`no console build at ${config.webDist}: run "npm run build" (the API works without it)`);
    app.get('/', (_req, res) => res.type('text').send('MassLine API: the console is not built. POST GraphQL to /graphql.'));
  }

  // Scheduled jobs: a system context each run (no principal; the audit log names the job as the actor).
  const jobs = scheduledJobs(services);
  const runJob = (name: string): Promise<unknown> => {
    const job = jobs.find((candidate) => candidate.name === name);
    if (!job) return Promise.reject(new Error(`No scheduled job ${name}`));
    return job.run(systemContext(orm.em.fork(), services, `system: ${job.name}`));
  };
  const timers = config.runScheduledJobs
    ? jobs.map((job) =>
        setInterval(() => {
          runJob(job.name).catch((error: unknown) => log(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`));
        }, job.everyMs).unref(),
      )
    : [];

  app.use(serverError);

  return {
    server,
    services,
    schema: built,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    runJob,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
