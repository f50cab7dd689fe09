import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@massline/shared';
import type { Loaders } from './loaders';
import type { SecurityLog } from './security-log';

/** What the server knows about one request. Every service method takes it first. */
export interface RequestContext {
  /** This request's own entity manager (a fork): never shared between requests. */
  em: EntityManager;
  principal: Principal;
  ability: AppAbility;
  /** Name of the actor at the time, for the audit log (e-mail or token name). */
  actorLabel: string | null;
  /** Made by the server for every request (the X-Request-Id answer header). */
  requestId: string;
  /** The X-Request-Id the client sent, if well-formed: recorded beside ours, never used as ours. */
  clientRequestId: string | null;
  ip: string | null;
  /** Per-request batch loaders: one query for all the rows a response needs. */
  loaders: Loaders;
  userAgent: string | null;
  /** The security log (the audit module's), written outside any transaction of the request. */
  securityLog: SecurityLog;
  /** Session cookie control, for sign-in and sign-out. */
  cookies: {
    setSession(secret: string, maxAgeSeconds: number): void;
    clearSession(): void;
    /** The session secret the request came with, if any. */
    sessionSecret: string | null;
  };
}
