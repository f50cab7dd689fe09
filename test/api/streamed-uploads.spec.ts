import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harmony } from '@massline/shared';
import type { ApiClient, GraphQLAnswer } from '../support/api-client';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

interface ImportReport {
  accepted: boolean;
  rowCount: number;
  written: number;
  corrected: number;
  errors: { line: number; reason: string }[];
  recomputedPeriods: string[];
}

const HEADER = 'region_code,period,indicator,value,raw_count,raw_total,source\n';
const rows = (count: number, value = 70, source = 'bulk') => `880101001,2026-Q3,CADRE_TRUST,${value},,,${source}\n`.repeat(count);
/** Distinct rows, one per township of the county and quarter from 2024-Q1 to 2026-Q3, with a quoted source. */
const distinctRows = () =>
  ['880101001', '880101002', '880101003', '880101004']
    .flatMap((code) =>
      ['2024', '2025', '2026'].flatMap((year) => ['Q1', 'Q2', 'Q3'].map((q) => `${code},${year}-${q},CADRE_TRUST,70,,,"a, ""b"""\n`)),
    )
    .join('');

/** The text sent as a stream of `size`-byte chunks, the next one only when the server reads on. */
function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

/** A stream that sends its first chunk and then waits until `release` is called. */
function held(first: string): { stream: ReadableStream<Uint8Array>; release: () => void } {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode(first));
        return;
      }
      await released;
      controller.close();
    },
  });
  return { stream, release };
}

/**
 * Large files are streamed, not sent as JSON: `POST /uploads/<name>` (text/csv) for those who may import,
 * checked before the body is read, capped in bytes while it arrives, a few at a time; every GraphQL
 * request stays under the small JSON limit, whoever sends it.
 */
describe('streamed uploads', () => {
  let server: TestServer;
  let county: ApiClient;
  let ids: Map<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ body: { limit: 64 * 1024, uploadLimit: 4 * 1024 * 1024, uploadsAtOnce: 2 } });
    county = await server.as('orgIn');
    const found = await server.ownerOrm.em.fork().getConnection().execute<{ id: string; code: string }[]>('select id, code from region');
    ids = new Map(found.map((r) => [r.code, r.id]));
  });
  afterAll(() => server?.close());

  it('imports a CSV streamed in small chunks, with the report importObservations gives', async () => {
    const answer = await county.upload<ImportReport>('observations', chunked(HEADER + distinctRows(), 7));
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ accepted: true, rowCount: 36, written: 36, errors: [] });
    expect(answer.data!.recomputedPeriods).toEqual(expect.arrayContaining(['2024-Q1', '2025-Q2', '2026-Q3']));
    const viaGraphql = await county.ok<{ importObservations: ImportReport }>(
      'mutation ($csv: String!) { importObservations(csv: $csv) { accepted rowCount written corrected errors { line reason } recomputedPeriods } }',
      { csv: HEADER + rows(1, 71) },
    );
    expect(Object.keys(answer.data!).sort()).toEqual(Object.keys(viaGraphql.importObservations).sort());
    const bad = await county.upload<ImportReport>('observations', HEADER + rows(1) + '880101002,2026-Q3,NO_SUCH,1,,,\n');
    expect(bad.status).toBe(200);
    expect(bad.data).toMatchObject({ accepted: false, written: 0, errors: [{ line: 3, reason: expect.stringContaining('NO_SUCH') }] });
  });

  it('refuses a file with too many rows without reading it all', async () => {
    const answer = await county.upload<ImportReport>('observations', chunked(HEADER + rows(50_001), 64 * 1024));
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ accepted: false, written: 0, errors: [{ reason: 'At most 50000 rows per import' }] });
  });

  it('computes the Gini from streamed microdata, with the query string as the arguments', async () => {
    const incomes = Array.from({ length: 20_000 }, (_, i) => 10 + ((i * 7919) % 500));
    const answer = await county.upload<{ gini: number; households: number; method: string }>(
      'gini-microdata',
      chunked(['income', ...incomes].join('\n'), 4096),
      { regionId: globalId('Region', ids.get('880101004')!), period: '2026-Q3' },
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({
      method: 'GINI_MICRODATA',
      households: 20_000,
      observation: { method: 'GINI_MICRODATA', indicatorCode: 'GINI', period: '2026-Q3', region: { code: '880101004' } },
    });
    expect(answer.data!.gini).toBeCloseTo(harmony.giniFromMicrodata(incomes), 12);
    const refusals: [Record<string, string>, string, string][] = [
      [{ regionId: ids.get('880101004')!, period: '2026-Q9' }, 'income\n10\n20', 'INVALID_PERIOD'],
      [{ regionId: ids.get('880101004')!, period: '2026-Q3' }, 'salary\n10', 'INVALID_GINI_INPUT'],
      [{ regionId: ids.get('880101004')!, period: '2026-Q3' }, 'income\n10\nabc', 'INVALID_GINI_INPUT'],
      [{ regionId: ids.get('880101004')!, period: '2026-Q3', source: 'a\u202Eb' }, 'income\n10\n20', 'INVALID_INPUT'],
      [{ regionId: 'not-an-id', period: '2026-Q3' }, 'income\n10\n20', 'INVALID_ID'],
      [{ regionId: globalId('Alert', ids.get('880101004')!), period: '2026-Q3' }, 'income\n10\n20', 'INVALID_ID'],
    ];
    for (const [params, csv, reason] of refusals) {
      const refused = await county.upload('gini-microdata', csv, params);
      expect(refused.status, reason).toBe(400);
      expect(refused.errors[0].extensions?.reason, JSON.stringify(params)).toBe(reason);
    }
  });

  it('checks permission before reading the body, and logs the refusal', async () => {
    const expected: Record<string, [number, string]> = {
      anonymous: [401, 'UNAUTHENTICATED'],
      citizen: [403, 'FORBIDDEN'],
      auditor: [403, 'FORBIDDEN'],
      token: [403, 'FORBIDDEN'],
    };
    for (const [actor, [status, reason]] of Object.entries(expected)) {
      const client = await server.as(actor as 'anonymous' | 'citizen' | 'auditor' | 'token');
      const refused = await client.upload('observations', HEADER + rows(10));
      expect(refused.status, actor).toBe(status);
      expect(refused.errors[0].extensions?.reason, actor).toBe(reason);
    }
    const outside = await county.upload('gini-microdata', 'income\n10\n20', { regionId: ids.get('880201001')!, period: '2026-Q3' });
    expect(outside.status).toBe(403);
    const logged = await server.ownerOrm.em
      .fork()
      .getConnection()
      .execute<{ operation: string }[]>(
        `select operation from security_event where kind = 'REFUSED' and operation = 'Upload.observations'`,
      );
    expect(logged.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses other content types, unknown uploads and bytes that are not UTF-8', async () => {
    const plain = await county.upload('observations', HEADER + rows(1), {}, { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.errors[0].extensions?.reason).toBe('MALFORMED_REQUEST');
    const form = await county.upload('observations', 'a=b', {}, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const unknown = await county.upload('passwords', HEADER);
    expect(unknown.status).toBe(404);
    const latin1 = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([...new TextEncoder().encode(HEADER + '880101001,2026-Q3,CADRE_TRUST,70,,,caf'), 0xe9, 0x0a]));
        controller.close();
      },
    });
    const notUtf8 = await county.upload('observations', latin1);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.errors[0].extensions?.reason).toBe('MALFORMED_REQUEST');
  });

  it('refuses a file past the upload limit with 413, declared or streamed', async () => {
    // Fewer rows than an import takes, more bytes than the limit.
    const large = HEADER + rows(20_000, 70, 'x'.repeat(250));
    const declared = await county.upload('observations', large);
    expect(declared.status).toBe(413);
    expect(declared.errors[0].extensions?.reason).toBe('REQUEST_TOO_LARGE');
    const streamed = await county.upload('observations', chunked(large, 64 * 1024));
    expect(streamed.status).toBe(413);
    expect(streamed.errors[0].extensions?.reason).toBe('REQUEST_TOO_LARGE');
    // The server is fine afterwards.
    expect((await county.upload<ImportReport>('observations', HEADER + rows(1))).data?.accepted).toBe(true);
  });

  it('receives a few uploads at a time, and says when to come back', async () => {
    const first = held(HEADER);
    const second = held(HEADER);
    const pending = [county.upload<ImportReport>('observations', first.stream), county.upload<ImportReport>('observations', second.stream)];
    let third: GraphQLAnswer | null = null;
    for (let attempt = 0; attempt < 400 && third?.status !== 429; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      // A probe the server answers at once (no rows): 429 as soon as the two held uploads are being received.
      third = await county.upload('observations', HEADER);
    }
    expect(third?.status).toBe(429);
    expect(third?.errors[0].extensions?.reason).toBe('RATE_LIMITED');
    expect(Number(third?.headers.get('retry-after'))).toBeGreaterThan(0);
    first.release();
    second.release();
    for (const answer of await Promise.all(pending)) expect(answer.data?.errors[0]?.reason).toBe('No rows under the header');
    expect((await county.upload<ImportReport>('observations', HEADER + rows(1))).data?.accepted).toBe(true);
  });
});
