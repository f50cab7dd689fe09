import { graphql } from '../../app/graphql';

/** What the console shows of an indicator: names, units, how a count becomes a rate, default goalposts. */
const IndicatorFields = graphql(`
  fragment IndicatorFields on Indicator @_unmask {
    id
    code
    nameEn
    nameZh
    unitEn
    unitZh
    direction
    rateBasis
    goalpostLower
    goalpostUpper
    redLine
  }
`);

/** The indicator catalogue (public), for the pickers and labels of the other pages. */
export const IndicatorsQuery = graphql(
  `
    query Indicators {
      indicators(first: 50) {
        edges {
          node {
            ...IndicatorFields
          }
        }
      }
    }
  `,
  [IndicatorFields],
);

/**
 * The periods with an assessment of a region (the caller's jurisdiction, for the period pickers of the
 * organization and auditor pages), oldest first.
 */
export const AssessmentPeriodsQuery = graphql(`
  query AssessmentPeriods($regionId: ID!) {
    assessments(first: 60, filter: { regionId: $regionId }, orderBy: { field: PERIOD, direction: ASC }) {
      edges {
        node {
          id
          period
          published
        }
      }
    }
  }
`);

/** The catalogue as a page of the indicators page: every field, built-in first then in order of addition. */
export const IndicatorCatalogueQuery = graphql(
  `
    query IndicatorCatalogue($first: Int, $after: String, $last: Int, $before: String) {
      indicators(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          node {
            ...IndicatorFields
            builtIn
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
  `,
  [IndicatorFields],
);

/** Adds an indicator to the catalogue (the root organization). */
export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) {
      id
      code
      nameEn
      nameZh
    }
  }
`);
