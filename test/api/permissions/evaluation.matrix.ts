import { insertCampaign, insertTerms } from '../../support/evaluation-fixtures';
import { globalId } from '../../support/global-id';
import { everyone, jurisdictionChange, jurisdictionRecord, type Fixtures, type MatrixRows, type Outcome, type MatrixActor } from './matrix';

/** Campaign fixtures of Dongshan: cadres holding current terms there (once per server), and campaigns in each status. */
const termsOf = new WeakMap<Fixtures['server'], Promise<string[]>>();
const dongshanTerms = (f: Fixtures) => {
  const known = termsOf.get(f.server) ?? insertTerms(f.server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Matrix' });
  termsOf.set(f.server, known);
  return known;
};

const campaignInput = async (f: Fixtures) => ({
  regionId: f.dongshanId,
  title: 'Matrix',
  titleZh: '矩阵',
  period: '2026',
  opensAt: new Date().toISOString(),
  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  termIds: (await dongshanTerms(f)).map((id) => globalId('Term', id)),
});

/** A new campaign of Dongshan, by Dongshan's organization, in `status` (written as the owner: the matrix spares its request budget). */
async function campaignIn(f: Fixtures, status: 'DRAFT' | 'OPEN' | 'CLOSED') {
  const campaign = await insertCampaign(f.server.ownerOrm, {
    regionCode: '880101',
    status,
    termIds: await dongshanTerms(f),
    title: 'Matrix',
  });
  return { ...campaign, id: globalId('Campaign', campaign.id) };
}

/** Only a verified citizen of the region casts a ballot; staff are not eligible (NOT_ELIGIBLE is FORBIDDEN). */
const voters: Record<MatrixActor, Outcome> = {
  orgRoot: 'FORBIDDEN',
  orgIn: 'FORBIDDEN',
  orgOut: 'FORBIDDEN',
  auditor: 'FORBIDDEN',
  citizen: 'ALLOW',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

/** The evaluation module's operations: who may call each. */
export const EVALUATION_MATRIX: MatrixRows = {
  'Query.campaigns': { document: '{ campaigns(first: 5) { totalCount } }', expect: everyone },
  'Query.campaign': {
    document: 'query ($id: ID!) { campaign(id: $id) { id status turnout { ballots eligible } } }',
    variables: async (f) => ({ id: (await campaignIn(f, 'DRAFT')).id }),
    expect: jurisdictionRecord,
  },
  'Query.myCampaigns': { document: '{ myCampaigns { id myVotes { voted } } }', expect: { ...everyone, anonymous: 'UNAUTHENTICATED' } },
  'Query.ballotReceipt': { document: '{ ballotReceipt(code: "0000-0000-0000-0000-0000") { counted } }', expect: everyone },
  'Mutation.createCampaign': {
    document: 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
    variables: async (f) => ({ input: await campaignInput(f) }),
    expect: jurisdictionChange,
  },
  'Mutation.updateCampaign': {
    document: 'mutation ($id: ID!) { updateCampaign(id: $id, input: { title: "Renamed" }) { id } }',
    variables: async (f) => ({ id: (await campaignIn(f, 'DRAFT')).id }),
    expect: jurisdictionChange,
  },
  'Mutation.openCampaign': {
    document: 'mutation ($id: ID!) { openCampaign(id: $id) { id } }',
    variables: async (f) => ({ id: (await campaignIn(f, 'DRAFT')).id }),
    expect: jurisdictionChange,
  },
  'Mutation.closeCampaign': {
    document: 'mutation ($id: ID!) { closeCampaign(id: $id) { id } }',
    variables: async (f) => ({ id: (await campaignIn(f, 'OPEN')).id }),
    expect: jurisdictionChange,
  },
  'Mutation.publishCampaign': {
    document: 'mutation ($id: ID!) { publishCampaign(id: $id) { id } }',
    variables: async (f) => ({ id: (await campaignIn(f, 'CLOSED')).id }),
    expect: jurisdictionChange,
  },
  'Mutation.castBallot': {
    document: 'mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }',
    variables: async (f) => {
      const campaign = await campaignIn(f, 'OPEN');
      const [termId] = await dongshanTerms(f);
      const answers = campaign.criteria.map(({ code }) => ({ criterion: code, step: 'SATISFIED' }));
      return { input: { campaignId: campaign.id, termId: globalId('Term', termId), answers } };
    },
    expect: voters,
  },
};
