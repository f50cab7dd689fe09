import { graphql } from '../../app/graphql';

/** What a row of the region tree shows of a region: its names and code, and its statistics. */
const RegionRowFields = graphql(`
  fragment RegionRowFields on Region @_unmask {
    id
    code
    level
    name
    nameEn
    path
    statistics {
      id
      period
      population
      households
    }
  }
`);

/**
 * One level of the region tree: the children of `parentId` (null: the root), 50 at a time. Not 100: the
 * server's cost limit (5000) counts a literal `first`, and 100 rows with their statistics cost 6575.
 */
export const RegionChildrenQuery = graphql(
  `
    query RegionChildren($parentId: ID, $after: String) {
      regions(first: 50, after: $after, filter: { parentId: $parentId }, orderBy: { field: CODE, direction: ASC }) {
        totalCount
        edges {
          node {
            ...RegionRowFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [RegionRowFields],
);

/**
 * The region the tree opens at (the user's jurisdiction or residence, or one asked for by the address),
 * with the fields of a tree row and its ancestors for the trail above it (a township has three).
 */
export const RegionFocusQuery = graphql(
  `
    query RegionFocus($id: ID!) {
      region(id: $id) {
        ...RegionRowFields
        parent {
          id
          name
          nameEn
          parent {
            id
            name
            nameEn
            parent {
              id
              name
              nameEn
            }
          }
        }
      }
    }
  `,
  [RegionRowFields],
);

/** The options of a region picker. */
export const RegionSearchQuery = graphql(`
  query RegionSearch($search: String, $level: RegionLevel, $withinId: ID, $after: String) {
    regions(
      first: 20
      after: $after
      filter: { search: $search, level: $level, withinId: $withinId }
      orderBy: { field: CODE, direction: ASC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
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
`);

export const SetRegionStatisticsMutation = graphql(`
  mutation SetRegionStatistics($input: SetRegionStatisticsInput!) {
    setRegionStatistics(input: $input) {
      id
      period
      population
      households
    }
  }
`);
