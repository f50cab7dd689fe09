import { graphql } from '../../app/graphql';

/** `region.path` is fetched for the ability's conditions (who may deactivate which organization). */
export const OrganizationsQuery = graphql(`
  query Organizations($first: Int, $after: String, $last: Int, $before: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {
    organizations(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          active
          createdAt
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

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
    }
  }
`);

export const DeactivateOrganizationMutation = graphql(`
  mutation DeactivateOrganization($id: ID!) {
    deactivateOrganization(id: $id) {
      id
      active
    }
  }
`);

export const ReactivateOrganizationMutation = graphql(`
  mutation ReactivateOrganization($id: ID!) {
    reactivateOrganization(id: $id) {
      id
      active
    }
  }
`);
