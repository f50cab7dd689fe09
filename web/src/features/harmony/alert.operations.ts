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
          firstPeriod
          periodCount
          latestValue
          trend {
            period
            value
          }
          status
          indicatorCode
          details
          raisedAt
          acknowledgedAt
          acknowledgedBy
          acknowledgementNote
          resolvedAt
          resolvedBy
          resolutionNote
          region {
            id
            code
            name
            nameEn
            nameRepeats
            parent {
              id
              name
              nameEn
            }
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

/** Acknowledges alerts with one note, all or none. */
export const AcknowledgeAlertsMutation = graphql(`
  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {
    acknowledgeAlerts(ids: $ids, note: $note) {
      id
      status
      acknowledgedAt
      acknowledgedBy
      acknowledgementNote
    }
  }
`);

/** Resolves alerts with one note saying how, all or none. */
export const ResolveAlertsMutation = graphql(`
  mutation ResolveAlerts($ids: [ID!]!, $note: String!) {
    resolveAlerts(ids: $ids, note: $note) {
      id
      status
      resolvedAt
      resolvedBy
      resolutionNote
    }
  }
`);

/** Undoes one's own acknowledgement of alerts (within the window shared's table allows). */
export const UndoAlertAcknowledgementsMutation = graphql(`
  mutation UndoAlertAcknowledgements($ids: [ID!]!) {
    undoAlertAcknowledgements(ids: $ids) {
      id
      status
      acknowledgedAt
      acknowledgedBy
      acknowledgementNote
    }
  }
`);
