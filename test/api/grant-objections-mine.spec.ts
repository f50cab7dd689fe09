import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { REPO_ROOT } from '../../server/src/app/config';
import type { PersistedOperationManifest } from '../../server/src/app/persisted-operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/common/sql';
import type { ApiClient } from '../support/api-client';
import { globalId, typeOf, uuidOf } from '../support/global-id';
import { dayFrom, GrantsFixtures } from '../support/grants-fixtures';
import { statementCounter } from '../support/statement-counter';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const FILE = 'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id filerName } receipt } }';
const ANSWER = 'mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }';
const FIELDS = 'id filerName text evidence upheld reasons answeredAt grant { id status }';
const MINE = `query ($n: Int!) { myObjections(first: $n) { totalCount edges { node { ${FIELDS} } } } }`;
const BY_RECEIPT = `query ($receipt: String!) { objectionByReceipt(receipt: $receipt) { ${FIELDS} } }`;

interface Filed {
  id: string;
  filerName: string | null;
  receipt: string | null;
}
interface FiledObjection {
  id: string;
  filerName: string | null;
  text: string;
  upheld: boolean | null;
  reasons: string | null;
  grant: { id: string; status: string } | null;
}

/** A citizen follows their objections: named ones by their account, an anonymous one only by its receipt. */
describe('a citizen’s objections: my objections and the anonymous receipt', () => {
  let server: TestServer;
  let org: ApiClient;
  let citizen: ApiClient;
  let neighbour: ApiClient;
  let fixtures: GrantsFixtures;
  let dongshanId: string;
  let citizenId: string;

  beforeAll(async () => {
    server = await startTestServer();
    [org, citizen] = await Promise.all([server.as('orgIn'), server.as('citizen')]);
    await server.createUser({ email: 'neighbour@massline.test', role: 'CITIZEN', regionCode: '880101001', citizenStatus: 'VERIFIED' });
    neighbour = await server.client().signIn('neighbour@massline.test', DEMO_PASSWORD);
    fixtures = new GrantsFixtures(org);
    dongshanId = await org.regionId('880101');
    const [me] = await sql<{ id: string }>(server.ownerOrm.em.fork(), 'select id from app_user where email = ?', ['citizen@massline.demo']);
    citizenId = me.id;
  });
  afterAll(async () => server?.close());

  const file = async (client: ApiClient, grantId: string, text: string, anonymous: boolean): Promise<Filed> => {
    const { fileObjection } = await client.ok<{ fileObjection: { objection: Omit<Filed, 'receipt'>; receipt: string | null } }>(FILE, {
      input: { grantId, text, anonymous },
    });
    return { ...fileObjection.objection, receipt: fileObjection.receipt };
  };
  const mine = async (client: ApiClient, n = 100) =>
    (await client.ok<{ myObjections: { totalCount: number; edges: { node: FiledObjection }[] } }>(MINE, { n })).myObjections;

  it('lists a citizen’s own named objections with each answer and the grant’s state; another citizen’s are not theirs', async () => {
    const grantId = await fixtures.inNotice(dongshanId);
    const named = await file(citizen, grantId, 'He did not declare his wife’s business', false);
    const anonymous = await file(citizen, grantId, 'The recommendation meeting was not announced', true);
    const other = await file(neighbour, grantId, 'I object as well', false);
    expect(named.receipt).toBeNull();
    expect(named.filerName).toContain('李明');

    const before = await mine(citizen);
    const ids = before.edges.map(({ node }) => node.id);
    expect(ids).toContain(named.id);
    expect(ids).not.toContain(anonymous.id);
    expect(ids).not.toContain(other.id);
    expect(before.edges.find(({ node }) => node.id === named.id)?.node).toMatchObject({
      text: 'He did not declare his wife’s business',
      upheld: null,
      grant: { id: grantId, status: 'NOTICE' },
    });
    expect((await mine(neighbour)).edges.map(({ node }) => node.id)).toEqual([other.id]);

    await org.ok(ANSWER, { input: { objectionId: named.id, upheld: false, reasons: 'Declared in 2024 (file 17)' } });
    await org.ok(ANSWER, { input: { objectionId: other.id, upheld: true, reasons: 'The inspection missed it: the grant stops' } });
    const after = await mine(citizen);
    expect(after.edges.find(({ node }) => node.id === named.id)?.node).toMatchObject({
      upheld: false,
      reasons: 'Declared in 2024 (file 17)',
      grant: { status: 'STOPPED' },
    });
  });

  it('finds an anonymous objection by its receipt alone, for anyone holding it, and reveals nothing of the filer', async () => {
    const grantId = await fixtures.inNotice(dongshanId);
    const anonymous = await file(citizen, grantId, 'He was absent from 6 of 10 hearings', true);
    expect(anonymous.filerName).toBeNull();
    expect(anonymous.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const receipt = anonymous.receipt!;

    // Without a session, in lower case and without separators: the objection, then its answer.
    const visitor = server.client();
    const found = await visitor.ok<{ objectionByReceipt: FiledObjection | null }>(BY_RECEIPT, { receipt });
    expect(found.objectionByReceipt).toMatchObject({
      id: anonymous.id,
      filerName: null,
      upheld: null,
      grant: { id: grantId, status: 'NOTICE' },
    });
    await org.ok(ANSWER, { input: { objectionId: anonymous.id, upheld: false, reasons: 'He attended 9 of 10 (minutes)' } });
    const typed = receipt.toLowerCase().replace(/-/g, ' ');
    const answered = await visitor.ok<{ objectionByReceipt: FiledObjection | null }>(BY_RECEIPT, { receipt: typed });
    expect(answered.objectionByReceipt).toMatchObject({ id: anonymous.id, upheld: false, reasons: 'He attended 9 of 10 (minutes)' });

    // Another code, or no code at all: nothing.
    const wrong = receipt.endsWith('0') ? `${receipt.slice(0, -1)}1` : `${receipt.slice(0, -1)}0`;
    expect((await visitor.ok<{ objectionByReceipt: null }>(BY_RECEIPT, { receipt: wrong })).objectionByReceipt).toBeNull();
    expect((await visitor.ok<{ objectionByReceipt: null }>(BY_RECEIPT, { receipt: 'not a receipt' })).objectionByReceipt).toBeNull();

    // Stored: no user, no name, only the SHA-256 of the code; the code itself nowhere; no audit entry ties it to the citizen.
    const owner = server.ownerOrm.em.fork();
    const rowId = uuidOf(anonymous.id);
    const [row] = await sql<{ filed_by: string | null; filer_name: string | null; receipt_hash: Buffer }>(
      owner,
      'select filed_by, filer_name, receipt_hash from grant_objection where id = ?',
      [rowId],
    );
    const code = receipt.replace(/-/g, '');
    expect(row).toMatchObject({ filed_by: null, filer_name: null });
    expect(row.receipt_hash.equals(createHash('sha256').update(code).digest())).toBe(true);
    const [leaks] = await sql<{ n: string }>(
      owner,
      `select count(*)::text as n from grant_objection o where o.id = ? and (row_to_json(o)::text like ? or row_to_json(o)::text like ?)`,
      [rowId, `%${code}%`, `%${citizenId}%`],
    );
    expect(leaks.n).toBe('0');
    const audit = await sql<{ action: string; after: unknown }>(
      owner,
      `select action, after from audit_entry where actor_id = ? and (action = 'grant.objection.file' or after::text like ?)`,
      [citizenId, `%${rowId}%`],
    );
    expect(audit.filter((entry) => JSON.stringify(entry.after).includes(rowId))).toEqual([]);
    expect((await mine(citizen)).edges.map(({ node }) => node.id)).not.toContain(anonymous.id);

    // The table stays append-only: its trigger refuses an update, even of the new column.
    await expect(owner.getConnection().execute(`update grant_objection set receipt_hash = null where id = '${rowId}'`)).rejects.toThrow();
  });

  it('makes an objection a Node: one global id wherever it is read, fetched again by node(id:) as its grant shows it', async () => {
    const grantId = await fixtures.inNotice(dongshanId);
    const named = await file(citizen, grantId, 'The notice was posted only inside the committee building', false);
    const anonymous = await file(citizen, grantId, 'Nobody told the villages', true);
    expect(typeOf(named.id)).toBe('GrantObjection');
    expect(uuidOf(anonymous.id)).toMatch(/^[0-9a-f-]{36}$/);

    // The same id on the grant, in the filer's list, by receipt and by node: one object for a client cache.
    const { grant } = await server
      .client()
      .ok<{ grant: { objections: { id: string }[] } }>('query ($id: ID!) { grant(id: $id) { objections { id } } }', { id: grantId });
    expect(grant.objections.map((objection) => objection.id)).toEqual(expect.arrayContaining([named.id, anonymous.id]));
    expect((await mine(citizen)).edges.map(({ node }) => node.id)).toContain(named.id);
    const NODE = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on GrantObjection { ${FIELDS} } } }`;
    for (const reader of [server.client(), neighbour, org]) {
      const { nodes } = await reader.ok<{ nodes: (FiledObjection & { __typename: string })[] }>(NODE, { ids: [named.id, anonymous.id] });
      expect(nodes).toMatchObject([
        { __typename: 'GrantObjection', id: named.id, filerName: expect.stringContaining('李明'), grant: { id: grantId } },
        { __typename: 'GrantObjection', id: anonymous.id, filerName: null, text: 'Nobody told the villages', grant: { id: grantId } },
      ]);
    }

    // Not found, or the id of another type: null with the error at its path, the rest of the answer stands.
    const missing = await server.client().request<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: globalId('GrantObjection', '00000000-0000-4000-8000-000000000000'),
    });
    expect(missing.data?.node).toBeNull();
    expect(missing.errors).toMatchObject([{ path: ['node'], extensions: { code: 'NOT_FOUND' } }]);
    const wrongType = await org.request(ANSWER, { input: { objectionId: grantId, upheld: false, reasons: 'Not an objection id' } });
    expect(wrongType.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    // The answer takes the global id, or the raw uuid as before.
    await org.ok(ANSWER, { input: { objectionId: uuidOf(anonymous.id), upheld: false, reasons: 'Posted in every village too (photos)' } });
    const { node } = await server
      .client()
      .ok<{ node: FiledObjection }>(`query ($id: ID!) { node(id: $id) { ... on GrantObjection { ${FIELDS} } } }`, { id: anonymous.id });
    expect(node).toMatchObject({ upheld: false, reasons: 'Posted in every village too (photos)' });
  });

  it('refuses my objections to whoever may not object, and answers a page in as many statements for 1 as for many', async () => {
    const anonymous = await server.client().request(MINE, { n: 5 });
    expect(anonymous.errors[0].extensions?.code).toBe('UNAUTHENTICATED');
    const organization = await org.request(MINE, { n: 5 });
    expect(organization.errors[0].extensions?.code).toBe('FORBIDDEN');

    const grantId = await fixtures.inNotice(dongshanId);
    for (let i = 0; i < 12; i++) await file(citizen, grantId, `Objection ${i} (filed ${dayFrom(0)})`, false);
    const statements = statementCounter(server);
    const measure = async (n: number) => {
      statements.reset();
      const page = await mine(citizen, n);
      return { statements: statements.count, rows: page.edges.length };
    };
    const one = await measure(1);
    const many = await measure(100);
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThan(10);
    expect(many.statements).toBe(one.statements);
  });

  it('answers the console’s cookie-less receipt look-up (a public GET, cached) anew once the objection is answered', async () => {
    const manifest = JSON.parse(fs.readFileSync(`${REPO_ROOT}/web/persisted-operations.json`, 'utf8')) as PersistedOperationManifest;
    const operation = manifest.operations.find((o) => o.name === 'ObjectionByReceipt');
    expect(operation).toBeDefined();
    const lookUp = async (receipt: string) => {
      const params = new URLSearchParams({
        operationName: 'ObjectionByReceipt',
        variables: JSON.stringify({ receipt }),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation!.id } }),
      });
      const response = await fetch(`${server.url}/graphql?${params.toString()}`);
      const body = (await response.json()) as { data: { objectionByReceipt: FiledObjection | null } };
      return { cache: response.headers.get('x-public-cache'), objection: body.data.objectionByReceipt };
    };
    const grantId = await fixtures.inNotice(dongshanId);
    const { id, receipt } = await file(citizen, grantId, 'The inspection heard only the township staff', true);
    expect(await lookUp(receipt!)).toMatchObject({ cache: 'miss', objection: { id, upheld: null } });
    expect(await lookUp(receipt!)).toMatchObject({ cache: 'hit', objection: { id, upheld: null } });
    await org.ok(ANSWER, { input: { objectionId: id, upheld: false, reasons: 'Villagers were heard too (list of 31)' } });
    expect(await lookUp(receipt!)).toMatchObject({
      cache: 'miss',
      objection: { id, upheld: false, reasons: 'Villagers were heard too (list of 31)' },
    });
    // An anonymous objection publishes no event, yet the public answers move on: its service moves the epoch.
    const epoch = async () =>
      (await sql<{ epoch: string }>(server.ownerOrm.em.fork(), 'select epoch::text as epoch from publication_epoch'))[0].epoch;
    const start = BigInt(await epoch());
    await file(neighbour, grantId, 'Another anonymous one', true);
    expect(BigInt(await epoch())).toBe(start + 1n);
  });
});
