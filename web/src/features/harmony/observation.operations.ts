import { graphql } from '../../app/graphql';

/** A page of observations (raw data of the caller's jurisdiction), newest period first. */
export const ObservationsQuery = graphql(`
  query Observations($first: Int, $after: String, $last: Int, $before: String, $filter: ObservationFilter) {
    observations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        node {
          id
          period
          indicatorCode
          value
          rawCount
          rawTotal
          method
          source
          sourceCampaigns {
            id
            title
            titleZh
          }
          revision
          enteredAt
          enteredByLabel
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

/** The earlier values of one observation, newest first. */
export const ObservationRevisionsQuery = graphql(`
  query ObservationRevisions($observationId: ID!) {
    observationRevisions(observationId: $observationId) {
      id
      revision
      value
      rawCount
      rawTotal
      method
      source
      enteredAt
      enteredByLabel
      replacedAt
      replacedByLabel
    }
  }
`);

/** The observations of a filter as CSV, in the import's own columns. */
export const ObservationsCsvQuery = graphql(`
  query ObservationsCsv($filter: ObservationFilter) {
    observationsCsv(filter: $filter)
  }
`);

/** The value a correction would replace, and its revision (sent back as expectedRevision). */
export const CurrentObservationQuery = graphql(`
  query CurrentObservation($filter: ObservationFilter!) {
    observations(first: 1, filter: $filter) {
      edges {
        node {
          id
          value
          revision
          enteredAt
          enteredByLabel
        }
      }
    }
  }
`);

export const RecordObservationMutation = graphql(`
  mutation RecordObservation($input: RecordObservationInput!) {
    recordObservation(input: $input) {
      id
      period
      indicatorCode
      value
      method
      revision
      region {
        id
        name
        nameEn
      }
    }
  }
`);

/** Every row or none: the report lists each bad row with its line and why. */
export const ImportObservationsMutation = graphql(`
  mutation ImportObservations($csv: String!) {
    importObservations(csv: $csv) {
      accepted
      rowCount
      written
      corrected
      recomputedPeriods
      errors {
        line
        reason
        errorReason
        column
        problem
        params
      }
    }
  }
`);

/** What a Gini computation answers, whichever input it came from (unmasked: read directly). */
const GiniResultFields = graphql(`
  fragment GiniResultFields on GiniResult @_unmask {
    gini
    method
    households
    fallbackReasons
    fit {
      a
      b
      c
      valid
      reasons
    }
    observation {
      id
      period
      indicatorCode
      value
      method
      revision
      region {
        id
        name
        nameEn
      }
    }
  }
`);

export const GiniFromSharesMutation = graphql(
  `
    mutation GiniFromShares($input: GiniFromSharesInput!) {
      computeGiniFromShares(input: $input) {
        ...GiniResultFields
      }
    }
  `,
  [GiniResultFields],
);
