import { graphql } from '../../app/graphql';

/** The review alerts addressed to the caller's organization, newest first. */
export const ReviewAlertsQuery = graphql(`
  query ReviewAlerts($first: Int, $after: String, $last: Int, $before: String) {
    reviewAlerts(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        node {
          id
          addressee
          bodyName
          bodyKind
          settingsVersion
          score
          low
          high
          grade
          flags
          status
          raisedAt
          resolutionNote
          cadre {
            id
            name
          }
          term {
            id
            startsOn
            post {
              id
              title
              titleZh
            }
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

export const ResolveReviewAlertMutation = graphql(`
  mutation ResolveReviewAlert($id: ID!, $note: String!) {
    resolveReviewAlert(id: $id, note: $note) {
      id
      status
      resolvedBy
      resolutionNote
    }
  }
`);
