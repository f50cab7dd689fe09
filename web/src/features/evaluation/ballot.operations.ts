import { graphql } from '../../app/graphql';

/** The open campaigns of the citizen's region, and which of their cadres the citizen has evaluated. */
export const MyCampaignsQuery = graphql(`
  query MyCampaigns {
    myCampaigns {
      id
      title
      titleZh
      closesAt
      myVotes {
        voted
        term {
          id
        }
      }
      terms {
        id
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
  }
`);

/** What the ballot page asks: the criteria and scale, the cadres, which of them have the citizen's ballot. */
export const BallotCampaignQuery = graphql(`
  query BallotCampaign($id: ID!) {
    campaign(id: $id) {
      id
      title
      titleZh
      status
      scale
      closesAt
      myVotes {
        voted
        term {
          id
        }
      }
      criteria {
        code
        en
        zhCN
      }
      terms {
        id
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
  }
`);

/** A ballot: its receipt code comes back once, and is never shown again. */
export const CastBallotMutation = graphql(`
  mutation CastBallot($input: CastBallotInput!) {
    castBallot(input: $input) {
      code
    }
  }
`);

/** Is a ballot with this receipt counted? Says so, and in which campaign; never what the ballot says. */
export const BallotReceiptQuery = graphql(`
  query BallotReceipt($code: String!) {
    ballotReceipt(code: $code) {
      counted
      campaign {
        id
        title
        titleZh
        status
      }
    }
  }
`);

/**
 * The campaigns of the citizen's region past their draft, newest first, each with whether the citizen took
 * part (which cadres is kept nowhere with the citizen, by design); `participated: true` keeps only those
 * they took part in, null all of them.
 */
export const MyParticipationQuery = graphql(`
  query MyParticipation($first: Int, $after: String, $last: Int, $before: String, $participated: Boolean) {
    campaigns(first: $first, after: $after, last: $last, before: $before, filter: { participated: $participated }) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          titleZh
          period
          status
          closesAt
          myParticipation
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
