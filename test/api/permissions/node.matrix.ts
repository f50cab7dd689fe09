import { globalId } from '../../support/global-id';
import { jurisdictionRecord, type MatrixRows } from './matrix';

/**
 * `node` and `nodes` fetch any object through its type's own lookup, so they answer exactly as that
 * lookup does: a user of Dongshan, by global id, is `Query.user`'s jurisdiction record (global-ids.spec.ts
 * tries the other types and the refusals item by item).
 */
export const NODE_MATRIX: MatrixRows = {
  'Query.node': {
    document: 'query ($id: ID!) { node(id: $id) { id ... on User { email } } }',
    variables: async (f) => ({ id: globalId('User', f.inScopeUserId) }),
    expect: jurisdictionRecord,
  },
  'Query.nodes': {
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { email } } }',
    variables: async (f) => ({ ids: [globalId('User', f.inScopeUserId)] }),
    expect: jurisdictionRecord,
  },
};
