import { graphql } from '../../app/graphql';

export const AuditEntriesQuery = graphql(`
  query AuditEntries($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEntryFilter) {
    auditEntries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          region {
            id
            code
            name
            nameEn
          }
          requestId
          clientRequestId
          before
          after
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

/** A page of the security log (auditors, their jurisdiction), newest first: no user agent, kept short. */
export const SecurityEventsQuery = graphql(`
  query SecurityEvents($first: Int, $after: String, $last: Int, $before: String, $filter: SecurityEventFilter) {
    securityEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          id
          occurredAt
          kind
          actorKind
          actorLabel
          address
          operation
          reason
          suppressedCount
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
