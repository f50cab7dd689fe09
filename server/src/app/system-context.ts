import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { abilityFor, ANONYMOUS } from '@massline/shared';
import type { Loaders } from '../common/loaders';
import type { RequestContext } from '../common/request-context';
import type { SecurityEventOrigin } from '../common/security-log';
import { MANIFESTS } from './modules';
import type { Services } from './services';

/** One request's batch loaders: every module's part. */
export function createLoaders(em: EntityManager): Loaders {
  return Object.assign({}, ...MANIFESTS.map((module) => module.loaders?.(em) ?? {})) as Loaders;
}

/**
 * The context of work the platform does by itself rather than for a caller (a scheduled job, the demo
 * seed): no principal, on `em`; the audit log names `actorLabel` as the actor.
 */
export function systemContext(em: EntityManager, services: Pick<Services, 'audit'>, actorLabel: string): RequestContext {
  const from: SecurityEventOrigin = { ip: null, userAgent: null, requestId: randomUUID(), clientRequestId: null };
  return {
    em,
    principal: ANONYMOUS,
    ability: abilityFor(ANONYMOUS),
    actorLabel,
    ...from,
    securityLog: { record: (event) => services.audit.securityLog.record(em, from, event) },
    loaders: createLoaders(em),
    cookies: { sessionSecret: null, setSession: () => undefined, clearSession: () => undefined },
  };
}
