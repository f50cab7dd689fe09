import { evaluation } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { answersOf, insertCampaign, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const CLOSE = `mutation ($id: ID!) { closeCampaign(id: $id) { status } }`;
const PUBLISH = `mutation ($id: ID!) { publishCampaign(id: $id) { status } }`;
const INSPECT = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`;
const AUDIT = `mutation ($input: RecordSpecialAuditInput!) { recordSpecialAudit(input: $input) { id } }`;
const VERDICT_FIELDS = `settingsVersion score low high grade uncertain
  source { campaignId title ballots eligible } mass { mean low high n }
  criteria { code nameEn nameZh mean n dontKnow } weights { mass inspection audit }
  inspection { score } specialAudit { debtAtEnd } audit { score penalties { debtGrowth irregularFunds showcaseSpending findings } }
  flags { code figures { name value } thresholds { name value } }`;
const VERDICT = `query ($t: ID!) { verdict(termId: $t) { ${VERDICT_FIELDS} } }`;
const VERDICTS = `query ($ts: [ID!]!) { verdicts(termIds: $ts) { term { id } score } }`;

interface VerdictAnswer {
  settingsVersion: number;
  score: number;
  low: number;
  high: number;
  grade: string;
  uncertain: boolean;
  source: { campaignId: string; title: string; ballots: number; eligible: number | null };
  mass: { mean: number; low: number; high: number; n: number };
  criteria: { code: string; nameEn: string; nameZh: string; mean: number; n: number; dontKnow: number }[];
  weights: { mass: number; inspection: number; audit: number };
  inspection: { score: number } | null;
  audit: { score: number; penalties: Record<string, number> } | null;
  flags: { code: string; figures: { name: string; value: number | null }[]; thresholds: { name: string; value: number | null }[] }[];
}

describe('verdicts: mass satisfaction of the latest published campaign, inspection and audit, under the settings in force', () => {
  let server: TestServer;
  let county: ApiClient;
  let termA: string;
  let termB: string;
  let campaign: { id: string; criteria: { code: string }[] };
  // 20 satisfied ballots and 14 basically satisfied for A, every criterion alike; 5 for B (below k = 30).
  const stepsA = [...Array<string>(20).fill('SATISFIED'), ...Array<string>(14).fill('BASICALLY_SATISFIED')];

  const verdictOf = async (client: ApiClient, termId: string) =>
    (await client.ok<{ verdict: VerdictAnswer | null }>(VERDICT, { t: globalId('Term', termId) })).verdict;

  beforeAll(async () => {
    server = await startTestServer();
    county = await server.as('orgIn');
    [termA, termB] = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Verdicts' });
    campaign = await insertCampaign(server.ownerOrm, {
      regionCode: '880101',
      status: 'OPEN',
      termIds: [termA, termB],
      title: 'Verdict round',
    });
    const voters = await insertCitizens(server.ownerOrm, server.url, {
      regionCode: '880101001',
      count: stepsA.length,
      prefix: 'verdict-voter',
    });
    await Promise.all(
      voters.map((voter, i) =>
        voter.client().ok(CAST, {
          input: {
            campaignId: globalId('Campaign', campaign.id),
            termId: globalId('Term', termA),
            answers: answersOf(campaign.criteria, stepsA[i]),
          },
        }),
      ),
    );
    await Promise.all(
      voters.slice(0, 5).map((voter) =>
        voter.client().ok(CAST, {
          input: {
            campaignId: globalId('Campaign', campaign.id),
            termId: globalId('Term', termB),
            answers: answersOf(campaign.criteria, 'DISSATISFIED'),
          },
        }),
      ),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has no verdict while the campaign is unpublished, then mass satisfaction alone once it is', async () => {
    expect(await verdictOf(county, termA)).toBeNull();
    await county.ok(CLOSE, { id: globalId('Campaign', campaign.id) });
    expect(await verdictOf(county, termA)).toBeNull();
    await county.ok(PUBLISH, { id: globalId('Campaign', campaign.id) });
    const verdict = (await verdictOf(county, termA))!;
    // The reference: shared's maths over the same ballots, with the population the close counted.
    const tally = evaluation.tallyBallots(
      'PROVINCIAL_FOUR_STEP',
      campaign.criteria.map((c) => c.code),
      stepsA.map((step) => Object.fromEntries(campaign.criteria.map((c) => [c.code, step]))),
    );
    const satisfaction = evaluation.satisfactionOf(tally, verdict.source.eligible);
    expect(verdict.mass.mean).toBeCloseTo(3050 / 34, 9);
    expect(verdict.mass.low).toBeCloseTo(satisfaction.overall.low!, 9);
    expect(verdict.mass.high).toBeCloseTo(satisfaction.overall.high!, 9);
    expect(verdict.source).toMatchObject({ campaignId: globalId('Campaign', campaign.id), title: 'Verdict round', ballots: 34 });
    expect(verdict.source.eligible).toBeGreaterThanOrEqual(34);
    // Without inspection or audit, mass satisfaction is the whole verdict.
    expect(verdict.weights).toEqual({ mass: 1, inspection: 0, audit: 0 });
    expect(verdict.score).toBeCloseTo(3050 / 34, 9);
    expect([verdict.inspection, verdict.audit, verdict.settingsVersion]).toEqual([null, null, 1]);
    expect(verdict.criteria.map((c) => c.code)).toEqual(campaign.criteria.map((c) => c.code));
    expect(verdict.criteria[0]).toMatchObject({ n: 34, dontKnow: 0, nameEn: 'Employment and income' });
    // Below k: no verdict for B, only its count elsewhere.
    expect(await verdictOf(county, termB)).toBeNull();
  });

  it('combines the latest inspection and audit by the documented weights and raises the debt-financed flag with its figures', async () => {
    await county.ok(INSPECT, {
      input: { termId: globalId('Term', termA), score: 70, findings: 'First look', inspector: 'Team A', inspectedOn: isoDaysAgo(30) },
    });
    await county.ok(INSPECT, {
      input: { termId: globalId('Term', termA), score: 95, findings: 'Full inspection', inspector: 'Team B', inspectedOn: isoDaysAgo(10) },
    });
    await county.ok(AUDIT, {
      input: {
        termId: globalId('Term', termA),
        debtAtStart: 1000,
        debtAtEnd: 2000,
        irregularFunds: 0,
        showcaseSpending: 0,
        totalSpending: 10000,
        findings: 0,
        auditBody: 'County Audit Bureau',
        auditedOn: isoDaysAgo(5),
      },
    });
    const verdict = (await verdictOf(county, termA))!;
    expect(verdict.inspection).toEqual({ score: 95 });
    // Debt doubled: 40 points off the audit (full penalty at +100 %).
    expect(verdict.audit).toEqual({ score: 60, penalties: { debtGrowth: 40, irregularFunds: 0, showcaseSpending: 0, findings: 0 } });
    expect(verdict.weights).toEqual({ mass: 0.5, inspection: 0.3, audit: 0.2 });
    expect(verdict.score).toBeCloseTo(0.5 * (3050 / 34) + 0.3 * 95 + 0.2 * 60, 9);
    expect(verdict.grade).toBe('COMPETENT');
    expect(verdict.flags).toEqual([
      {
        code: 'DEBT_FINANCED',
        figures: [
          { name: 'debtAtStart', value: 1000 },
          { name: 'debtAtEnd', value: 2000 },
          { name: 'debtGrowth', value: 1 },
        ],
        thresholds: [{ name: 'debtGrowth', value: 0.5 }],
      },
    ]);
  });

  it('answers many terms at once in the order asked, and refuses readers outside the jurisdiction', async () => {
    const { verdicts } = await county.ok<{ verdicts: ({ term: { id: string }; score: number } | null)[] }>(VERDICTS, {
      ts: [globalId('Term', termB), globalId('Term', termA)],
    });
    expect(verdicts[0]).toBeNull();
    expect(verdicts[1]?.term.id).toBe(globalId('Term', termA));
    const auditor = await server.as('auditor');
    expect((await verdictOf(auditor, termA))?.grade).toBe('COMPETENT');
    for (const [actor, code] of [
      ['orgOut', 'FORBIDDEN'],
      ['citizen', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const) {
      const client = actor === 'anonymous' ? server.client() : await server.as(actor);
      expect(errorCode(await client.request(VERDICT, { t: globalId('Term', termA) }))).toBe(code);
    }
    const tooMany = Array.from({ length: 101 }, () => globalId('Term', termA));
    expect(errorCode(await county.request(VERDICTS, { ts: tooMany }))).toBe('BAD_USER_INPUT');
  });

  it('serves the settings in force to anyone', async () => {
    const { verdictSettings } = await server
      .client()
      .ok<{ verdictSettings: { version: number; active: boolean; settings: { weights: Record<string, number> } } }>(
        '{ verdictSettings { version active settings } }',
      );
    expect(verdictSettings).toMatchObject({ version: 1, active: true, settings: { weights: { mass: 0.5, inspection: 0.3, audit: 0.2 } } });
  });
});

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
