import { describe, expect, it } from 'vitest';
import { Client, cacheExchange, fetchExchange, gql } from 'urql';
import { persistedQueryExchange, UNREGISTERED_QUERY_REASON } from './persisted-query-exchange';

interface SentRequest {
  method: string;
  url: URL;
  body: string | null;
  headers: Record<string, string>;
}

const HASH = 'ab'.repeat(32);
const RegionQuery = gql`
  query Region($id: ID!) {
    region(id: $id) {
      id
      name
    }
  }
`;
const UnregisteredQuery = gql`
  query Unregistered {
    regions(first: 1) {
      totalCount
    }
  }
`;
const RenameMutation = gql`
  mutation Rename($id: ID!) {
    renameRegion(id: $id) {
      id
    }
  }
`;

/** A client as the console builds it, whose fetch records what would go over the wire. */
function recordingClient(): { client: Client; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({
      method: init?.method ?? 'GET',
      url: new URL(String(input), 'http://console.test'),
      body: typeof init?.body === 'string' ? init.body : null,
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
    });
    return new Response(JSON.stringify({ data: { region: { id: 'r1', name: 'North', __typename: 'Region' } } }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetch,
    exchanges: [cacheExchange, persistedQueryExchange({ Region: HASH, Rename: 'cd'.repeat(32) }), fetchExchange],
  });
  return { client, sent };
}

describe('the persisted query exchange', () => {
  it('sends a registered query as a GET naming its build-time hash, without its text', async () => {
    const { client, sent } = recordingClient();
    const result = await client.query(RegionQuery, { id: 'r1' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ region: { id: 'r1', name: 'North', __typename: 'Region' } });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(request.url.pathname).toBe('/graphql');
    expect(request.url.searchParams.get('query')).toBeNull();
    expect(request.url.searchParams.get('operationName')).toBe('Region');
    expect(JSON.parse(request.url.searchParams.get('variables') ?? 'null')).toEqual({ id: 'r1' });
    expect(JSON.parse(request.url.searchParams.get('extensions') ?? 'null')).toEqual({ persistedQuery: { version: 1, sha256Hash: HASH } });
    // A GET has no body: no content type that would make it a preflighted request.
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('sends the same hash by POST, still without the text, when the variables make the URL too long for a GET', async () => {
    const { client, sent } = recordingClient();
    await client.query(RegionQuery, { id: 'x'.repeat(3000) }).toPromise();
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    const body = JSON.parse(sent[0].body ?? '{}') as Record<string, unknown>;
    expect(body.query).toBeUndefined();
    expect(body.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: HASH } });
    expect(body.variables).toEqual({ id: 'x'.repeat(3000) });
  });

  it('leaves mutations as POSTs of their text in JSON, with no hash', async () => {
    const { client, sent } = recordingClient();
    await client.mutation(RenameMutation, { id: 'r1' }).toPromise();
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].headers['content-type']).toBe('application/json');
    const body = JSON.parse(sent[0].body ?? '{}') as Record<string, unknown>;
    expect(body.query).toMatch(/^mutation Rename/);
    expect(body.extensions).toBeUndefined();
  });

  it('refuses a query the build did not register without sending anything, with a reason the console words', async () => {
    const { client, sent } = recordingClient();
    const result = await client.query(UnregisteredQuery, {}).toPromise();
    expect(sent).toHaveLength(0);
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors.map((error) => error.extensions)).toEqual([
      { code: 'NOT_FOUND', reason: UNREGISTERED_QUERY_REASON },
    ]);
    expect(result.error?.message).toMatch(/Unregistered is not a registered query/);
  });

  it('asks once for a query several components read at the same time, and not again while it is cached', async () => {
    const { client, sent } = recordingClient();
    await Promise.all([client.query(RegionQuery, { id: 'r1' }).toPromise(), client.query(RegionQuery, { id: 'r1' }).toPromise()]);
    await client.query(RegionQuery, { id: 'r1' }).toPromise();
    expect(sent).toHaveLength(1);
  });
});
