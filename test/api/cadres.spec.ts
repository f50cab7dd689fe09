import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadres } from '@massline/shared';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { CadresFixtures } from '../support/cadres-fixtures';
import { globalId, uuidOf } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

const CREATE_TERM = 'mutation ($input: CreateTermInput!) { createTerm(input: $input) { id startsOn endsOn current } }';
const END_TERM =
  'mutation ($id: ID!, $on: String!, $reason: TermEndReason!) { endTerm(id: $id, endedOn: $on, reason: $reason) { endedOn endReason current } }';

/** The refusal's API code, reason and coded problems. */
function refusal(answer: GraphQLAnswer) {
  const [error] = answer.errors;
  return { code: errorCode(answer), reason: error?.extensions?.reason, problems: error?.extensions?.problems ?? {} };
}

/**
 * Cadres, posts and terms through the API: the happy path an organization walks, every refusal with its
 * code (the tenure limits, the jurisdiction, unknown ids), the race for one post, and what evaluation
 * reads of terms.
 */
describe('cadres, posts and terms', () => {
  let server: TestServer;
  let dongshan: ApiClient;
  let xihe: ApiClient;
  let make: CadresFixtures;
  let regions: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const term = (cadreId: string, postId: string, startsOn: string, endsOn: string, client = dongshan) =>
    client.request(CREATE_TERM, { input: { cadreId, postId, startsOn, endsOn } });

  beforeAll(async () => {
    server = await startTestServer();
    [dongshan, xihe] = await Promise.all([server.as('orgIn'), server.as('orgOut')]);
    make = new CadresFixtures(dongshan);
    regions = new Map(
      (await sql<{ id: string; code: string }>('select id, code from region')).map((r) => [r.code, globalId('Region', r.id)]),
    );
  });
  afterAll(() => server?.close());

  it('records a cadre, a post and a term, which the public then reads: the holder, the terms, current or not', async () => {
    const cadreId = await make.cadre(regions.get('880101')!, '赵建国');
    const postId = await make.post(regions.get('880101')!, 'COUNTY', 'Head of Dongshan County');
    const { createTerm } = await dongshan.ok<{ createTerm: { id: string; current: boolean } }>(CREATE_TERM, {
      input: { cadreId, postId, startsOn: '2024-01-01', endsOn: '2029-01-01' },
    });
    expect(createTerm.current).toBe(true);

    const anonymous = server.client();
    const { post } = await anonymous.ok<{
      post: {
        title: string;
        titleZh: string;
        level: string;
        region: { code: string };
        organization: { region: { code: string } };
        holder: { id: string; cadre: { name: string } };
      };
    }>(
      'query ($id: ID!) { post(id: $id) { title titleZh level region { code } organization { region { code } } holder { id cadre { name } } } }',
      { id: postId },
    );
    expect(post).toMatchObject({
      title: 'Head of Dongshan County',
      level: 'COUNTY',
      region: { code: '880101' },
      organization: { region: { code: '880101' } },
    });
    expect(post.holder).toEqual({ id: createTerm.id, cadre: { name: '赵建国' } });

    const { cadre } = await anonymous.ok<{
      cadre: { name: string; region: { code: string }; terms: { id: string; post: { id: string } }[] };
    }>('query ($id: ID!) { cadre(id: $id) { name region { code } terms { id post { id } } } }', { id: cadreId });
    expect(cadre).toEqual({ name: '赵建国', region: { code: '880101' }, terms: [{ id: createTerm.id, post: { id: postId } }] });

    const current = await anonymous.ok<{ terms: { edges: { node: { id: string } }[] } }>(
      'query ($c: ID!) { terms(first: 10, filter: { cadreId: $c, current: true, regionId: "' +
        regions.get('8801') +
        '" }) { edges { node { id } } } }',
      { c: cadreId },
    );
    expect(current.terms.edges.map((edge) => edge.node.id)).toEqual([createTerm.id]);
    const searched = await anonymous.ok<{ cadres: { edges: { node: { id: string } }[] } }>(
      '{ cadres(first: 10, filter: { search: "赵建" }) { edges { node { id } } } }',
    );
    expect(searched.cadres.edges.map((edge) => edge.node.id)).toContain(cadreId);

    // Resigned: no longer current, the post vacant, the term's end on record and in the audit log.
    const { endTerm } = await dongshan.ok<{ endTerm: { endedOn: string; endReason: string; current: boolean } }>(END_TERM, {
      id: createTerm.id,
      on: '2025-03-31',
      reason: 'RESIGNATION',
    });
    expect(endTerm).toEqual({ endedOn: '2025-03-31', endReason: 'RESIGNATION', current: false });
    const vacant = await anonymous.ok<{ post: { holder: null } }>('query ($id: ID!) { post(id: $id) { holder { id } } }', { id: postId });
    expect(vacant.post.holder).toBeNull();
    const notCurrent = await anonymous.ok<{ terms: { edges: { node: { id: string } }[] } }>(
      'query ($p: ID!) { terms(first: 10, filter: { postId: $p, current: false }) { edges { node { id } } } }',
      { p: postId },
    );
    expect(notCurrent.terms.edges.map((edge) => edge.node.id)).toEqual([createTerm.id]);
    const audited = await sql<{ action: string }>('select action from audit_entry where subject_id = ? order by occurred_at', [
      uuidOf(createTerm.id),
    ]);
    expect(audited.map((row) => row.action)).toEqual(['term.create', 'term.end']);
  });

  it('refuses two holders of one post at once (CONFLICT), and takes a successor from the day the holder left', async () => {
    const postId = await make.post(regions.get('880101')!);
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => make.cadre(regions.get('880101')!)));
    const held = await make.term(first, postId, '2024-01-01', '2029-01-01');
    const overlapping = await term(second, postId, '2026-01-01', '2031-01-01');
    expect(refusal(overlapping)).toEqual({
      code: 'CONFLICT',
      reason: 'POST_ALREADY_HELD',
      problems: { startsOn: { reason: 'POST_ALREADY_HELD', params: { from: '2024-01-01', to: '2029-01-01' } } },
    });
    await dongshan.ok(END_TERM, { id: held, on: '2025-06-30', reason: 'DISMISSAL' });
    expect((await term(second, postId, '2025-06-30', '2030-06-30')).errors).toEqual([]);
    // Nor may anyone hold it over the successor's term.
    expect(refusal(await term(third, postId, '2025-01-01', '2025-07-01')).reason).toBe('POST_ALREADY_HELD');
  });

  it('refuses a term longer than five years, naming the latest end', async () => {
    const answer = await term(
      await make.cadre(regions.get('880101')!),
      await make.post(regions.get('880101')!),
      '2024-01-01',
      '2029-01-02',
    );
    expect(refusal(answer)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TERM_TOO_LONG',
      problems: {
        endsOn: { reason: 'TERM_TOO_LONG', params: { from: '2024-01-01', to: '2029-01-02', maxYears: 5, latest: '2029-01-01' } },
      },
    });
    expect(answer.data).toBeNull();
  });

  it('refuses a third consecutive term in the same post', async () => {
    const cadreId = await make.cadre(regions.get('880101')!);
    const postId = await make.post(regions.get('880101')!);
    await make.term(cadreId, postId, '2014-01-01', '2019-01-01');
    await make.term(cadreId, postId, '2019-01-01', '2024-01-01');
    expect(refusal(await term(cadreId, postId, '2024-01-01', '2029-01-01'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'THIRD_CONSECUTIVE_TERM',
      problems: { postId: { reason: 'THIRD_CONSECUTIVE_TERM', params: { consecutive: 2, max: 2 } } },
    });
  });

  it('refuses more than fifteen years at one level, across posts', async () => {
    const cadreId = await make.cadre(regions.get('880101')!);
    const posts = await Promise.all([1, 2, 3, 4].map(() => make.post(regions.get('880101')!)));
    await make.term(cadreId, posts[0], '2008-01-01', '2013-01-01');
    await make.term(cadreId, posts[1], '2013-01-01', '2018-01-01');
    await make.term(cadreId, posts[2], '2018-01-01', '2023-01-01');
    const answer = refusal(await term(cadreId, posts[3], '2023-01-01', '2025-01-01'));
    expect(answer).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_LONG_AT_LEVEL',
      problems: { endsOn: { params: { max: 15, level: 'COUNTY' } } },
    });
  });

  it('refuses dates that are not dates or run backwards, and ends out of range or twice', async () => {
    const cadreId = await make.cadre(regions.get('880101')!);
    const postId = await make.post(regions.get('880101')!);
    expect(refusal(await term(cadreId, postId, '2024-02-30', '2025-01-01'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TERM',
      problems: { startsOn: { reason: 'NOT_A_DATE', params: { got: '2024-02-30' } } },
    });
    expect(refusal(await term(cadreId, postId, '2025-01-01', '2024-01-01')).reason).toBe('INVALID_TERM');
    const held = await make.term(cadreId, postId, '2024-01-01', '2029-01-01');
    const future = await dongshan.request(END_TERM, { id: held, on: '2028-12-31', reason: 'RECALL' });
    expect(refusal(future)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TERM_END',
      problems: { endedOn: { reason: 'TERM_END_OUT_OF_RANGE' } },
    });
    expect(refusal(await dongshan.request(END_TERM, { id: held, on: '2024-01-01', reason: 'RECALL' })).reason).toBe('INVALID_TERM_END');
    await dongshan.ok(END_TERM, { id: held, on: '2025-01-01', reason: 'RECALL' });
    expect(refusal(await dongshan.request(END_TERM, { id: held, on: '2025-02-01', reason: 'RECALL' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'TERM_ALREADY_ENDED',
    });
  });

  it('refuses what lies outside the jurisdiction: cadres, posts, an organization, terms and their ends', async () => {
    const dongshanPost = await make.post(regions.get('880101')!);
    const xiheCadre = await new CadresFixtures(xihe).cadre(regions.get('880102')!);
    const outside = await term(xiheCadre, dongshanPost, '2024-01-01', '2029-01-01', xihe);
    expect(refusal(outside)).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_JURISDICTION',
      problems: { postId: { reason: 'OUTSIDE_JURISDICTION', params: {} } },
    });
    const cadre = await xihe.request('mutation ($input: CreateCadreInput!) { createCadre(input: $input) { id } }', {
      input: { name: '钱立', regionId: regions.get('880101') },
    });
    expect(refusal(cadre)).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_JURISDICTION', problems: { regionId: {} } });
    const held = await make.heldTerm(regions.get('880101')!);
    expect(refusal(await xihe.request(END_TERM, { id: held, on: '2025-01-01', reason: 'RECALL' })).code).toBe('FORBIDDEN');
    // A Dongshan post of the city's organization: the organization is outside Dongshan's jurisdiction.
    const cityOrganization = await make.organizationOf(regions.get('8801')!);
    const post = await dongshan.request('mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }', {
      input: {
        title: 'Deputy Head',
        titleZh: '副县长',
        level: 'COUNTY',
        regionId: regions.get('880101'),
        organizationId: cityOrganization,
      },
    });
    expect(refusal(post)).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_JURISDICTION', problems: { organizationId: {} } });
  });

  it('refuses a post of the wrong level, or of an organization of another branch of the tree', async () => {
    const root = await server.as('orgRoot');
    const input = {
      title: 'Township Head',
      titleZh: '镇长',
      level: 'TOWNSHIP',
      regionId: regions.get('880101'),
      organizationId: await make.organizationOf(regions.get('880101')!),
    };
    const create = (given: Record<string, unknown>) =>
      root.request('mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }', { input: given });
    expect(refusal(await create(input))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_POST',
      problems: { level: { reason: 'POST_LEVEL_MISMATCH', params: { level: 'TOWNSHIP', regionLevel: 'COUNTY' } } },
    });
    const xiheOrganization = await make.organizationOf(regions.get('880102')!);
    expect(refusal(await create({ ...input, level: 'COUNTY', organizationId: xiheOrganization }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_POST',
      problems: { organizationId: { reason: 'POST_ORGANIZATION_ELSEWHERE', params: {} } },
    });
    // A village post is recorded in its township.
    expect(
      (await create({ ...input, level: 'VILLAGE', title: 'Director, Liujia Village Committee', regionId: regions.get('880101001') }))
        .errors,
    ).toEqual([]);
  });

  it('refuses unknown ids: NO_SUCH_* for what a change refers to, NOT_FOUND (null) for a lookup', async () => {
    const nobody = '00000000-0000-4000-8000-00000000c0de';
    const postId = await make.post(regions.get('880101')!);
    const cadreId = await make.cadre(regions.get('880101')!);
    expect(refusal(await term(globalId('Cadre', nobody), postId, '2024-01-01', '2025-01-01'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      problems: { cadreId: { reason: 'NO_SUCH_CADRE', params: {} } },
    });
    expect(refusal(await term(cadreId, globalId('Post', nobody), '2024-01-01', '2025-01-01')).problems).toEqual({
      postId: { reason: 'NO_SUCH_POST', params: {} },
    });
    const region = await dongshan.request('mutation ($input: CreateCadreInput!) { createCadre(input: $input) { id } }', {
      input: { name: '孙梅', regionId: globalId('Region', nobody) },
    });
    expect(refusal(region).problems).toEqual({ regionId: { reason: 'NO_SUCH_REGION', params: {} } });
    for (const [field, type] of [
      ['cadre', 'Cadre'],
      ['post', 'Post'],
      ['term', 'Term'],
    ] as const) {
      const lookup = await server.client().request(`query ($id: ID!) { ${field}(id: $id) { id } }`, { id: globalId(type, nobody) });
      expect([errorCode(lookup), lookup.data]).toEqual(['NOT_FOUND', { [field]: null }]);
    }
    const wrongType = await server.client().request('query ($id: ID!) { cadre(id: $id) { id } }', { id: postId });
    expect(refusal(wrongType)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect(refusal(await dongshan.request(END_TERM, { id: globalId('Term', nobody), on: '2025-01-01', reason: 'RECALL' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('gives one post to one of eight cadres asking at once: the others CONFLICT', async () => {
    const postId = await make.post(regions.get('880101')!);
    const cadres = await Promise.all(Array.from({ length: 8 }, () => make.cadre(regions.get('880101')!)));
    const clients = await Promise.all([server.as('orgIn'), server.as('orgIn'), server.as('orgRoot')]);
    const answers = await Promise.all(
      cadres.map((cadreId, i) => term(cadreId, postId, '2024-01-01', '2029-01-01', clients[i % clients.length])),
    );
    const won = answers.filter((answer) => answer.errors.length === 0);
    expect(won).toHaveLength(1);
    expect(
      answers.filter((answer) => answer.errors.length > 0).map((answer) => [errorCode(answer), answer.errors[0].extensions?.reason]),
    ).toEqual(Array.from({ length: 7 }, () => ['CONFLICT', 'POST_ALREADY_HELD']));
    const rows = await sql<{ n: number }>('select count(*)::int as n from term where post_id = ?', [uuidOf(postId)]);
    expect(rows[0].n).toBe(1);
  });

  it('ends a term once when two end it at once: the other CONFLICT', async () => {
    const held = await make.heldTerm(regions.get('880101')!);
    const answers = await Promise.all(
      ['RESIGNATION', 'DISMISSAL', 'RECALL'].map(async (reason) =>
        (await server.as('orgIn')).request(END_TERM, { id: held, on: '2025-01-01', reason }),
      ),
    );
    expect(answers.filter((answer) => answer.errors.length === 0)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors.length > 0).map((answer) => refusal(answer).reason)).toEqual([
      'TERM_ALREADY_ENDED',
      'TERM_ALREADY_ENDED',
    ]);
  });

  it('tells evaluation which terms exist, their post’s region and whether they are held today', async () => {
    const current = await make.heldTerm(regions.get('880101001')!, '2024-01-01', '2029-01-01', 'TOWNSHIP');
    const past = await make.heldTerm(regions.get('880101')!, '2018-01-01', '2023-01-01');
    const rows = await server.orm.em
      .fork()
      .transactional((em) =>
        server.app.services.cadres.terms.readForCampaign(em, [uuidOf(current), uuidOf(past), '00000000-0000-4000-8000-00000000c0de']),
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(rows).toHaveLength(2);
    expect(byId.get(uuidOf(current))).toMatchObject({
      regionPath: '/88/8801/880101/880101001/',
      current: true,
      startsOn: '2024-01-01',
      endsOn: '2029-01-01',
      endedOn: null,
    });
    expect(byId.get(uuidOf(past))).toMatchObject({ regionPath: '/88/8801/880101/', current: false });
  });
  it('seeds a demo within the tenure rules: every region’s secretary and head, current, ended and vacant posts', async () => {
    const rows = await sql<cadres.TermRecord & { id: string; cadreId: string; title: string; regionLevel: string }>(
      `select t.id, t.cadre_id as "cadreId", t.post_id as "postId", p.level, p.title, r.level as "regionLevel",
              t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", t.ended_on::text as "endedOn"
         from term t join post p on p.id = t.post_id join region r on r.id = p.region_id
        where p.title like 'Party Secretary of %' or p.title like 'Head of %' or p.title like 'Governor of %' or p.title like 'Mayor of %'
           or p.title like 'Executive Deputy Head of %' or p.title like 'Director, %'`,
    );
    expect(rows.length).toBeGreaterThan(250);
    // Each term as createTerm checked it when it was recorded: against the terms begun before it, of its post and of its cadre.
    for (const term of rows) {
      const earlier = rows.filter((other) => other.id !== term.id && other.startsOn < term.startsOn);
      const history = earlier.filter((other) => other.cadreId === term.cadreId);
      const holders = earlier.filter((other) => other.postId === term.postId);
      expect(cadres.termProblems(term, history, holders), term.title).toEqual([]);
    }
    const today = new Date().toISOString().slice(0, 10);
    const posts = await sql<{ level: string; title: string; held: boolean }>(
      `select r.level, p.title, exists(select 1 from term t where t.post_id = p.id and t.ended_on is null and t.starts_on <= ?::date and ?::date < t.ends_on) as held
         from post p join region r on r.id = p.region_id`,
      [today, today],
    );
    for (const level of ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP']) {
      const regionsOfLevel = Number((await sql<{ n: string }>('select count(*)::text as n from region where level = ?', [level]))[0].n);
      expect(posts.filter((post) => post.level === level && post.title.startsWith('Party Secretary of ')).length).toBe(regionsOfLevel);
    }
    expect(posts.filter((post) => !post.held).length).toBeGreaterThan(3);
    expect(posts.filter((post) => post.held).length).toBeGreaterThan(150);
  });
});
