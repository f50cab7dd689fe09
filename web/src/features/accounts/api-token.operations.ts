import { graphql } from '../../app/graphql';

/** `region.path` is fetched for the ability's conditions (who may revoke which token). */
export const ApiTokensQuery = graphql(`
  query ApiTokens($first: Int, $after: String, $last: Int, $before: String) {
    apiTokens(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          prefix
          scopes
          createdAt
          createdByName
          lastUsedAt
          expiresAt
          revokedAt
          region {
            id
            name
            nameEn
            path
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
        hasPreviousPage
        startCursor
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        prefix
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);
