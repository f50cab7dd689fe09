import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/common/sql';
import type { ApiClient } from '../support/api-client';
import { answersOf, insertCampaign, insertCitizens, insertTerms } from '../support/evaluation-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { GrantsFixtures } from '../support/grants-fixtures';
import { statementCounter } from '../support/statement-counter';
import { startTestServer, type TestServer } from '../support/test-server';

/** The console's cadre page in one query: the cadre, their grants (body, procedure, participation), their terms with grant and verdict. */
const CADRE_PAGE = `query ($id: ID!) { cadre(id: $id) { id name region { code }
  grants { id method bodyName bodyKind status steps { step date } participation { entitled participants interviews objections upheld notUpheld unanswered }
           post { title region { code } } term { id } }
  terms { id startsOn current post { title region { code } } grant { id bodyName bodyKind method }
          verdict { settingsVersion score low high grade uncertain flags { code } source { title ballots } } } } }`;

interface CadrePage {
  cadre: {
    id: string;
    grants: {
      id: string;
      method: string;
      bodyName: string;
      bodyKind: string;
      status: string;
      steps: { step: string }[];
      participation: Record<string, number | null>;
      term: { id: string } | null;
    }[];
    terms: {
      id: string;
      grant: { id: string; bodyName: string } | null;
      verdict: { score: number; low: number; high: number; grade: string; uncertain: boolean; source: { ballots: number } } | null;
    }[];
  };
}

describe("a cadre's page: their grants, terms and verdicts together, in one query", () => {
  let server: TestServer;
  let county: ApiClient;
  let oneCadre: string;
  let manyCadre: string;
  let grantOfOne: string;
  let manyTerms: string[];

  beforeAll(async () => {
    server = await startTestServer();
    county = await server.as('orgIn');
    const dongshanId = await county.regionId('880101');
    const fixtures = new GrantsFixtures(county);
    const grantIds = await Promise.all([0, 1, 2].map(() => fixtures.inEffect(dongshanId)));
    const granted = await Promise.all(
      grantIds.map(async (id) => {
        const { grant } = await county.ok<{ grant: { term: { id: string; cadre: { id: string } } } }>(
          'query ($id: ID!) { grant(id: $id) { term { id cadre { id } } } }',
          { id },
        );
        return grant.term;
      }),
    );
    grantOfOne = grantIds[0];
    oneCadre = granted[0].cadre.id;
    manyCadre = granted[1].cadre.id;
    const plain = await insertTerms(server.ownerOrm, { regionCode: '880101', count: 3, prefix: 'Page' });
    // The second cadre holds a granted term of their own, a term granted to another record of them, and three without a grant.
    const moved = [uuidOf(granted[2].id), ...plain];
    await sql(server.ownerOrm.em.fork(), 'update term set cadre_id = ? where id = any(?::uuid[])', [uuidOf(manyCadre), moved]);
    manyTerms = [granted[1].id, granted[2].id, ...plain.map((id) => globalId('Term', id))];
    const allTerms = [granted[0].id, ...manyTerms];
    const campaign = await insertCampaign(server.ownerOrm, {
      regionCode: '880101',
      status: 'OPEN',
      termIds: allTerms.map(uuidOf),
      title: 'Page round',
    });
    const voters = await insertCitizens(server.ownerOrm, server.url, { regionCode: '880101001', count: 30, prefix: 'page-voter' });
    for (const termId of allTerms) {
      await Promise.all(
        voters.map((voter, i) =>
          voter.client().ok('mutation ($input: CastBallotInput!) { castBallot(input: $input) { code } }', {
            input: {
              campaignId: globalId('Campaign', campaign.id),
              termId,
              answers: answersOf(campaign.criteria, i % 2 === 0 ? 'SATISFIED' : 'BASICALLY_SATISFIED'),
            },
          }),
        ),
      );
    }
    await county.ok('mutation ($id: ID!) { closeCampaign(id: $id) { status } }', { id: globalId('Campaign', campaign.id) });
    await county.ok('mutation ($id: ID!) { publishCampaign(id: $id) { status } }', { id: globalId('Campaign', campaign.id) });
    // Three procedures and 150 ballots: more than the default minute on a loaded machine.
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  const page = async (client: ApiClient, id: string) => (await client.ok<CadrePage>(CADRE_PAGE, { id })).cadre;

  it('shows who granted, by what procedure and with what participation, and each term with its grant and verdict', async () => {
    const cadre = await page(county, oneCadre);
    expect(cadre.grants).toHaveLength(1);
    expect(cadre.grants[0]).toMatchObject({
      id: grantOfOne,
      method: 'APPOINTMENT',
      bodyName: 'Dongshan County Committee',
      bodyKind: 'PARTY_COMMITTEE',
      status: 'PROBATION',
      participation: { entitled: 120, participants: 97, interviews: 42, objections: 0, upheld: 0, notUpheld: 0, unanswered: 0 },
    });
    expect(cadre.grants[0].steps.map((step) => step.step)).toEqual([
      'MOTION',
      'RECOMMENDATION',
      'INSPECTION',
      'DECISION',
      'NOTICE',
      'TAKING_EFFECT',
    ]);
    expect(cadre.grants[0].term?.id).toBe(cadre.terms[0].id);
    expect(cadre.terms[0].grant).toMatchObject({ id: grantOfOne, bodyName: 'Dongshan County Committee' });
    const verdict = cadre.terms[0].verdict!;
    expect(verdict.source.ballots).toBe(30);
    expect(verdict.low).toBeLessThanOrEqual(verdict.score);
    expect(verdict.high).toBeGreaterThanOrEqual(verdict.score);
    // The same verdict as the appraisal's own query gives.
    const { verdict: direct } = await county.ok<{ verdict: { score: number; grade: string } }>(
      'query ($t: ID!) { verdict(termId: $t) { score grade } }',
      {
        t: cadre.terms[0].id,
      },
    );
    expect(direct).toEqual({ score: verdict.score, grade: verdict.grade });
  });

  it('a term recorded without a grant has none; every term of a cadre comes with its own', async () => {
    const cadre = await page(county, manyCadre);
    expect(cadre.terms.map((term) => term.id).sort()).toEqual([...manyTerms].sort());
    expect(cadre.terms.filter((term) => term.grant !== null)).toHaveLength(2);
    expect(cadre.terms.every((term) => term.verdict !== null)).toBe(true);
  });

  it('follows the appraisal’s rules for verdicts: the public and another county see the grants and terms, not the verdicts; auditors see them', async () => {
    for (const client of [server.client(), await server.as('orgOut'), await server.as('citizen')]) {
      const cadre = await page(client, oneCadre);
      expect(cadre.grants).toHaveLength(1);
      expect(cadre.terms[0].grant?.id).toBe(grantOfOne);
      expect(cadre.terms[0].verdict).toBeNull();
    }
    expect((await page(await server.as('auditor'), oneCadre)).terms[0].verdict).not.toBeNull();
  });

  it('costs the same SQL statements for a cadre with one term as for one with five (no N+1)', async () => {
    const statements = statementCounter(server);
    const measure = async (id: string) => {
      await page(county, id);
      statements.reset();
      const cadre = await page(county, id);
      return { statements: statements.count, terms: cadre.terms.length };
    };
    const one = await measure(oneCadre);
    const many = await measure(manyCadre);
    expect([one.terms, many.terms]).toEqual([1, 5]);
    expect(many.statements).toBe(one.statements);
  });
});
