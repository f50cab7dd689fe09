import { graphql } from '../../app/graphql';

/** A page of the signed-in person's notifications, newest first. */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String, $last: Int, $before: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, last: $last, before: $before, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        node {
          id
          kind
          read
          subjectId
          title
          titleZh
          closesAt
          createdAt
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

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      read
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
