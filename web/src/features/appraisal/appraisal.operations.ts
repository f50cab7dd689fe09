import { graphql } from '../../app/graphql';

/** What a verdict card shows: the score and its interval, the components, the criteria and the flags. */
export const VerdictFields = graphql(`
  fragment VerdictFields on Verdict @_unmask {
    settingsVersion
    score
    low
    high
    grade
    uncertain
    source {
      campaignId
      title
      titleZh
      period
      ballots
      eligible
    }
    mass {
      mean
      low
      high
      n
    }
    criteria {
      code
      nameEn
      nameZh
      mean
      low
      high
      n
      dontKnow
    }
    weights {
      mass
      inspection
      audit
    }
    inspection {
      id
      score
    }
    audit {
      score
      penalties {
        debtGrowth
        irregularFunds
        showcaseSpending
        findings
      }
    }
    flags {
      code
      figures {
        name
        value
      }
      thresholds {
        name
        value
      }
    }
  }
`);

/** The current terms of a region, a page at a time (their verdicts come in a second query, by id). */
export const AppraisalTermsQuery = graphql(`
  query AppraisalTerms($first: Int, $after: String, $last: Int, $before: String, $regionId: ID) {
    terms(first: $first, after: $after, last: $last, before: $before, filter: { regionId: $regionId, current: true }) {
      totalCount
      edges {
        cursor
        node {
          id
          startsOn
          endsOn
          cadre {
            id
            name
          }
          post {
            id
            title
            titleZh
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

export const VerdictsQuery = graphql(
  `
    query Verdicts($termIds: [ID!]!) {
      verdicts(termIds: $termIds) {
        term {
          id
        }
        ...VerdictFields
      }
    }
  `,
  [VerdictFields],
);

/** One term's appraisal: the term, its verdict, and its inspections and audits (the latest first). */
export const TermAppraisalQuery = graphql(
  `
    query TermAppraisal($termId: ID!) {
      term(id: $termId) {
        id
        startsOn
        endsOn
        endedOn
        cadre {
          id
          name
        }
        post {
          id
          title
          titleZh
          region {
            id
            name
            nameEn
            path
          }
        }
      }
      verdict(termId: $termId) {
        ...VerdictFields
      }
      inspections(first: 20, filter: { termId: $termId }) {
        totalCount
        edges {
          node {
            id
            score
            findings
            inspector
            inspectedOn
            reportedGrowth
            createdAt
          }
        }
      }
      specialAudits(first: 20, filter: { termId: $termId }) {
        totalCount
        edges {
          node {
            id
            debtAtStart
            debtAtEnd
            irregularFunds
            showcaseSpending
            totalSpending
            findings
            auditBody
            auditedOn
            createdAt
          }
        }
      }
    }
  `,
  [VerdictFields],
);

export const RecordInspectionMutation = graphql(`
  mutation RecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      id
    }
  }
`);

export const RecordSpecialAuditMutation = graphql(`
  mutation RecordSpecialAudit($input: RecordSpecialAuditInput!) {
    recordSpecialAudit(input: $input) {
      id
    }
  }
`);
