import { CadresFixtures } from '../../support/cadres-fixtures';
import { everyone, jurisdictionChange, unique, type Fixtures, type MatrixRows } from './matrix';

/** Made by Dongshan's organization, once per file (the fixtures are per server). */
const fixturesOf = new WeakMap<Fixtures, CadresFixtures>();
const cadresOf = (f: Fixtures) => {
  const made = fixturesOf.get(f) ?? new CadresFixtures(f.orgIn);
  fixturesOf.set(f, made);
  return made;
};

/**
 * The cadres module's operations: who holds which post is public (tokens with the CADRES scope
 * included); Dongshan's organization (or the root's) records cadres, posts and terms of Dongshan.
 */
export const CADRES_MATRIX: MatrixRows = {
  'Query.cadres': {
    document: '{ cadres(first: 5) { totalCount edges { node { name region { code } terms { startsOn } } } } }',
    expect: everyone,
  },
  'Query.cadre': {
    document: 'query ($id: ID!) { cadre(id: $id) { name } }',
    variables: async (f) => ({ id: await cadresOf(f).cadre(f.dongshanId) }),
    expect: everyone,
  },
  'Query.posts': { document: '{ posts(first: 5) { totalCount edges { node { title holder { cadre { name } } } } } }', expect: everyone },
  'Query.post': {
    document: 'query ($id: ID!) { post(id: $id) { title organization { name } } }',
    variables: async (f) => ({ id: await cadresOf(f).post(f.dongshanId) }),
    expect: everyone,
  },
  'Query.terms': {
    document: '{ terms(first: 5, filter: { current: true }) { totalCount edges { node { startsOn current } } } }',
    expect: everyone,
  },
  'Query.term': {
    document: 'query ($id: ID!) { term(id: $id) { startsOn cadre { name } post { title } } }',
    variables: async (f) => ({ id: await cadresOf(f).heldTerm(f.dongshanId) }),
    expect: everyone,
  },
  'Mutation.createCadre': {
    document: 'mutation ($input: CreateCadreInput!) { createCadre(input: $input) { id } }',
    variables: async (f) => ({ input: { name: `干部${unique()}`, regionId: f.dongshanId } }),
    expect: jurisdictionChange,
  },
  'Mutation.createPost': {
    document: 'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        title: `Deputy Head ${unique()}`,
        titleZh: `副县长${unique()}`,
        level: 'COUNTY',
        regionId: f.dongshanId,
        organizationId: await cadresOf(f).organizationOf(f.dongshanId),
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.createTerm': {
    document: 'mutation ($input: CreateTermInput!) { createTerm(input: $input) { id } }',
    variables: async (f) => {
      const [cadreId, postId] = await Promise.all([cadresOf(f).cadre(f.dongshanId), cadresOf(f).post(f.dongshanId)]);
      return { input: { cadreId, postId, startsOn: '2025-01-01', endsOn: '2030-01-01' } };
    },
    expect: jurisdictionChange,
  },
  'Mutation.endTerm': {
    document: 'mutation ($id: ID!) { endTerm(id: $id, endedOn: "2025-06-30", reason: RESIGNATION) { endedOn } }',
    variables: async (f) => ({ id: await cadresOf(f).heldTerm(f.dongshanId, '2025-01-01', '2030-01-01') }),
    expect: jurisdictionChange,
  },
};
