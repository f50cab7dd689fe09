import type { Principal, SecurityEventKind } from '@massline/shared';

/** Where a request came from, as the security log keeps it (a RequestContext is one). */
export interface SecurityEventOrigin {
  ip: string | null;
  userAgent: string | null;
  /** The server's id of the request. */
  requestId: string;
  /** The X-Request-Id the client sent, if any. */
  clientRequestId: string | null;
}

/** What happened, to whom: one event of the security log. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** The actor: a principal, or nobody yet — with the user an e-mail tried belongs to, if known. */
  actor: Principal | { kind: 'ANONYMOUS'; id?: string | null };
  /** The e-mail signed in with or tried, or the token's name. */
  actorLabel: string | null;
  /** The actor's region; null: the root region's jurisdiction. */
  regionPath: string | null;
  /** The error reason of a refusal, or what was wrong with a sign-in. */
  reason?: string | null;
  /** The refused operation, e.g. `Mutation.deactivateUser`. */
  operation?: string | null;
}

/**
 * The request's way to the security log (the audit module's SecurityLogService, bound by the app to the
 * request's origin): services record sign-ins and their refusals through it, the app records refused
 * operations. A record never fails the request.
 */
export interface SecurityLog {
  record(event: SecurityEventInput): Promise<void>;
}
