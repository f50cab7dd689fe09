import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { AppError, unwrap } from '../common/app-error';
import type { RequestContext } from '../common/request-context';

/** Refusals the security log records; a wrong password is recorded by sign-in itself (SIGN_IN_FAILED). */
const LOGGED_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
const RECORDED_ELSEWHERE = new Set(['INVALID_CREDENTIALS']);

const TYPE_OF_OPERATION = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** The schema field behind each top-level response key (an alias names its field). */
function topLevelFields(operation: OperationDefinitionNode | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.set(selection.alias?.value ?? selection.name.value, selection.name.value);
  }
  return fields;
}

/**
 * Records every operation refused for want of authentication or permission (FORBIDDEN, UNAUTHENTICATED,
 * OUT_OF_JURISDICTION…) in the security log, once the request's work is over (and rolled back): the log
 * is written outside the request's transaction, so the refusal stays.
 */
export function refusalLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operation }) {
          const fields = topLevelFields(operation);
          const type = operation ? TYPE_OF_OPERATION[operation.operation] : null;
          const { principal } = contextValue;
          for (const error of errors) {
            const original = unwrap(error);
            if (!(original instanceof AppError)) continue;
            const code = String(original.extensions.code);
            if (!LOGGED_CODES.has(code) || RECORDED_ELSEWHERE.has(original.reason)) continue;
            const key = typeof error.path?.[0] === 'string' ? error.path[0] : null;
            await contextValue.securityLog.record({
              kind: 'REFUSED',
              actor: principal,
              actorLabel: contextValue.actorLabel,
              regionPath: principal.kind === 'USER' ? principal.regionPath : null,
              reason: original.reason,
              operation: type && key ? `${type}.${fields.get(key) ?? key}` : null,
            });
          }
        },
      };
    },
  };
}
