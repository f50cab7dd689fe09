import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

interface Release {
  revision: number;
  index: number | null;
  grade: string | null;
  publishedAt: string;
  publishedBy: string | null;
  note: string | null;
}
interface Row {
  region: { code: string };
  period: string;
  index: number | null;
  grade: string | null;
  published: boolean;
  pendingRevision: boolean;
  release: Release | null;
  previousRelease: { index: number | null; grade: string | null; publishedAt: string } | null;
}
const ONE =
  'query ($r: ID!, $p: String!) { assessments(first: 1, filter: { regionId: $r, period: $p }) { edges { node { region { code } period index grade published pendingRevision release { revision index grade publishedAt publishedBy note } previousRelease { index grade publishedAt } } } } }';
const PUBLISH = 'mutation ($p: String!, $r: ID!, $note: String) { publishAssessments(period: $p, regionId: $r, note: $note) }';
const RECORD = 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { revision } }';

describe('harmony: published releases and their revisions', () => {
  let server: TestServer;
  let county: ApiClient;
  let anonymous: ApiClient;
  let ids: Map<string, string>;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
  const ownerSql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);
  const read = async (client: ApiClient, code: string, period = '2026-Q2') => {
    const answer = await client.ok<{ assessments: { edges: { node: Row }[] } }>(ONE, { r: ids.get(code), p: period });
    return answer.assessments.edges[0]?.node ?? null;
  };

  beforeAll(async () => {
    server = await startTestServer();
    [county, anonymous] = [await server.as('orgIn'), await server.as('anonymous')];
    ids = new Map((await sql<{ id: string; code: string }>('select id, code from region')).map((r) => [r.code, r.id]));
  });
  afterAll(() => server?.close());

  it('keeps showing the public the release after a correction, until the organization publishes the revision with a note', async () => {
    const published = (await read(anonymous, '880101001'))!;
    expect(published.release).toMatchObject({ revision: 1, index: published.index, note: null, publishedBy: null });
    expect(published.previousRelease).toBeNull();
    expect(published.pendingRevision).toBe(false);

    // A correction: the trust survey of 2026-Q2 was mis-keyed.
    await county.ok(RECORD, { input: { regionId: ids.get('880101001'), period: '2026-Q2', indicatorCode: 'CADRE_TRUST', value: 5 } });
    const working = (await read(county, '880101001'))!;
    expect(working.index).not.toBe(published.index);
    expect(working.index!).toBeLessThan(published.index!);
    expect(working.pendingRevision).toBe(true);
    expect(working.release).toMatchObject({ revision: 1, index: published.index, publishedBy: 'demo@massline.demo' });
    // Regions the correction did not move have nothing pending; the auditor sees what the county sees, read-only.
    const province = await server.as('orgRoot');
    expect((await read(province, '880101001'))!.pendingRevision).toBe(true);
    expect((await read(province, '880102001'))!.pendingRevision).toBe(false);
    const auditor = await server.as('auditor');
    expect((await read(auditor, '880101001'))!).toMatchObject({ index: working.index, pendingRevision: true });

    for (const client of [anonymous, await server.as('citizen'), await server.as('token'), await server.as('orgOut')]) {
      const seen = (await read(client, '880101001'))!;
      expect(seen).toMatchObject({ index: published.index, grade: published.grade, pendingRevision: false });
      expect(seen.release!.publishedBy).toBeNull();
    }

    // Who may publish the revision: only the jurisdiction's organization.
    const revise = (client: ApiClient, note: string | null) => client.request(PUBLISH, { p: '2026-Q2', r: ids.get('880101'), note });
    expect(errorCode(await revise(auditor, 'Survey re-keyed'))).toBe('FORBIDDEN');
    expect(errorCode(await revise(await server.as('orgOut'), 'Survey re-keyed'))).toBe('FORBIDDEN');
    expect(errorCode(await revise(anonymous, 'Survey re-keyed'))).toBe('UNAUTHENTICATED');
    // A revision says what it changed; without a note nothing is published.
    const noNote = await revise(county, '   ');
    expect(noNote.errors[0].extensions?.fields).toEqual({ note: 'Say what the revision changed' });
    expect((await read(anonymous, '880101001'))!.index).toBe(published.index);

    const revised = await county.ok<{ publishAssessments: number }>(PUBLISH, {
      p: '2026-Q2',
      r: ids.get('880101'),
      note: 'Trust survey of Q2 re-keyed from the paper forms',
    });
    // The township, and any sibling whose rank the correction moved.
    expect(revised.publishAssessments).toBeGreaterThanOrEqual(1);
    const now = (await read(anonymous, '880101001'))!;
    expect(now).toMatchObject({ index: working.index, grade: working.grade, pendingRevision: false });
    expect(now.release).toMatchObject({ revision: 2, index: working.index, note: 'Trust survey of Q2 re-keyed from the paper forms' });
    expect(now.previousRelease).toMatchObject({ index: published.index, grade: published.grade });
    expect(new Date(now.release!.publishedAt).getTime()).toBeGreaterThan(new Date(now.previousRelease!.publishedAt).getTime());
    expect((await read(county, '880101001'))!).toMatchObject({ pendingRevision: false, release: { publishedBy: 'county@massline.demo' } });

    expect(errorCode(await revise(county, 'again'))).toBe('CONFLICT');
    const { auditEntries } = await (
      await server.as('orgRoot')
    ).ok<{ auditEntries: { edges: { node: { action: string } }[] } }>(
      'query ($s: String) { auditEntries(first: 5, filter: { subjectId: $s }) { edges { node { action } } } }',
      { s: ids.get('880101') },
    );
    expect(auditEntries.edges.map((e) => e.node.action)).toContain('assessment.publish');
    const [event] = await sql<{ after: { revision: boolean; note: string; revised: { regionId: string }[] } }>(
      `select after from audit_entry where action = 'assessment.publish' order by occurred_at desc limit 1`,
    );
    expect(event.after).toMatchObject({ revision: true, note: 'Trust survey of Q2 re-keyed from the paper forms' });
    expect(event.after.revised.map((r) => r.regionId)).toContain(ids.get('880101001'));
  });

  it('never rewrites a release, even for the tables’ owner', async () => {
    await expect(ownerSql(`update assessment_release set note = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`delete from assessment_release`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`truncate assessment_release`)).rejects.toThrow(/append-only/);
  });

  it('lets one of two simultaneous revisions win; the other finds nothing left to publish', async () => {
    await county.ok(RECORD, { input: { regionId: ids.get('880101002'), period: '2026-Q1', indicatorCode: 'CADRE_TRUST', value: 12 } });
    const answers = await Promise.all(
      [1, 2, 3].map((i) => county.request(PUBLISH, { p: '2026-Q1', r: ids.get('880101'), note: `Correction ${i}` })),
    );
    expect(answers.filter((answer) => answer.errors.length === 0)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors.length > 0).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT']);
    const [{ releases }] = await sql<{ releases: number }>(
      `select count(*)::int as releases from assessment_release p join region r on r.id = p.region_id where r.code = '880101002' and p.period = '2026-Q1'`,
    );
    expect(releases).toBe(2);
  });

  // Last: it makes another methodology version the active one.
  it('grades, shows and alerts on the index as displayed: 84.98 is 85.0 and harmonious, 59.95 is 60.0 and not below 60', async () => {
    const root = await server.as('orgRoot');
    await root.ok('mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { id } }', {
      input: {
        name: 'Trust only',
        aggregation: 'ARITHMETIC',
        activate: true,
        indicators: [{ code: 'CADRE_TRUST', weight: 1, normalization: 'GOALPOSTS' }],
        alertRules: [{ kind: 'INDEX_BELOW', threshold: 60 }],
      },
    });
    // A quarter without observations: these three townships are the only ones assessed in it.
    const values: [string, number][] = [
      ['880101001', 84.98],
      ['880101002', 59.95],
      ['880101003', 59.949],
    ];
    for (const [code, value] of values) {
      await county.ok(RECORD, { input: { regionId: ids.get(code), period: '2022-Q4', indicatorCode: 'CADRE_TRUST', value } });
    }
    const shown = async (code: string) => {
      const row = (await read(county, code, '2022-Q4'))!;
      return [row.index, row.grade];
    };
    expect(await shown('880101001')).toEqual([85, 'HARMONIOUS']);
    expect(await shown('880101002')).toEqual([60, 'ATTENTION']);
    expect(await shown('880101003')).toEqual([59.9, 'WARNING']);

    const { alerts } = await root.ok<{ alerts: { edges: { node: { kind: string; region: { code: string }; details: unknown } }[] } }>(
      'query ($w: ID!) { alerts(first: 20, filter: { withinId: $w, period: "2022-Q4" }) { edges { node { kind region { code } details } } } }',
      { w: ids.get('880101') },
    );
    const below = alerts.edges.map((e) => e.node).filter((alert) => alert.kind === 'INDEX_BELOW');
    expect(below.map((alert) => alert.region.code)).toEqual(['880101003']);
    expect(below[0].details).toMatchObject({ index: 59.9, threshold: 60 });
  });
});
