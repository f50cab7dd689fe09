import { evaluation } from '@massline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { answersOf, insertCitizens, insertTerms, type FixtureCitizen } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The evaluation module through the API: a campaign's life (draft → open → closed → published) with
 * every refusal and its code, ballots with receipts, turnout as counts only, and results from k ballots.
 */
const CAMPAIGN_FIELDS = `id status scale period publicationThreshold actions criteria { code en zhCN } terms { id } opensAt closesAt`;
const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { ${CAMPAIGN_FIELDS} } }`;
const OPEN = `mutation ($id: ID!) { openCampaign(id: $id) { id status actions } }`;
const CLOSE = `mutation ($id: ID!) { closeCampaign(id: $id) { id status actions } }`;
const PUBLISH = `mutation ($id: ID!) { publishCampaign(id: $id) { id status actions } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }`;
const RECEIPT = `query ($code: String!) { ballotReceipt(code: $code) { counted campaign { id } } }`;
const TURNOUT = `query ($id: ID!) { campaign(id: $id) { id status turnout { ballots participants eligible terms { term { id } ballots } } } }`;
const RESULTS = `query ($id: ID!) { campaign(id: $id) { id results { term { id } ballots published grade uncertain
  overall { mean low high n } criteria { code mean low high n dontKnow } comments flags { code } } } }`;
const MINE = `query { myCampaigns { id myParticipation myVotes { term { id } voted } } }`;

interface Campaign {
  id: string;
  status: string;
  actions: string[];
  criteria: { code: string; en: string; zhCN: string }[];
  terms: { id: string }[];
  publicationThreshold: number;
  scale: string;
}

const reasonOf = (answer: GraphQLAnswer<unknown>) => [errorCode(answer), answer.errors[0]?.extensions?.reason ?? null];
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe('evaluation: campaigns, ballots and results', () => {
  let server: TestServer;
  let org: ApiClient;
  let orgOut: ApiClient;
  let auditor: ApiClient;
  let anonymous: ApiClient;
  let voters: FixtureCitizen[];
  let terms: string[];
  let outsideTerm: string;
  let countyId: string;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  const input = (changes: Record<string, unknown> = {}) => ({
    regionId: countyId,
    title: 'Dongshan county cadres, 2026',
    titleZh: '东山县干部群众评议（2026年）',
    period: '2026',
    opensAt: hours(-1),
    closesAt: hours(72),
    termIds: terms.map((id) => globalId('Term', id)),
    publicationThreshold: 5,
    ...changes,
  });
  const create = async (changes: Record<string, unknown> = {}) =>
    (await org.ok<{ createCampaign: Campaign }>(CREATE, { input: input(changes) })).createCampaign;
  const cast = (client: ApiClient, campaign: Campaign, termId: string, steps: string | string[] = 'SATISFIED', comment?: string) =>
    client.request<{ castBallot: { code: string } }>(CAST, {
      input: { campaignId: campaign.id, termId: globalId('Term', termId), answers: answersOf(campaign.criteria, steps), comment },
    });

  beforeAll(async () => {
    server = await startTestServer();
    [org, orgOut, auditor] = await Promise.all([server.as('orgIn'), server.as('orgOut'), server.as('auditor')]);
    anonymous = server.client();
    const [county] = await sql<{ id: string }>(`select id from region where code = '880101'`);
    countyId = globalId('Region', county.id);
    terms = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 2, prefix: 'Campaigns' });
    [outsideTerm] = await insertTerms(server.ownerOrm, { regionCode: '880102', count: 1, prefix: 'Elsewhere' });
    voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 8, prefix: 'voter' });
  });
  afterAll(() => server?.close());

  describe('drafts', () => {
    it('creates a draft with the default criteria and scale, editable and openable', async () => {
      const campaign = await create();
      expect(campaign).toMatchObject({ status: 'DRAFT', scale: 'PROVINCIAL_FOUR_STEP', publicationThreshold: 5, actions: ['OPEN'] });
      expect(campaign.criteria.map((c) => c.code)).toEqual(evaluation.DEFAULT_CRITERIA.map((c) => c.code));
      expect(campaign.terms.map((t) => uuidOf(t.id))).toEqual(terms);
      const updated = (
        await org.ok<{ updateCampaign: Campaign }>(UPDATE, {
          id: campaign.id,
          input: {
            scale: 'NATIONAL_FIVE_STEP',
            criteria: [{ code: 'HOUSING', en: 'Housing', zhCN: '住房' }],
            termIds: [globalId('Term', terms[1])],
          },
        })
      ).updateCampaign;
      expect(updated).toMatchObject({
        scale: 'NATIONAL_FIVE_STEP',
        criteria: [{ code: 'HOUSING' }],
        terms: [{ id: globalId('Term', terms[1]) }],
      });
      const audit = await sql<{ action: string }>(`select action from audit_entry where subject_id = ? order by occurred_at`, [
        uuidOf(campaign.id),
      ]);
      expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update']);
    });

    it('refuses an invalid campaign with a coded problem per field', async () => {
      const answer = await org.request(CREATE, {
        input: input({
          title: ' ',
          period: '2026-Q9',
          publicationThreshold: 2,
          closesAt: hours(-2),
          criteria: [{ code: 'x', en: 'X', zhCN: 'X' }],
        }),
      });
      expect(reasonOf(answer)).toEqual(['BAD_USER_INPUT', 'INVALID_CAMPAIGN']);
      const problems = answer.errors[0].extensions?.problems ?? {};
      expect(Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, p.reason]))).toEqual({
        title: 'REQUIRED',
        period: 'INVALID_PERIOD',
        'criteria.0.code': 'CRITERION_CODE_FORMAT',
        publicationThreshold: 'PUBLICATION_THRESHOLD_RANGE',
        closesAt: 'CLOSES_BEFORE_OPENS',
      });
    });

    it("refuses a term outside the campaign's region, and a region outside the jurisdiction", async () => {
      const answer = await org.request(CREATE, { input: input({ termIds: [globalId('Term', terms[0]), globalId('Term', outsideTerm)] }) });
      expect(reasonOf(answer)).toEqual(['BAD_USER_INPUT', 'TERM_NOT_IN_REGION']);
      expect(answer.errors[0].extensions?.problems).toEqual({ 'termIds.1': { reason: 'TERM_NOT_IN_REGION', params: {} } });
      expect(reasonOf(await orgOut.request(CREATE, { input: input() }))).toEqual(['FORBIDDEN', 'OUT_OF_JURISDICTION']);
      expect(reasonOf(await voters[0].client().request(CREATE, { input: input() }))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('refuses every transition the table does not allow from a draft', async () => {
      const campaign = await create();
      for (const mutation of [CLOSE, PUBLISH]) {
        expect(reasonOf(await org.request(mutation, { id: campaign.id }))).toEqual(['CONFLICT', 'CAMPAIGN_TRANSITION_INVALID']);
      }
      expect(reasonOf(await orgOut.request(OPEN, { id: campaign.id }))).toEqual(['FORBIDDEN', 'OUT_OF_JURISDICTION']);
      // A draft is nobody's business but the jurisdiction's: not even a resident sees it, nor votes in it.
      expect(reasonOf(await voters[0].client().request(TURNOUT, { id: campaign.id }))).toEqual(['FORBIDDEN', 'OUT_OF_JURISDICTION']);
      expect(reasonOf(await cast(voters[0].client(), campaign, terms[0]))).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    });
  });

  describe('an open campaign', () => {
    let campaign: Campaign;
    const receipts: string[] = [];

    beforeAll(async () => {
      campaign = await create();
      const opened = await org.ok<{ openCampaign: { status: string; actions: string[] } }>(OPEN, { id: campaign.id });
      expect(opened.openCampaign).toEqual({ id: campaign.id, status: 'OPEN', actions: ['CLOSE'] });
    });

    it('is frozen: criteria, scale, cadres and schedule can no longer change, and it opens only once', async () => {
      for (const change of [
        { scale: 'NATIONAL_FIVE_STEP' },
        { criteria: [{ code: 'HOUSING', en: 'H', zhCN: '住' }] },
        { termIds: [globalId('Term', terms[0])] },
        { title: 'New' },
      ]) {
        expect(reasonOf(await org.request(UPDATE, { id: campaign.id, input: change }))).toEqual(['CONFLICT', 'CAMPAIGN_FROZEN']);
      }
      expect(reasonOf(await org.request(OPEN, { id: campaign.id }))).toEqual(['CONFLICT', 'CAMPAIGN_TRANSITION_INVALID']);
    });

    it('takes one ballot per citizen and cadre, with a receipt that says it is counted', async () => {
      // Six ballots for the first cadre (k = 5: published), two for the second (below k: the count only).
      const steps = [
        ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DONT_KNOW'],
        ['SATISFIED'],
        ['BASICALLY_SATISFIED'],
        ['DISSATISFIED', 'SATISFIED'],
        ['SATISFIED', 'DONT_KNOW'],
        ['BASICALLY_SATISFIED', 'DISSATISFIED'],
      ];
      for (const [i, voter] of voters.slice(0, 6).entries()) {
        const answer = await cast(voter.client(), campaign, terms[0], steps[i], i < 2 ? `Comment ${i}` : undefined);
        expect(answer.errors).toEqual([]);
        receipts.push(answer.data!.castBallot.code);
      }
      for (const voter of voters.slice(0, 2)) expect((await cast(voter.client(), campaign, terms[1])).errors).toEqual([]);
      expect(receipts.every((code) => /^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/.test(code))).toBe(true);
      expect(new Set(receipts).size).toBe(6);
      const check = await anonymous.ok<{ ballotReceipt: { counted: boolean; campaign: null } }>(RECEIPT, {
        code: receipts[0].toLowerCase(),
      });
      // Counted, and nothing more: an open campaign is not public, so the anonymous are not even told which.
      expect(check.ballotReceipt).toEqual({ counted: true, campaign: null });
      const mine = await voters[0].client().ok<{ ballotReceipt: { campaign: { id: string } } }>(RECEIPT, { code: receipts[0] });
      expect(mine.ballotReceipt.campaign).toEqual({ id: campaign.id });
      const forged = await anonymous.ok<{ ballotReceipt: { counted: boolean } }>(RECEIPT, { code: '0000-0000-0000-0000-0000' });
      expect(forged.ballotReceipt.counted).toBe(false);
      expect((await anonymous.ok<{ ballotReceipt: { counted: boolean } }>(RECEIPT, { code: 'not a code' })).ballotReceipt.counted).toBe(
        false,
      );
    });

    it('refuses a second ballot for the same cadre, and every ineligible voter with its own code', async () => {
      expect(reasonOf(await cast(voters[0].client(), campaign, terms[0]))).toEqual(['CONFLICT', 'ALREADY_VOTED']);
      const [unverified] = await insertCitizens(server.ownerOrm, server.url, {
        regionCode: '880101001',
        count: 1,
        status: 'UNVERIFIED',
        prefix: 'unverified',
      });
      expect(reasonOf(await cast(unverified.client(), campaign, terms[0]))).toEqual(['FORBIDDEN', 'NOT_VERIFIED']);
      const [elsewhere] = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880102001', count: 1, prefix: 'elsewhere' });
      expect(reasonOf(await cast(elsewhere.client(), campaign, terms[0]))).toEqual(['FORBIDDEN', 'WRONG_REGION']);
      expect(reasonOf(await cast(org, campaign, terms[0]))).toEqual(['FORBIDDEN', 'NOT_ELIGIBLE']);
      expect(reasonOf(await cast(auditor, campaign, terms[0]))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(reasonOf(await cast(anonymous, campaign, terms[0]))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
      expect(reasonOf(await cast(voters[7].client(), campaign, outsideTerm))).toEqual(['BAD_USER_INPUT', 'INVALID_BALLOT']);
    });

    it('refuses an oversized ballot by the same coded rules: answers beyond the criteria, a comment far over its length', async () => {
      // The input is checked by shared's ballot rules alone (no class-validator pass on castBallot's argument).
      const codes = campaign.criteria.map((c) => c.code);
      const answers = [...answersOf(campaign.criteria, 'SATISFIED'), ...codes.map((criterion) => ({ criterion, step: 'SATISFIED' }))];
      answers.push({ criterion: 'X'.repeat(200), step: 'SATISFIED' });
      const answer = await voters[7].client().request(CAST, {
        input: { campaignId: campaign.id, termId: globalId('Term', terms[0]), answers, comment: 'x'.repeat(5_000) },
      });
      expect(reasonOf(answer)).toEqual(['BAD_USER_INPUT', 'INVALID_BALLOT']);
      const problems = answer.errors[0].extensions?.problems ?? {};
      for (const criterion of codes)
        expect(problems[`answers.${criterion}`]).toEqual({ reason: 'BALLOT_ANSWER_TWICE', params: { criterion } });
      expect(problems[`answers.${'X'.repeat(200)}`]?.reason).toBe('BALLOT_UNKNOWN_CRITERION');
      expect(problems.comment).toEqual({ reason: 'TOO_LONG', params: { max: evaluation.BALLOT_COMMENT_MAX } });
      expect(answer.errors[0].message).toBe('Some answers need correcting');
    });

    it('refuses an incomplete or invalid ballot, naming each answer', async () => {
      const answer = await voters[7].client().request(CAST, {
        input: {
          campaignId: campaign.id,
          termId: globalId('Term', terms[0]),
          answers: [
            { criterion: 'HOUSING', step: 'VERY_SATISFIED' },
            { criterion: 'NOT_A_CRITERION', step: 'SATISFIED' },
          ],
          comment: 'x'.repeat(501),
        },
      });
      expect(reasonOf(answer)).toEqual(['BAD_USER_INPUT', 'INVALID_BALLOT']);
      const problems = answer.errors[0].extensions?.problems ?? {};
      expect(problems['answers.HOUSING']).toEqual({
        reason: 'BALLOT_UNKNOWN_STEP',
        params: { criterion: 'HOUSING', step: 'VERY_SATISFIED' },
      });
      expect(problems['answers.NOT_A_CRITERION']?.reason).toBe('BALLOT_UNKNOWN_CRITERION');
      expect(problems['answers.EDUCATION']?.reason).toBe('BALLOT_ANSWER_MISSING');
      expect(problems.comment).toEqual({ reason: 'TOO_LONG', params: { max: 500 } });
    });

    it('shows turnout as counts only, and no result to anybody while open', async () => {
      const [eligible] = await sql<{ n: number }>(
        `select count(*)::int as n from app_user u join region r on r.id = u.region_id
          where u.role = 'CITIZEN' and u.citizen_status = 'VERIFIED' and u.active and r.path like '/88/8801/880101/%'`,
      );
      // Opening told every one of them, in one set-based insert.
      const [told] = await sql<{ n: number }>(
        `select count(*)::int as n from notification where subject_id = ? and kind = 'CAMPAIGN_OPENED'`,
        [uuidOf(campaign.id)],
      );
      expect(told.n).toBe(eligible.n);
      for (const client of [org, auditor, voters[0].client()]) {
        const { campaign: seen } = await client.ok<{ campaign: { turnout: unknown } }>(TURNOUT, { id: campaign.id });
        expect(seen.turnout).toEqual({
          ballots: 8,
          participants: 6,
          eligible: eligible.n,
          terms: [
            { term: { id: globalId('Term', terms[0]) }, ballots: 6 },
            { term: { id: globalId('Term', terms[1]) }, ballots: 2 },
          ],
        });
        expect((await client.ok<{ campaign: { results: null } }>(RESULTS, { id: campaign.id })).campaign.results).toBeNull();
      }
      // Not public while open.
      expect(reasonOf(await anonymous.request(TURNOUT, { id: campaign.id }))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it('shows a citizen their open campaigns and which cadres they have evaluated', async () => {
      const { myCampaigns } = await voters[2]
        .client()
        .ok<{ myCampaigns: { id: string; myParticipation: boolean; myVotes: { term: { id: string }; voted: boolean }[] }[] }>(MINE);
      const seen = myCampaigns.find((c) => c.id === campaign.id)!;
      expect(seen.myParticipation).toBe(true);
      expect(seen.myVotes).toEqual([
        { term: { id: globalId('Term', terms[0]) }, voted: true },
        { term: { id: globalId('Term', terms[1]) }, voted: false },
      ]);
      const fresh = (await voters[7].client().ok<{ myCampaigns: { id: string; myParticipation: boolean }[] }>(MINE)).myCampaigns;
      expect(fresh.find((c) => c.id === campaign.id)?.myParticipation).toBe(false);
      expect((await org.ok<{ myCampaigns: unknown[] }>(MINE)).myCampaigns).toEqual([]);
    });

    it('closes once: no more ballots; results for the jurisdiction only, scores from k ballots, the count below', async () => {
      const closed = await org.ok<{ closeCampaign: { status: string; actions: string[] } }>(CLOSE, { id: campaign.id });
      expect(closed.closeCampaign).toMatchObject({ status: 'CLOSED', actions: ['PUBLISH'] });
      expect(reasonOf(await org.request(CLOSE, { id: campaign.id }))).toEqual(['CONFLICT', 'CAMPAIGN_TRANSITION_INVALID']);
      expect(reasonOf(await cast(voters[7].client(), campaign, terms[0]))).toEqual(['CONFLICT', 'CAMPAIGN_NOT_OPEN']);
      expect((await anonymous.ok<{ ballotReceipt: { counted: boolean } }>(RECEIPT, { code: receipts[5] })).ballotReceipt.counted).toBe(
        true,
      );

      const { campaign: seen } = await org.ok<{ campaign: { results: Record<string, unknown>[] } }>(RESULTS, { id: campaign.id });
      const [first, second] = seen.results;
      expect(second).toEqual({
        term: { id: globalId('Term', terms[1]) },
        ballots: 2,
        published: false,
        grade: null,
        uncertain: null,
        overall: null,
        criteria: [],
        comments: null,
        flags: [],
      });
      // The reference: shared's in-memory tally of the same six ballots.
      const codes = campaign.criteria.map((c) => c.code);
      const ballots = [
        ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DONT_KNOW'],
        ['SATISFIED'],
        ['BASICALLY_SATISFIED'],
        ['DISSATISFIED', 'SATISFIED'],
        ['SATISFIED', 'DONT_KNOW'],
        ['BASICALLY_SATISFIED', 'DISSATISFIED'],
      ].map((steps) => Object.fromEntries(codes.map((code, i) => [code, steps[i % steps.length]])));
      const [eligible] = await sql<{ eligible: number }>(`select eligible_at_close as eligible from campaign where id = ?`, [
        uuidOf(campaign.id),
      ]);
      const expected = evaluation.satisfactionOf(evaluation.tallyBallots('PROVINCIAL_FOUR_STEP', codes, ballots), eligible.eligible);
      expect(first).toMatchObject({ term: { id: globalId('Term', terms[0]) }, ballots: 6, published: true });
      const overall = first.overall as { mean: number; low: number; high: number; n: number };
      expect(overall.n).toBe(expected.overall.n);
      expect(overall.mean).toBeCloseTo(expected.overall.mean!, 9);
      expect(overall.low).toBeCloseTo(expected.overall.low!, 9);
      expect(overall.high).toBeCloseTo(expected.overall.high!, 9);
      const criteria = first.criteria as { code: string; mean: number; n: number; dontKnow: number }[];
      expect(criteria.map((c) => [c.code, c.n, c.dontKnow])).toEqual(expected.criteria.map((c) => [c.code, c.n, c.dontKnow]));
      criteria.forEach((c, i) => expect(c.mean).toBeCloseTo(expected.criteria[i].mean!, 9));
      expect(first.grade).toBe(evaluation.gradeOf(expected.overall.mean!));
      expect([...(first.comments as string[])].sort()).toEqual(['Comment 0', 'Comment 1']);

      // The auditor reads them too; a resident, another county's organization and the public do not, until published.
      expect((await auditor.ok<{ campaign: { results: unknown[] } }>(RESULTS, { id: campaign.id })).campaign.results).toHaveLength(2);
      expect((await voters[0].client().ok<{ campaign: { results: null } }>(RESULTS, { id: campaign.id })).campaign.results).toBeNull();
      expect(reasonOf(await orgOut.request(RESULTS, { id: campaign.id }))).toEqual(['FORBIDDEN', 'OUT_OF_JURISDICTION']);
      expect(reasonOf(await anonymous.request(RESULTS, { id: campaign.id }))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it('publishes once: everybody reads the results, never the comments', async () => {
      const epoch = async () => (await sql<{ epoch: string }>(`select epoch::text as epoch from publication_epoch`))[0].epoch;
      const before = await epoch();
      const published = await org.ok<{ publishCampaign: { status: string; actions: string[] } }>(PUBLISH, { id: campaign.id });
      // Public now: the public response cache and ETags move with it.
      expect(BigInt(await epoch())).toBe(BigInt(before) + 1n);
      expect(published.publishCampaign).toMatchObject({ status: 'PUBLISHED', actions: [] });
      expect(reasonOf(await org.request(PUBLISH, { id: campaign.id }))).toEqual(['CONFLICT', 'CAMPAIGN_TRANSITION_INVALID']);
      for (const client of [anonymous, orgOut, voters[0].client()]) {
        const { campaign: seen } = await client.ok<{
          campaign: { results: { published: boolean; comments: unknown; overall: unknown }[] };
        }>(RESULTS, {
          id: campaign.id,
        });
        expect(seen.results.map((r) => [r.published, r.comments, r.overall === null])).toEqual([
          [true, null, false],
          [false, null, true],
        ]);
      }
      const audit = await sql<{ action: string }>(
        `select action from audit_entry where subject_id = ? and action like 'campaign.%' and action <> 'campaign.participate' order by occurred_at`,
        [uuidOf(campaign.id)],
      );
      expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.open', 'campaign.close', 'campaign.publish']);
    });
  });
});
