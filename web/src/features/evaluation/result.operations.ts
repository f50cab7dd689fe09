import { graphql } from '../../app/graphql';

/** A campaign's results per cadre: counts always; scores with their intervals only from k ballots. */
export const CampaignResultsQuery = graphql(`
  query CampaignResults($id: ID!) {
    campaign(id: $id) {
      id
      title
      titleZh
      status
      scale
      publicationThreshold
      criteria {
        code
        en
        zhCN
      }
      turnout {
        ballots
        participants
        eligible
      }
      results {
        ballots
        published
        term {
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
        overall {
          mean
          low
          high
          n
        }
        criteria {
          code
          mean
          low
          high
          n
          dontKnow
        }
        grade
        uncertain
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
        comments
      }
    }
  }
`);
