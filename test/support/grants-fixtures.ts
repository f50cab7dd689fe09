import type { ApiClient } from './api-client';
import { CadresFixtures } from './cadres-fixtures';

const DAY = 86_400_000;
/** The date `offset` days from today (UTC). */
export const dayFrom = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const STEP = 'mutation ($input: RecordGrantStepInput!) { recordGrantStep(input: $input) { id steps { id } } }';

/** The procedure of an appointment up to its decision, from `start` days from today, a few days apart. */
export const appointmentSteps = (start: number) => [
  { step: 'MOTION', date: dayFrom(start), facts: { summary: 'The county committee moves to appoint a deputy head' } },
  {
    step: 'RECOMMENDATION',
    date: dayFrom(start + 3),
    facts: {
      entitled: 120,
      participants: 97,
      posts: 1,
      candidates: [
        { name: '张伟', votes: 61 },
        { name: '刘洋', votes: 30 },
      ],
    },
  },
  { step: 'INSPECTION', date: dayFrom(start + 7), facts: { interviews: 42, findings: 'Sound conduct' } },
  { step: 'DECISION', date: dayFrom(start + 10), facts: { members: 11, present: 9, votesFor: 8, votesAgainst: 1, abstentions: 0 } },
];

/** Grants made through the API by an organization, at the stage a test needs. */
export class GrantsFixtures {
  private readonly cadres: CadresFixtures;

  constructor(private readonly organization: ApiClient) {
    this.cadres = new CadresFixtures(organization);
  }

  /** A new grant of a new post of the region (a county's, unless the post's level is given) to a new cadre; no step recorded. */
  async grant(regionId: string, method: 'APPOINTMENT' | 'ELECTION' = 'APPOINTMENT', level = 'COUNTY'): Promise<string> {
    const [cadreId, postId] = await Promise.all([this.cadres.cadre(regionId), this.cadres.post(regionId, level)]);
    const { createGrant } = await this.organization.ok<{ createGrant: { id: string } }>(
      'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
      { input: { postId, cadreId, method, bodyName: 'Dongshan County Committee', bodyKind: 'PARTY_COMMITTEE', termYears: 5 } },
    );
    return createGrant.id;
  }

  /** Records steps on a grant; the ids of its steps after the last. */
  async record(grantId: string, steps: readonly { step: string; date: string; facts: Record<string, unknown> }[]): Promise<string[]> {
    let ids: string[] = [];
    for (const step of steps) {
      const { recordGrantStep } = await this.organization.ok<{ recordGrantStep: { steps: { id: string }[] } }>(STEP, {
        input: { grantId, ...step },
      });
      ids = recordGrantStep.steps.map((s) => s.id);
    }
    return ids;
  }

  /** A grant whose public notice is open today (and for two weeks). */
  async inNotice(regionId: string, level = 'COUNTY'): Promise<string> {
    const id = await this.grant(regionId, 'APPOINTMENT', level);
    await this.record(id, [...appointmentSteps(-20), { step: 'NOTICE', date: dayFrom(-1), facts: { end: dayFrom(14) } }]);
    return id;
  }

  /** A grant that took effect in the past (so that it can end today or before). */
  async inEffect(regionId: string): Promise<string> {
    const id = await this.grant(regionId);
    await this.record(id, [
      ...appointmentSteps(-60),
      { step: 'NOTICE', date: dayFrom(-49), facts: { end: dayFrom(-35) } },
      { step: 'TAKING_EFFECT', date: dayFrom(-34), facts: {} },
    ]);
    return id;
  }
}
