import { graphql } from '../../app/graphql';

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions(first: 50) {
      totalCount
      edges {
        node {
          id
          createdAt
          lastSeenAt
          device
          current
        }
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const EndOtherSessionsMutation = graphql(`
  mutation EndOtherSessions {
    endOtherSessions
  }
`);
