import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

/** Every field of an assessment row, the details the dashboard does not read included. */
const WHOLE = `query ($p: String!) { assessments(first: 30, filter: { period: $p }) { totalCount edges { cursor node {
  id period index grade coverage complete method rank siblingCount previousIndex change missing methodologyVersionId methodologyVersion
  published pendingRevision computedAt
  region { id code name nameEn level path parentId }
  scores { code rawValue normalizedScore weight effectiveWeight contribution pastRedLine winsorised }
  release { revision index grade rank publishedAt publishedBy note }
  previousRelease { index grade publishedAt } } } } }`;
/** The public dashboard's selection (test/bench/run.ts), its rows through a fragment. */
const DASHBOARD = `query ($p: String!) { assessments(first: 30, filter: { period: $p }) { totalCount edges { cursor node { ...Row } } } }
  fragment Row on AssessmentView { region { code nameEn } index grade rank change scores { code normalizedScore contribution } }`;

type Node = Record<string, unknown> & { region: Record<string, unknown>; scores: Record<string, unknown>[] };
interface Page {
  assessments: { totalCount: number; edges: { cursor: string; node: Node }[] };
}

const pick = (from: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, from[key]]));

describe('assessments: a list reads the columns its selection shows', () => {
  let server: TestServer;
  let anonymous: ApiClient;
  let county: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    [anonymous, county] = [await server.as('anonymous'), await server.as('orgIn')];
  });
  afterAll(() => server?.close());

  it.each(['anonymous', 'orgIn'] as const)(
    'answers %s the dashboard’s selection with the same rows and figures as the whole view',
    async (who) => {
      const client = who === 'anonymous' ? anonymous : county;
      const whole = await client.ok<Page>(WHOLE, { p: '2026-Q2' });
      const narrow = await client.ok<Page>(DASHBOARD, { p: '2026-Q2' });
      expect(whole.assessments.edges.length).toBeGreaterThan(5);
      expect(narrow.assessments.totalCount).toBe(whole.assessments.totalCount);
      expect(narrow.assessments.edges.map((edge) => edge.cursor)).toEqual(whole.assessments.edges.map((edge) => edge.cursor));
      expect(narrow.assessments.edges.map((edge) => edge.node)).toEqual(
        whole.assessments.edges.map(({ node }) => ({
          ...pick(node, ['index', 'grade', 'rank', 'change']),
          region: pick(node.region, ['code', 'nameEn']),
          scores: node.scores.map((score) => pick(score, ['code', 'normalizedScore', 'contribution'])),
        })),
      );
    },
  );

  it('reads none of the columns of the details the dashboard does not show, nor the release before', async () => {
    const statements: string[] = [];
    const knex = server.orm.em.getConnection().getKnex();
    const record = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', record);
    try {
      await anonymous.ok<Page>(DASHBOARD, { p: '2026-Q3' });
    } finally {
      knex.off('query', record);
    }
    const rows = statements.find((text) => text.includes('"chosen"'));
    expect(rows).toBeDefined();
    expect(rows).toContain('null as "release_note"');
    expect(rows).toContain('null as "region_parent_id"');
    expect(rows).not.toContain('"q"');
    expect(rows).not.toContain('p.note');
  });

  it('still reads every detail when the selection asks for it (the public’s release, region and computation)', async () => {
    const whole = await anonymous.ok<Page>(WHOLE, { p: '2026-Q2' });
    const [{ period_start }] = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ period_start: string }[]>(`select min(published_at)::text as period_start from assessment_release`);
    for (const { node } of whole.assessments.edges) {
      expect(node.region).toMatchObject({ name: expect.any(String), level: expect.any(String), path: expect.stringMatching(/^\//) });
      expect(node).toMatchObject({ published: true, methodologyVersion: expect.any(Number), method: expect.any(String) });
      expect(typeof node.coverage).toBe('number');
      expect(new Date(node.computedAt as string).getFullYear()).toBeGreaterThan(2000);
      const release = node.release as { revision: number; publishedAt: string; publishedBy: string | null };
      expect(release.revision).toBeGreaterThanOrEqual(1);
      expect(new Date(release.publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(period_start).getTime());
      // Who published is not the public's business, whatever the selection.
      expect(release.publishedBy).toBeNull();
    }
  });
});
