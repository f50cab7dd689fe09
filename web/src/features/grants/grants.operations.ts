import { graphql } from '../../app/graphql';

export const GrantsQuery = graphql(`
  query Grants($first: Int, $after: String, $last: Int, $before: String, $filter: GrantFilter) {
    grants(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        node {
          id
          method
          status
          bodyName
          post {
            id
            title
            titleZh
          }
          cadre {
            id
            name
          }
          region {
            id
            code
            name
            nameEn
          }
          steps {
            id
            step
            date
            facts
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

export const GrantQuery = graphql(`
  query Grant($id: ID!) {
    grant(id: $id) {
      id
      method
      status
      bodyName
      bodyKind
      termYears
      createdAt
      post {
        id
        title
        titleZh
      }
      cadre {
        id
        name
      }
      region {
        id
        code
        path
        name
        nameEn
      }
      steps {
        id
        step
        date
        facts
        corrected
        history {
          recordId
          date
          facts
          reason
          recordedAt
        }
        ledgerEntry {
          sequence
          entryHash
          payloadHash
        }
      }
      objections {
        id
        filerName
        text
        evidence
        filedAt
        upheld
        reasons
        answeredAt
      }
      participation {
        entitled
        participants
        interviews
        objections
        upheld
        notUpheld
        unanswered
      }
      ending {
        reason
        endedOn
        decidedBy
        why
      }
      term {
        id
        startsOn
        endsOn
        endedOn
        endReason
      }
      ledgerEntry {
        sequence
        entryHash
        payloadHash
      }
    }
  }
`);

/** A year of the holiday schedule, as the step forms and the calendar editor read it. */
export const WorkingCalendarFields = graphql(`
  fragment WorkingCalendarFields on WorkingCalendar @_unmask {
    year
    holidays {
      day
      note
    }
    makeUpDays {
      day
      note
    }
  }
`);

export const WorkingCalendarQuery = graphql(
  `
    query WorkingCalendar($year: Int!) {
      workingCalendar(year: $year) {
        ...WorkingCalendarFields
      }
    }
  `,
  [WorkingCalendarFields],
);

export const CreateGrantMutation = graphql(`
  mutation CreateGrant($input: CreateGrantInput!) {
    createGrant(input: $input) {
      id
    }
  }
`);

export const RecordGrantStepMutation = graphql(`
  mutation RecordGrantStep($input: RecordGrantStepInput!) {
    recordGrantStep(input: $input) {
      id
      status
    }
  }
`);

export const FileObjectionMutation = graphql(`
  mutation FileObjection($input: FileObjectionInput!) {
    fileObjection(input: $input) {
      objection {
        id
      }
      receipt
    }
  }
`);

export const AnswerObjectionMutation = graphql(`
  mutation AnswerObjection($input: AnswerObjectionInput!) {
    answerObjection(input: $input) {
      id
      status
    }
  }
`);

export const CorrectGrantStepMutation = graphql(`
  mutation CorrectGrantStep($input: CorrectGrantStepInput!) {
    correctGrantStep(input: $input) {
      id
      status
    }
  }
`);

export const EndGrantMutation = graphql(`
  mutation EndGrant($input: EndGrantInput!) {
    endGrant(input: $input) {
      id
      status
    }
  }
`);

export const SetWorkingCalendarMutation = graphql(
  `
    mutation SetWorkingCalendar($input: SetWorkingCalendarInput!) {
      setWorkingCalendar(input: $input) {
        ...WorkingCalendarFields
      }
    }
  `,
  [WorkingCalendarFields],
);

export const PostPickQuery = graphql(`
  query PostPick($search: String, $regionId: ID, $after: String) {
    posts(first: 20, after: $after, filter: { search: $search, regionId: $regionId }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          titleZh
          region {
            id
            code
            name
            nameEn
          }
          holder {
            id
            cadre {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const CadrePickQuery = graphql(`
  query CadrePick($search: String, $regionId: ID, $after: String) {
    cadres(first: 20, after: $after, filter: { search: $search, regionId: $regionId }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          region {
            id
            code
            name
            nameEn
          }
        }
      }
    }
  }
`);

/** What a citizen sees of an objection they filed: it, its answer, and where the grant stands. */
export const FiledObjectionFields = graphql(`
  fragment FiledObjectionFields on GrantObjection @_unmask {
    id
    text
    evidence
    filedAt
    upheld
    reasons
    answeredAt
    grant {
      id
      status
      post {
        id
        title
        titleZh
      }
      cadre {
        id
        name
      }
    }
  }
`);

export const MyObjectionsQuery = graphql(
  `
    query MyObjections($first: Int, $after: String, $last: Int, $before: String) {
      myObjections(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          node {
            ...FiledObjectionFields
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
  [FiledObjectionFields],
);

export const ObjectionByReceiptQuery = graphql(
  `
    query ObjectionByReceipt($receipt: String!) {
      objectionByReceipt(receipt: $receipt) {
        ...FiledObjectionFields
      }
    }
  `,
  [FiledObjectionFields],
);
