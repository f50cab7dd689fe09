import { createHmac } from 'node:crypto';
import path from 'node:path';

/** The repository root, from server/src/app or server/dist/app alike. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Every setting the server reads, from the environment, with its default. The README lists them.
 * Read once at start-up; tests build their own with `loadConfig({ ...overrides })`.
 */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the embedded one is started. */
  databaseUrl: string | null;
  /** The owner's connection (migrations) when DATABASE_URL is a runtime role made by an administrator. */
  databaseOwnerUrl: string | null;
  /** Folder of the embedded PostgreSQL's data. */
  dataDir: string;
  /** Null: a free port, taken at start. */
  embeddedPostgresPort: number | null;
  /** Seed the demo province when the database has no region yet. */
  seedDemo: boolean;
  /** Folder of the built console, served at `/`. */
  webDist: string;
  sessionTtlHours: number;
  /** Secure cookies: 'auto' follows the request's protocol (behind a proxy, set TRUST_PROXY). */
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  signIn: SignInLimits;
  /** Citizen registrations per client address and hour (each attempt counts, refused or not). */
  registrationsPerAddressPerHour: number;
  securityLog: {
    /** A refusal of one kind from one address is written at most once per this interval; the rest are counted in the next row. */
    floodIntervalMs: number;
  };
  apiTokenRequestsPerMinute: number;
  /** Requests per address and minute, before authentication. */
  requestsPerAddressPerMinute: number;
  /** Bytes of a JSON request anyone may send; bytes of a streamed upload (/uploads) and how many are received at once. */
  body: { limit: number; uploadLimit: number; uploadsAtOnce: number };
  graphql: { maxDepth: number; maxAliases: number; maxCost: number; costPerMinute: number; maxTokens: number; maxDirectives: number };
  logSql: boolean;
  /** The registered (persisted) operations: the console's, written by `npm run codegen`. */
  persistedOperations: string;
  /** Public answers of registered queries kept by each server process (graphql-endpoint.ts); 0 entries: none. */
  publicCache: { maxEntries: number; maxBytes: number };
  /**
   * The key of the ballots' nullifiers (HMAC of campaign, term and citizen): configuration, never data, so
   * that the database alone cannot tell who took part. Required with an external database; with the
   * embedded one (development) it is derived from the owner's password when unset (`resolveBallotSecret`).
   */
  ballotSecret: string | null;
  /** Run the modules' scheduled jobs on their timers (off in tests, which run them by hand). */
  runScheduledJobs: boolean;
  /**
   * The ledger's Ed25519 signing key (PKCS#8 PEM), generated there on first start: beside the embedded
   * database's data folder by default; with DATABASE_URL, LEDGER_KEY_FILE must say where (null: unset).
   */
  ledgerKeyFile: string | null;
}

/**
 * Sign-in throttling (modules/accounts/sign-in-throttle.repository.ts): no hard lock anyone can trigger,
 * but delays that grow per e-mail and address, a cap per address and a platform-wide brake.
 */
export interface SignInLimits {
  /** Failures of one e-mail from one address before delays start. */
  freeFailures: number;
  /** The first delay; it doubles with each further failure of that e-mail from that address. */
  delayMs: number;
  /** The longest delay between two attempts of one e-mail from one address. */
  maxDelaySeconds: number;
  /** Failed sign-ins per client address in a window, whatever the e-mails: past it, the address waits for the window to end. */
  failuresPerAddress: number;
  /** Failed sign-ins per minute on the whole platform: past it, an address that has failed in the window gets no further attempt. */
  failuresPerMinute: number;
  /** How long failures are remembered: an address's window; an e-mail and address pair is forgotten after this long without a failure. */
  windowMinutes: number;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function bool(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const secure = env.COOKIE_SECURE;
  const dataDir = path.resolve(REPO_ROOT, env.DATA_DIR || '.data');
  return {
    port: int('PORT', 4000, env),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    dataDir,
    embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT ? int('EMBEDDED_POSTGRES_PORT', 0, env) : null,
    seedDemo: bool('SEED_DEMO', true, env),
    webDist: path.resolve(REPO_ROOT, env.WEB_DIST || 'web/dist'),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, env),
    cookieSecure: secure === undefined || secure === '' || secure === 'auto' ? 'auto' : bool('COOKIE_SECURE', false, env),
    trustProxy: bool('TRUST_PROXY', false, env),
    signIn: {
      freeFailures: int('SIGN_IN_FREE_FAILURES', 5, env),
      delayMs: int('SIGN_IN_DELAY_MS', 1000, env),
      maxDelaySeconds: int('SIGN_IN_MAX_DELAY_SECONDS', 900, env),
      failuresPerAddress: int('SIGN_IN_FAILURES_PER_ADDRESS', 30, env),
      failuresPerMinute: int('SIGN_IN_FAILURES_PER_MINUTE', 300, env),
      windowMinutes: int('SIGN_IN_WINDOW_MINUTES', 15, env),
    },
    registrationsPerAddressPerHour: int('REGISTRATIONS_PER_ADDRESS_PER_HOUR', 10, env),
    securityLog: { floodIntervalMs: int('SECURITY_LOG_FLOOD_INTERVAL_MS', 1000, env) },
    apiTokenRequestsPerMinute: int('API_TOKEN_REQUESTS_PER_MINUTE', 120, env),
    requestsPerAddressPerMinute: int('REQUESTS_PER_ADDRESS_PER_MINUTE', 600, env),
    body: {
      limit: int('REQUEST_BODY_LIMIT', 1024 * 1024, env),
      uploadLimit: int('UPLOAD_BODY_LIMIT', 64 * 1024 * 1024, env),
      uploadsAtOnce: int('UPLOADS_AT_ONCE', 2, env),
    },
    graphql: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', 10, env),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 15, env),
      maxCost: int('GRAPHQL_MAX_COST', 25_000, env),
      costPerMinute: int('GRAPHQL_COST_PER_MINUTE', 300_000, env),
      maxTokens: int('GRAPHQL_MAX_TOKENS', 2000, env),
      maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 10, env),
    },
    logSql: bool('LOG_SQL', false, env),
    persistedOperations: path.resolve(REPO_ROOT, env.PERSISTED_OPERATIONS || 'web/persisted-operations.json'),
    publicCache: {
      maxEntries: int('PUBLIC_CACHE_ENTRIES', 2000, env),
      maxBytes: int('PUBLIC_CACHE_BYTES', 64 * 1024 * 1024, env),
    },
    ballotSecret: secret('BALLOT_SECRET', env),
    runScheduledJobs: bool('RUN_SCHEDULED_JOBS', true, env),
    ledgerKeyFile: env.LEDGER_KEY_FILE
      ? path.resolve(REPO_ROOT, env.LEDGER_KEY_FILE)
      : env.DATABASE_URL
        ? null
        : path.join(path.dirname(dataDir), 'ledger-signing-key.pem'),
    ...overrides,
  };
}

/** A secret from the environment: unset, or at least 32 characters. */
function secret(name: string, env: NodeJS.ProcessEnv): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new Error(`${name} must be at least 32 characters long`);
  return raw;
}

/**
 * The ballot secret the server runs with: BALLOT_SECRET when set. Unset, it is refused with an external
 * database (DATABASE_URL: production), and derived from the owner's password with the embedded one —
 * as the runtime role's password is (app/database-roles.ts), so a development database needs no setting.
 */
export function resolveBallotSecret(config: Config, ownerUrl: string): string {
  if (config.ballotSecret) return config.ballotSecret;
  if (config.databaseUrl) throw new Error('BALLOT_SECRET is required with an external database (DATABASE_URL): at least 32 characters');
  return derivedBallotSecret(ownerUrl);
}

/** The development ballot secret of a database: an HMAC of its owner's password, which it does not reveal. */
export function derivedBallotSecret(ownerUrl: string): string {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  return createHmac('sha256', `massline-ballot:${ownerPassword}`).update(new URL(ownerUrl).pathname).digest('base64url');
}
