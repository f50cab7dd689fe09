import { graphql } from '../../app/graphql';

/** Where the public dashboard starts when the address names no region: the root region (the province). */
export const DashboardRootQuery = graphql(`
  query DashboardRoot {
    roots: regions(first: 1, filter: { parentId: null }, orderBy: { field: CODE, direction: ASC }) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

/**
 * The period the dashboard of a region starts at when the address names none: the latest in which that
 * region itself has an assessment the caller may see (published, for the public). Not the latest of any
 * region: one township published in a new quarter must not move the province to an empty page.
 */
export const DashboardLatestPeriodQuery = graphql(`
  query DashboardLatestPeriod($regionId: ID!) {
    latest: assessments(first: 1, filter: { regionId: $regionId }, orderBy: { field: PERIOD, direction: DESC }) {
      edges {
        node {
          id
          period
        }
      }
    }
  }
`);

/**
 * One view of the dashboard in one request (its cost, with the __typename urql adds, stays under the
 * server's limit of 5,000: hence 25 children, 32 periods, 16 indicators): the region and its ancestors (the breadcrumb), its own
 * assessment of the period (summary and indicator breakdown), its index over every period (trend and
 * period picker), its children's assessments (the table), the active methodology's goalposts and red
 * lines, the indicator names, and — for organizations and auditors — the open alerts under the region
 * (the server intersects `withinId` with the caller's jurisdiction: above it, that is the whole
 * jurisdiction; beside it, nothing).
 */
export const DashboardViewQuery = graphql(`
  query DashboardView($regionId: ID!, $period: String!, $orderBy: AssessmentOrder!, $withAlerts: Boolean!) {
    region(id: $regionId) {
      id
      code
      level
      name
      nameEn
      path
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
    current: assessments(first: 1, filter: { regionId: $regionId, period: $period }) {
      edges {
        node {
          id
          period
          index
          grade
          coverage
          complete
          method
          rank
          siblingCount
          previousIndex
          change
          missing
          published
          pendingRevision
          release {
            revision
            index
            grade
            publishedAt
            note
          }
          previousRelease {
            index
            grade
          }
          methodologyVersion
          scores {
            code
            rawValue
            normalizedScore
            weight
            effectiveWeight
            contribution
            pastRedLine
            winsorised
          }
        }
      }
    }
    trend: assessments(first: 32, filter: { regionId: $regionId }, orderBy: { field: PERIOD, direction: ASC }) {
      totalCount
      edges {
        node {
          period
          index
          grade
          published
        }
      }
    }
    children: assessments(first: 25, filter: { parentId: $regionId, period: $period }, orderBy: $orderBy) {
      totalCount
      edges {
        node {
          id
          index
          grade
          coverage
          complete
          method
          rank
          siblingCount
          change
          published
          pendingRevision
          release {
            index
          }
          region {
            id
            code
            name
            nameEn
          }
        }
      }
    }
    methodology: methodologyVersion {
      id
      version
      aggregation
      gradeBands {
        code
        minimum
      }
      indicators {
        code
        direction
        normalization
        lower
        upper
        redLine
      }
    }
    indicators(first: 16) {
      edges {
        node {
          code
          nameEn
          nameZh
          unitEn
          unitZh
        }
      }
    }
    alerts(first: 5, filter: { status: OPEN, withinId: $regionId }) @include(if: $withAlerts) {
      totalCount
      edges {
        node {
          id
          kind
          period
          firstPeriod
          periodCount
          status
          indicatorCode
          details
          raisedAt
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
          }
        }
      }
    }
  }
`);

/**
 * Publishes the active version's assessments of a period in a region's subtree: the unpublished ones,
 * and as a revision (with its note) those changed since they were published.
 */
export const PublishAssessmentsMutation = graphql(`
  mutation PublishAssessments($period: String!, $regionId: ID!, $note: String) {
    publishAssessments(period: $period, regionId: $regionId, note: $note)
  }
`);
