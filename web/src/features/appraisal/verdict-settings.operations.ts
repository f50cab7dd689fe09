import { graphql } from '../../app/graphql';

/** Every version of the verdict settings, the latest first (a handful: one page holds them). */
export const VerdictSettingsVersionsQuery = graphql(`
  query VerdictSettingsVersions {
    verdictSettingsVersions(first: 100) {
      edges {
        node {
          id
          version
          active
          note
          settings
          createdAt
          activatedAt
        }
      }
    }
  }
`);

export const CreateVerdictSettingsMutation = graphql(`
  mutation CreateVerdictSettings($input: CreateVerdictSettingsInput!) {
    createVerdictSettings(input: $input) {
      id
      version
      active
    }
  }
`);

export const ActivateVerdictSettingsMutation = graphql(`
  mutation ActivateVerdictSettings($id: ID!) {
    activateVerdictSettings(id: $id) {
      id
      version
      active
      activatedAt
    }
  }
`);
