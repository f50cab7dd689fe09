import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@massline/shared';
import type { Loaders } from './loaders';

/** What the server knows about one request. Every service method takes it first. */
export interface RequestContext {
  /** This request's own entity manager (a fork): never shared between requests. */
  em: EntityManager;
  principal: Principal;
  ability: AppAbility;
  /** Name of the actor at the time, for the audit log (e-mail or token name). */
  actorLabel: string | null;
  requestId: string;
  ip: string | null;
  /** Per-request batch loaders: one query for all the rows a response needs. */
  loaders: Loaders;
  userAgent: string | null;
  /** Session cookie control, for sign-in and sign-out. */
  cookies: {
    setSession(secret: string, maxAgeSeconds: number): void;
    clearSession(): void;
    /** The session secret the request came with, if any. */
    sessionSecret: string | null;
  };
}
