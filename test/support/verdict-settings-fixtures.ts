import type { MikroORM } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import { answersOf, insertCampaign, insertCitizens, insertTerms } from './evaluation-fixtures';
import { globalId } from './global-id';

/** A valid new version of the verdict settings, as `createVerdictSettings` takes it: version 1's values with other weights. */
export function verdictSettingsInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { version: _version, ...defaults } = evaluation.DEFAULT_VERDICT_SETTINGS;
  return {
    ...defaults,
    weights: { mass: 0.6, inspection: 0.25, audit: 0.15 },
    bands: defaults.bands.map((band) => ({ ...band })),
    auditPenalties: { ...defaults.auditPenalties },
    note: 'Mass satisfaction weighs more',
    ...overrides,
  };
}

export const CREATE_VERDICT_SETTINGS = `mutation ($input: CreateVerdictSettingsInput!) {
  createVerdictSettings(input: $input) { id version active activatedAt note settings }
}`;
export const ACTIVATE_VERDICT_SETTINGS = 'mutation ($id: ID!) { activateVerdictSettings(id: $id) { id version active activatedAt } }';

/**
 * A term with a verdict to come: an open campaign of the region on one fresh term, one citizen of
 * `voterRegionCode` per step, the i-th answering every criterion with `steps[i]` (cast through the API,
 * as citizens do). The campaign is left open: the caller closes and publishes it as the organization does.
 */
export async function campaignWithBallots(
  server: { ownerOrm: MikroORM; url: string },
  { regionCode, voterRegionCode, steps, prefix }: { regionCode: string; voterRegionCode: string; steps: readonly string[]; prefix: string },
): Promise<{ campaignId: string; termId: string; title: string }> {
  const [termId] = await insertTerms(server.ownerOrm, { regionCode, count: 1, prefix });
  const title = `${prefix} round`;
  const campaign = await insertCampaign(server.ownerOrm, { regionCode, status: 'OPEN', termIds: [termId], title });
  const voters = await insertCitizens(server.ownerOrm, server.url, {
    regionCode: voterRegionCode,
    count: steps.length,
    prefix: `${prefix}-voter`,
  });
  const ballot = (step: string) => ({
    input: { campaignId: globalId('Campaign', campaign.id), termId: globalId('Term', termId), answers: answersOf(campaign.criteria, step) },
  });
  await Promise.all(
    voters.map((voter, i) =>
      voter.client().ok('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', ballot(steps[i])),
    ),
  );
  return { campaignId: campaign.id, termId, title };
}
