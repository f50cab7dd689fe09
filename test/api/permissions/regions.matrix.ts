import { everyone, jurisdictionChange, type MatrixRows } from './matrix';

/** The regions module's operations: who may call each. */
export const REGIONS_MATRIX: MatrixRows = {
  'Query.regions': { document: '{ regions(first: 5) { totalCount } }', expect: everyone },
  'Query.region': {
    document: 'query ($id: ID!) { region(id: $id) { code } }',
    variables: async (f) => ({ id: f.dongshanId }),
    expect: everyone,
  },
  'Mutation.createRegion': {
    document: 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        parentId: f.dongshanId,
        code: `880101${String(100 + Math.floor(Math.random() * 899))}${Math.floor(Math.random() * 9)}`,
        name: '新镇',
        nameEn: 'New Town',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.setRegionStatistics': {
    document: 'mutation ($input: SetRegionStatisticsInput!) { setRegionStatistics(input: $input) { period } }',
    variables: async (f) => ({ input: { regionId: f.dongshanId, period: '2026-Q3', population: 196000, households: 70000 } }),
    expect: jurisdictionChange,
  },
};
