import { graphql } from './graphql';

/** The bell's count: one integer, asked on every page of a signed-in person. */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);
