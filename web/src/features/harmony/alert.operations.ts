import { graphql } from '../../app/graphql';

/** Prompts and warnings of the caller's jurisdiction, newest first. */
export const AlertsQuery = graphql(`
  query Alerts($first: Int, $after: String, $last: Int, $before: String, $filter: AlertFilter) {
    alerts(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        node {
          id
          kind
          period
          status
          indicatorCode
          details
          raisedAt
          acknowledgedAt
          acknowledgedBy
          resolvedAt
          resolvedBy
          resolutionNote
          region {
            id
            code
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

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      status
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

export const ResolveAlertMutation = graphql(`
  mutation ResolveAlert($id: ID!, $note: String!) {
    resolveAlert(id: $id, note: $note) {
      id
      status
      resolvedAt
      resolvedBy
      resolutionNote
    }
  }
`);
