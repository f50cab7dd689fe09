import { graphql } from '../../app/graphql';

/** A page of campaigns (organizations: their jurisdiction's; citizens: their region's; the public: the published ones). */
export const CampaignsQuery = graphql(`
  query Campaigns($first: Int, $after: String, $last: Int, $before: String, $filter: CampaignFilter) {
    campaigns(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          titleZh
          period
          status
          opensAt
          closesAt
          region {
            id
            code
            name
            nameEn
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

/** One campaign: what it asks, its schedule, the moves the caller may make, turnout (a count while open). */
export const CampaignQuery = graphql(`
  query Campaign($id: ID!) {
    campaign(id: $id) {
      id
      title
      titleZh
      period
      scale
      status
      actions
      publicationThreshold
      opensAt
      closesAt
      myParticipation
      criteria {
        code
        en
        zhCN
      }
      region {
        id
        code
        level
        name
        nameEn
      }
      organization {
        id
        name
      }
      terms {
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
      turnout {
        ballots
        participants
        eligible
      }
    }
  }
`);

/** The current terms of posts serving a region (its subtree): the cadres a campaign of that region may evaluate. */
export const CurrentTermsQuery = graphql(`
  query CurrentTerms($regionId: ID!, $first: Int, $after: String) {
    terms(first: $first, after: $after, filter: { regionId: $regionId, current: true }) {
      totalCount
      edges {
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
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($id: ID!, $input: UpdateCampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      id
      title
      titleZh
      period
      scale
      publicationThreshold
      opensAt
      closesAt
      criteria {
        code
        en
        zhCN
      }
    }
  }
`);

/** The moves of the transition table: each answers with the campaign's new status and the moves left. */
export const OpenCampaignMutation = graphql(`
  mutation OpenCampaign($id: ID!) {
    openCampaign(id: $id) {
      id
      status
      actions
    }
  }
`);

export const CloseCampaignMutation = graphql(`
  mutation CloseCampaign($id: ID!) {
    closeCampaign(id: $id) {
      id
      status
      actions
    }
  }
`);

export const PublishCampaignMutation = graphql(`
  mutation PublishCampaign($id: ID!) {
    publishCampaign(id: $id) {
      id
      status
      actions
    }
  }
`);
