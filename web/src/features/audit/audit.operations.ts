import { graphql } from '../../app/graphql';

export const AuditEntriesQuery = graphql(`
  query AuditEntries($first: Int!, $after: String, $filter: AuditEntryFilter) {
    auditEntries(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          id
          occurredAt
          action
          actorKind
          actorLabel
          actorRole
          subjectType
          subjectId
          regionPath
          requestId
          clientRequestId
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
