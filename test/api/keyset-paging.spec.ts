import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type GraphQLAnswer } from '../support/api-client';
import { globalId } from '../support/global-id';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Keyset paging as a third party meets it: pages that stay right while others write, in both directions
 * (first/after, last/before), and the refusals of a page asked for wrongly.
 *
 * The guarantee, as documented on `PageArgs`: a row that exists when paging starts and whose ordering
 * values do not change is returned exactly once, whatever is appended, deleted or moved meanwhile; a row
 * whose ordering values change between two pages is returned where its new position falls (once, twice,
 * or not at all if it moved to pages already read) — and its move never makes another row skip or repeat.
 */

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page<N> {
  totalCount: number;
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfo;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const ENTRIES = `query ($first: Int, $after: String, $last: Int, $before: String, $action: String = "keyset.seed") {
  auditEntries(first: $first, after: $after, last: $last, before: $before, filter: { action: $action }) {
    totalCount edges { cursor node { id occurredAt } } ${PAGE_INFO} } }`;
/** Entries in the jurisdiction of the demo auditor, as the audit log shows them. */
const REGION_PATH = '/88/8801/880101/880101001/';
/** Entries nobody appends to while a test pages them. */
const FIXED = 'keyset.fixed';

const reasonOf = (answer: GraphQLAnswer<unknown>) => (answer.errors[0]?.extensions as { reason?: string } | undefined)?.reason ?? null;

describe('keyset paging', () => {
  let server: TestServer;
  let auditor: ApiClient;
  /** Appends audit entries as another client would: each a statement of its own, the time set by the database. */
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await server.ownerOrm.em.getConnection().execute(
        `insert into audit_entry (id, actor_kind, action, subject_type, subject_id, region_path)
           values (gen_random_uuid(), 'SYSTEM', 'keyset.seed', 'Test', 'appended', ?)`,
        [REGION_PATH],
      );
    }
  };
  /** Another client appending in parallel, an entry every few milliseconds, until told to stop. */
  const appendWhile = async (going: () => boolean) => {
    while (going()) {
      await append(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  /** The ids of the entries that exist now, as the API gives them (global ids). */
  const existing = async () =>
    (await server.ownerOrm.em.getConnection().execute<{ id: string }[]>(`select id from audit_entry where action = 'keyset.seed'`)).map(
      (row) => globalId('AuditEntry', row.id),
    );
  const entries = (variables: Record<string, unknown>) =>
    auditor.ok<{ auditEntries: Page<{ id: string; occurredAt: string }> }>(ENTRIES, variables);

  beforeAll(async () => {
    // Many pages a minute from one address: the request limits are another spec's subject.
    server = await startTestServer({ requestsPerAddressPerMinute: 100_000 });
    auditor = await server.as('auditor');
    // One statement for many rows: their database times fall in few milliseconds, so the id breaks many ties.
    await server.ownerOrm.em.getConnection().execute(
      `insert into audit_entry (id, actor_kind, action, subject_type, subject_id, region_path)
       select gen_random_uuid(), 'SYSTEM', action, 'Test', 'seed-' || n, ?
       from generate_series(1, 45) n, unnest(array['keyset.seed', 'keyset.fixed']) action`,
      [REGION_PATH],
    );
  });
  afterAll(() => server?.close());

  it('pages the audit log newest first with first/after while entries are appended, every entry of the start exactly once', async () => {
    const atStart = await existing();
    const seen: { id: string; occurredAt: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    // Another client appends all along, in parallel with the page fetches.
    let paging = true;
    const writer = appendWhile(() => paging);
    try {
      for (;;) {
        const { auditEntries } = await entries({ first: 7, after });
        seen.push(...auditEntries.edges.map((edge) => edge.node));
        expect(auditEntries.pageInfo.hasPreviousPage).toBe(after !== null);
        pages++;
        // And between two pages, a burst of appends, all newer than every row already read.
        await append(3);
        if (!auditEntries.pageInfo.hasNextPage) break;
        after = auditEntries.pageInfo.endCursor;
      }
    } finally {
      paging = false;
      await writer;
    }
    const ids = seen.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(atStart.filter((id) => !ids.includes(id))).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(7);
    // Newest first throughout.
    const times = seen.map((node) => Date.parse(node.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages the same log backwards with last/before while entries are appended, every entry of the start exactly once', async () => {
    const atStart = await existing();
    const seen: string[] = [];
    let before: string | null = null;
    let paging = true;
    const writer = appendWhile(() => paging);
    try {
      for (;;) {
        const { auditEntries } = await entries({ last: 9, before });
        // A page read backwards is still in the list's order: newest first within it.
        seen.unshift(...auditEntries.edges.map((edge) => edge.node.id));
        expect(auditEntries.pageInfo.hasNextPage).toBe(before !== null);
        await append(2);
        if (!auditEntries.pageInfo.hasPreviousPage) break;
        before = auditEntries.pageInfo.startCursor;
      }
    } finally {
      paging = false;
      await writer;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(atStart.filter((id) => !seen.includes(id))).toEqual([]);
  });

  it('answers the same rows forwards and backwards, with the page flags of both ends right', async () => {
    const { auditEntries: all } = await entries({ first: 100, action: FIXED });
    expect(all.totalCount).toBe(45);
    const ids = all.edges.map((edge) => edge.node.id);

    const { auditEntries: head } = await entries({ first: 5, action: FIXED });
    expect(head.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 5));
    expect(head.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

    const { auditEntries: tail } = await entries({ last: 5, action: FIXED });
    expect(tail.edges.map((edge) => edge.node.id)).toEqual(ids.slice(-5));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    // Back from the tail: the five before it; forward from there: the tail again.
    const { auditEntries: back } = await entries({ last: 5, before: tail.pageInfo.startCursor, action: FIXED });
    expect(back.edges.map((edge) => edge.node.id)).toEqual(ids.slice(-10, -5));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const { auditEntries: forth } = await entries({ first: 5, after: back.pageInfo.endCursor, action: FIXED });
    expect(forth.edges.map((edge) => edge.node.id)).toEqual(ids.slice(-5));
    expect(forth.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    // The first row's cursor, read backwards: nothing before it.
    const { auditEntries: none } = await entries({ last: 5, before: head.edges[0].cursor, action: FIXED });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null });
    expect(none.totalCount).toBe(all.totalCount);
  });

  it('pages a query-builder list (assessments by change, NULLs last) and a list ordered through a join (observations by region) both ways', async () => {
    const root = await server.as('orgRoot');
    const lists = [
      { field: 'assessments', args: 'orderBy: { field: CHANGE, direction: DESC }', node: 'region { code } period change' },
      { field: 'observations', args: 'orderBy: { field: REGION_CODE, direction: ASC }', node: 'id region { code } period' },
    ];
    for (const list of lists) {
      const query = `query ($first: Int, $after: String, $last: Int, $before: String) {
        ${list.field}(first: $first, after: $after, last: $last, before: $before, ${list.args}) {
          totalCount edges { cursor node { ${list.node} } } ${PAGE_INFO} } }`;
      const page = async (variables: Record<string, unknown>) =>
        (await root.ok<Record<string, Page<Record<string, unknown>>>>(query, variables))[list.field];
      const keyOf = (node: Record<string, unknown>) => JSON.stringify(node);
      // The first (up to) 60 rows in one page, then the same window in pages of 8, forwards and backwards.
      const window = await page({ first: 60 });
      const expected = window.edges.map((edge) => keyOf(edge.node));
      expect(expected.length).toBeGreaterThan(10);
      const forward: string[] = [];
      let after: string | null = null;
      while (forward.length < expected.length) {
        const next = await page({ first: 8, after });
        forward.push(...next.edges.map((edge) => keyOf(edge.node)));
        expect(next.pageInfo.hasPreviousPage).toBe(after !== null);
        after = next.pageInfo.endCursor;
        if (!next.pageInfo.hasNextPage) break;
      }
      expect(forward.slice(0, expected.length)).toEqual(expected);
      const backward: string[] = [];
      let before: string | null = window.edges[window.edges.length - 1].cursor;
      for (;;) {
        const previous = await page({ last: 8, before });
        backward.unshift(...previous.edges.map((edge) => keyOf(edge.node)));
        expect(previous.pageInfo.hasNextPage).toBe(true);
        if (!previous.pageInfo.hasPreviousPage) break;
        before = previous.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected.slice(0, -1));
    }
  });

  it('does not skip a row when another moves across the cursor between two pages (tokens by last use)', async () => {
    const root = await server.as('orgRoot');
    const secrets: string[] = [];
    for (let i = 0; i < 9; i++) {
      const { createApiToken } = await root.ok<{ createApiToken: { secret: string } }>(
        `mutation ($name: String!) { createApiToken(input: { name: $name, scopes: [REGIONS] }) { secret } }`,
        { name: `keyset-${i}` },
      );
      secrets.push(createApiToken.secret);
    }
    const use = (secret: string) => new ApiClient(server.url, secret).ok('{ regions(first: 1) { totalCount } }');
    // Three used (their times differ), six never used (NULL: last).
    for (const secret of secrets.slice(0, 3)) await use(secret);
    const query = `query ($after: String) { apiTokens(first: 3, after: $after, filter: { search: "keyset-" },
      orderBy: { field: LAST_USED_AT, direction: DESC }) { edges { node { name lastUsedAt } } ${PAGE_INFO} } }`;
    type Tokens = { apiTokens: Page<{ name: string; lastUsedAt: string | null }> };
    const { apiTokens: first } = await root.ok<Tokens>(query, { after: null });
    const seen = first.edges.map((edge) => edge.node.name);
    // A token of the last page is used now: it moves before the cursor, to the top.
    const { apiTokens: everything } = await root.ok<Tokens>(query.replace('first: 3', 'first: 100'), { after: null });
    const moved = everything.edges[everything.edges.length - 1].node.name;
    await use(secrets[Number(moved.replace('keyset-', ''))]);
    let after = first.pageInfo.endCursor;
    for (;;) {
      const { apiTokens: next } = await root.ok<Tokens>(query, { after });
      seen.push(...next.edges.map((edge) => edge.node.name));
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    // Every token that did not move is seen exactly once; the moved one was read already (it went to page 1's side).
    const unmoved = secrets.map((_, i) => `keyset-${i}`).filter((name) => name !== moved);
    for (const name of unmoved) expect(seen.filter((n) => n === name)).toHaveLength(1);
    expect(seen).not.toContain(moved);
  });

  it('serves the audit log and observations from an index: the page starts at the cursor, no sort of the whole table', async () => {
    const statements: { sql: string; bindings: unknown[] }[] = [];
    const knex = server.orm.em.getConnection().getKnex();
    const listen = (query: { sql: string; bindings?: unknown[] }) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
    knex.on('query', listen);
    try {
      const { auditEntries } = await entries({ first: 5 });
      await entries({ first: 5, after: auditEntries.pageInfo.endCursor });
      const root = await server.as('orgRoot');
      const { observations } = await root.ok<{ observations: Page<{ id: string }> }>(
        `query { observations(first: 5) { edges { node { id } } ${PAGE_INFO} } }`,
      );
      await root.ok(`query ($after: String) { observations(first: 5, after: $after) { edges { node { id } } } }`, {
        after: observations.pageInfo.endCursor,
      });
    } finally {
      knex.off('query', listen);
    }
    const plan = async (table: string) => {
      const page = statements
        .filter((s) => s.sql.includes(`from "${table}"`) && s.sql.includes('order by') && s.sql.includes('limit'))
        .at(-1);
      expect(page).toBeDefined();
      const em = server.ownerOrm.em.fork();
      return em.transactional(async (tx) => {
        const connection = tx.getConnection();
        // The question is whether an index can serve the order (no sort of every row matching), not what the
        // planner picks for a table of a few rows: full scans and sorts are priced out.
        await connection.execute('set local enable_seqscan = off', [], 'run', tx.getTransactionContext());
        await connection.execute('set local enable_sort = off', [], 'run', tx.getTransactionContext());
        const [row] = await connection.execute<{ 'QUERY PLAN': unknown }[]>(
          tx.getKnex().raw(`explain (format json) ${page!.sql.replace(/\$\d+/g, '?')}`, page!.bindings as never[]),
          [],
          'all',
          tx.getTransactionContext(),
        );
        return JSON.stringify(row['QUERY PLAN']);
      });
    };
    // By time within an action: the index on (action, time, id) gives the order as it is.
    const audit = await plan('audit_entry');
    expect(audit).toMatch(/"Index Name":"audit_entry_(action_)?occurred_at_id_index"/);
    expect(audit).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    // Observations by period: the period's index, then an incremental sort of one period at a time.
    const observations = await plan('observation');
    expect(observations).toContain('observation_period_index');
    expect(observations).not.toMatch(/"Node Type":"Sort"/);
  });

  it('refuses a page asked for wrongly, each with its reason', async () => {
    const { auditEntries } = await entries({ first: 2 });
    const cursor = auditEntries.pageInfo.endCursor as string;
    const root = await server.as('orgRoot');
    const { regions } = await root.ok<{ regions: Page<unknown> }>(`{ regions(first: 1) { ${PAGE_INFO} } }`);
    const { users } = await root.ok<{ users: Page<unknown> }>(
      `{ users(first: 1, orderBy: { field: EMAIL, direction: ASC }) { ${PAGE_INFO} } }`,
    );
    const refusals: [string, Record<string, unknown>, string, ApiClient?][] = [
      ['tampered cursor', { first: 2, after: `${cursor.slice(0, -3)}AAA` }, 'INVALID_CURSOR'],
      ['not a cursor', { first: 2, after: 'bzox' }, 'INVALID_CURSOR'],
      ['forged value', { first: 2, after: forge(cursor, (values) => [...values.slice(0, -1), "x' or 1=1 --"]) }, 'INVALID_CURSOR'],
      ['cursor of another list', { first: 2, after: regions.pageInfo.endCursor }, 'INVALID_CURSOR'],
      ['cursor as before, of another list', { last: 2, before: regions.pageInfo.endCursor }, 'INVALID_CURSOR'],
      ['first and last', { first: 2, last: 2 }, 'FIRST_OR_LAST'],
      ['neither first nor last', {}, 'FIRST_OR_LAST'],
      ['first 0', { first: 0 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      ['first 101', { first: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      ['last 0', { last: 0 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      ['last -1', { last: -1 }, 'PAGE_SIZE_OUT_OF_RANGE'],
      ['last 101', { last: 101 }, 'PAGE_SIZE_OUT_OF_RANGE'],
    ];
    for (const [what, variables, reason] of refusals) {
      const answer = await auditor.request(ENTRIES, variables);
      expect({ what, reason: reasonOf(answer), code: answer.errors[0]?.extensions?.code }).toEqual({
        what,
        reason,
        code: 'BAD_USER_INPUT',
      });
      expect(answer.data?.auditEntries ?? null).toBeNull();
    }
    // A cursor of another order of the same list.
    const byCreation = await root.request(`query ($after: String) { users(first: 1, after: $after) { totalCount } }`, {
      after: users.pageInfo.endCursor,
    });
    expect(reasonOf(byCreation)).toBe('INVALID_CURSOR');
    const sameOrder = await root.request(
      `query ($after: String) { users(first: 1, after: $after, orderBy: { field: EMAIL, direction: ASC }) { totalCount } }`,
      { after: users.pageInfo.endCursor },
    );
    expect(sameOrder.errors).toEqual([]);
  });
});

/** A cursor rewritten by hand: its values changed, its envelope kept. */
function forge(cursor: string, change: (values: unknown[]) => unknown[]): string {
  const [version, digest, ...values] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
  return Buffer.from(JSON.stringify([version, digest, ...change(values)])).toString('base64url');
}
