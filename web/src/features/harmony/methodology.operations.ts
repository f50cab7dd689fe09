import { graphql } from '../../app/graphql';

/** Every methodology version, newest first, with all its settings (public). */
export const MethodologyVersionsQuery = graphql(`
  query MethodologyVersions {
    methodologyVersions(first: 20) {
      totalCount
      edges {
        node {
          id
          version
          name
          nameZh
          description
          descriptionZh
          active
          activatedAt
          createdAt
          aggregation
          coverageThreshold
          winsorise
          gradeBands {
            code
            minimum
          }
          alertRules {
            kind
            threshold
            points
          }
          indicators {
            code
            direction
            weight
            normalization
            lower
            upper
            redLine
          }
        }
      }
    }
  }
`);

export const CreateMethodologyVersionMutation = graphql(`
  mutation CreateMethodologyVersion($input: CreateMethodologyVersionInput!) {
    createMethodologyVersion(input: $input) {
      id
      version
      name
      active
      activatedAt
    }
  }
`);

export const ActivateMethodologyVersionMutation = graphql(`
  mutation ActivateMethodologyVersion($id: ID!) {
    activateMethodologyVersion(id: $id) {
      id
      version
      active
      activatedAt
    }
  }
`);

/** Skew/kurtosis, correlated pairs and coverage of a period's indicators among the regions of a level. */
export const StatisticalChecksQuery = graphql(`
  query StatisticalChecks($period: String!, $level: RegionLevel!) {
    statisticalChecks(period: $period, level: $level) {
      period
      methodologyVersion
      indicators {
        code
        coverage
        observed
        regions
        lowCoverage
        outliers
        skewness
        kurtosis
      }
      correlatedPairs {
        first
        second
        correlation
        observations
      }
    }
  }
`);

/** Recomputes a version's assessments for every observed period (the root organization); returns how many. */
export const RecomputeAssessmentsMutation = graphql(`
  mutation RecomputeAssessments($methodologyVersionId: ID, $period: String) {
    recomputeAssessments(methodologyVersionId: $methodologyVersionId, period: $period)
  }
`);
