import { graphql } from '../../app/graphql';

/**
 * A page of users. `region.path` and `id` are fetched for the ability's conditions (which rows may be
 * deactivated or reviewed). Mutations answer with a User, which makes urql refetch this list.
 */
export const UsersQuery = graphql(`
  query Users($first: Int, $after: String, $last: Int, $before: String, $filter: UserFilter, $orderBy: UserOrder) {
    users(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          id
          email
          displayName
          role
          citizenStatus
          citizenReviewNote
          active
          createdAt
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
          organization {
            id
            name
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

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
    }
  }
`);

export const ReviewCitizenMutation = graphql(`
  mutation ReviewCitizen($input: ReviewCitizenInput!) {
    reviewCitizen(input: $input) {
      id
      citizenStatus
      citizenReviewNote
    }
  }
`);

/**
 * Organizations a new staff member may belong to: those of the chosen region and the regions under it.
 * 50 at most (a narrower region narrows the list): 100 would sit right at the server's cost limit.
 */
export const OrganizationChoicesQuery = graphql(`
  query OrganizationChoices($regionId: ID) {
    organizations(first: 50, filter: { regionId: $regionId }) {
      totalCount
      edges {
        node {
          id
          name
          region {
            id
            code
            level
            name
            nameEn
            nameRepeats
            parent {
              id
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);
