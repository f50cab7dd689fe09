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
      }
      ledgerEntry {
        sequence
        entryHash
        payloadHash
      }
    }
  }
`);

export const WorkingCalendarQuery = graphql(`
  query WorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
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
  }
`);

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
      id
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
