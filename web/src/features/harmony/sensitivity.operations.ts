import { graphql } from '../../app/graphql';

export const StartSensitivityRunMutation = graphql(`
  mutation StartSensitivityRun($input: SensitivityRunInput!) {
    startSensitivityRun(input: $input) {
      id
      status
      progress
    }
  }
`);

/** Polled while the run is RUNNING; its regions arrive once it is DONE. */
export const SensitivityRunQuery = graphql(`
  query SensitivityRun($id: ID!) {
    sensitivityRun(id: $id) {
      id
      status
      progress
      error
      period
      runs
      perturbation
      seed
      aggregation
      startedAt
      regions {
        nominalIndex
        nominalRank
        medianRank
        percentile5Rank
        percentile95Rank
        region {
          id
          code
          name
          nameEn
        }
      }
    }
  }
`);
