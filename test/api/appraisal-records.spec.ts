import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type ApiClient, type GraphQLAnswer } from '../support/api-client';
import { CadresFixtures } from '../support/cadres-fixtures';
import { uuidOf } from '../support/global-id';
import { statementCounter } from '../support/statement-counter';
import { startTestServer, type TestServer } from '../support/test-server';

const RECORD_INSPECTION = `mutation ($input: RecordInspectionInput!) {
  recordInspection(input: $input) { id score findings inspector inspectedOn reportedGrowth term { id } region { code } }
}`;
const RECORD_AUDIT = `mutation ($input: RecordSpecialAuditInput!) {
  recordSpecialAudit(input: $input) { id debtAtStart debtAtEnd irregularFunds showcaseSpending totalSpending findings auditBody auditedOn term { id } }
}`;
const INSPECTIONS = `query ($f: AppraisalRecordFilter) { inspections(first: 50, filter: $f) { totalCount edges { node { id score term { id } } } } }`;
const AUDITS = `query ($f: AppraisalRecordFilter) { specialAudits(first: 50, filter: $f) { totalCount edges { node { id findings term { id } } } } }`;

const problems = (answer: GraphQLAnswer) =>
  answer.errors[0]?.extensions?.problems as Record<string, { reason: string; params: unknown }> | undefined;
const reason = (answer: GraphQLAnswer) => answer.errors[0]?.extensions?.reason;

describe('inspections and special audits of terms: recorded in the jurisdiction, append-only, refused with coded problems', () => {
  let server: TestServer;
  let county: ApiClient;
  let other: ApiClient;
  let auditor: ApiClient;
  let citizen: ApiClient;
  let countyRegion: string;
  let termId: string;
  const sql = <T>(text: string, params: unknown[] = []) => server.ownerOrm.em.fork().getConnection().execute<T[]>(text, params);

  const inspection = (overrides: Record<string, unknown> = {}) => ({
    termId,
    score: 81.5,
    findings: 'Employment programmes delivered; rural roads behind schedule.',
    inspector: 'City inspection team 2',
    inspectedOn: '2026-10-15',
    reportedGrowth: 6.5,
    ...overrides,
  });
  const audit = (overrides: Record<string, unknown> = {}) => ({
    termId,
    debtAtStart: 10000,
    debtAtEnd: 12500,
    irregularFunds: 20,
    showcaseSpending: 600,
    totalSpending: 24000,
    findings: 3,
    auditBody: 'County Audit Bureau',
    auditedOn: '2026-09-30',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestServer();
    [county, other, auditor, citizen] = await Promise.all([
      server.as('orgIn'),
      server.as('orgOut'),
      server.as('auditor'),
      server.as('citizen'),
    ]);
    const { me } = await county.ok<{ me: { user: { region: { id: string } } } }>('{ me { user { region { id } } } }');
    countyRegion = me.user.region.id;
    termId = await new CadresFixtures(county).heldTerm(countyRegion, '2024-03-01', '2029-03-01');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records an inspection and a special audit of a term of the jurisdiction, each with an audit-log entry', async () => {
    const { recordInspection } = await county.ok<{
      recordInspection: { id: string; score: number; term: { id: string }; region: { code: string } };
    }>(RECORD_INSPECTION, { input: inspection() });
    expect(recordInspection).toMatchObject({ score: 81.5, term: { id: termId }, region: { code: '880101' } });
    const { recordSpecialAudit } = await county.ok<{ recordSpecialAudit: { id: string; findings: number } }>(RECORD_AUDIT, {
      input: audit(),
    });
    expect(recordSpecialAudit.findings).toBe(3);
    const logged = await sql<{ action: string }>('select action from audit_entry where subject_id in (?, ?) order by action', [
      uuidOf(recordInspection.id),
      uuidOf(recordSpecialAudit.id),
    ]);
    expect(logged.map((row) => row.action)).toEqual(['inspection.record', 'special-audit.record']);
    // Listed for the organization and its auditor (a city above it), by term.
    for (const reader of [county, auditor]) {
      const { inspections } = await reader.ok<{ inspections: { edges: { node: { id: string } }[] } }>(INSPECTIONS, { f: { termId } });
      expect(inspections.edges.map((edge) => edge.node.id)).toContain(recordInspection.id);
      const { specialAudits } = await reader.ok<{ specialAudits: { edges: { node: { id: string } }[] } }>(AUDITS, { f: { termId } });
      expect(specialAudits.edges.map((edge) => edge.node.id)).toContain(recordSpecialAudit.id);
    }
  });

  it('refuses every broken rule with its problem code and numbers, and writes nothing', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from inspection');
    const above = await county.request(RECORD_INSPECTION, { input: inspection({ score: 100.5 }) });
    expect([errorCode(above), reason(above)]).toEqual(['BAD_USER_INPUT', 'INVALID_INSPECTION']);
    expect(problems(above)?.score).toEqual({ reason: 'SCORE_RANGE', params: { min: 0, max: 100, got: 100.5 } });
    const early = await county.request(RECORD_INSPECTION, { input: inspection({ inspectedOn: '2024-02-29', findings: ' ' }) });
    expect(problems(early)?.inspectedOn).toEqual({ reason: 'BEFORE_TERM', params: { startsOn: '2024-03-01' } });
    expect(problems(early)?.findings?.reason).toBe('REQUIRED');
    const future = await county.request(RECORD_INSPECTION, { input: inspection({ inspectedOn: '2099-01-01' }) });
    expect(problems(future)?.inspectedOn?.reason).toBe('DATE_IN_FUTURE');
    const typo = await county.request(RECORD_INSPECTION, { input: inspection({ reportedGrowth: 5000 }) });
    expect(problems(typo)?.reportedGrowth?.reason).toBe('GROWTH_RANGE');

    const overspent = await county.request(RECORD_AUDIT, { input: audit({ showcaseSpending: 30000, debtAtStart: -1 }) });
    expect([errorCode(overspent), reason(overspent)]).toEqual(['BAD_USER_INPUT', 'INVALID_SPECIAL_AUDIT']);
    expect(problems(overspent)?.showcaseSpending).toEqual({ reason: 'EXCEEDS_SPENDING', params: { part: 30000, total: 24000 } });
    expect(problems(overspent)?.debtAtStart).toEqual({ reason: 'NEGATIVE_AMOUNT', params: { got: -1 } });
    expect(await sql<{ n: number }>('select count(*)::int as n from inspection')).toEqual(before);
  });

  it('refuses a term outside the jurisdiction, an unknown term, and every role but organizations', async () => {
    const outside = await other.request(RECORD_INSPECTION, { input: inspection() });
    expect(errorCode(outside)).toBe('FORBIDDEN');
    const unknown = await county.request(RECORD_INSPECTION, { input: inspection({ termId: '00000000-0000-4000-8000-000000000000' }) });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    for (const client of [auditor, citizen, server.client()]) {
      const refused = await client.request(RECORD_AUDIT, { input: audit() });
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(refused));
    }
    // Another county's organization does not see them; citizens and the public not at all.
    const { inspections } = await other.ok<{ inspections: { totalCount: number } }>(INSPECTIONS, { f: { termId } });
    expect(inspections.totalCount).toBe(0);
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(await citizen.request(INSPECTIONS, {})));
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(errorCode(await server.client().request(AUDITS, {})));
  });

  it('keeps the records append-only: the runtime role may not rewrite them and the owner is stopped by trigger', async () => {
    const runtime = server.orm.em.fork().getConnection();
    await expect(runtime.execute(`update inspection set score = 100`)).rejects.toThrow(/permission denied/);
    await expect(runtime.execute(`delete from special_audit`)).rejects.toThrow(/permission denied/);
    await expect(sql(`update inspection set score = 100`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from special_audit`)).rejects.toThrow(/append-only/);
    await expect(sql(`truncate special_audit`)).rejects.toThrow(/append-only/);
  });

  it('lets the latest record count and keeps the earlier ones on record', async () => {
    await county.ok(RECORD_INSPECTION, { input: inspection({ score: 60, inspectedOn: '2026-11-01' }) });
    const { inspections } = await county.ok<{ inspections: { totalCount: number; edges: { node: { score: number } }[] } }>(INSPECTIONS, {
      f: { termId },
    });
    expect(inspections.totalCount).toBe(2);
    expect(inspections.edges[0].node.score).toBe(60);
  });

  it('lists inspections and audits with their terms, cadres and posts in as many statements for 1 row as for 100', async () => {
    const fixtures = new CadresFixtures(county);
    for (let i = 0; i < 6; i++) {
      const other = await fixtures.heldTerm(countyRegion, '2024-03-01', '2029-03-01');
      await county.ok(RECORD_INSPECTION, { input: inspection({ termId: other }) });
      await county.ok(RECORD_AUDIT, { input: audit({ termId: other }) });
    }
    const statements = statementCounter(server);
    for (const list of ['inspections', 'specialAudits']) {
      const query = `query ($n: Int!) { ${list}(first: $n) { totalCount edges { node { id term { startsOn cadre { name } post { title region { code } } } region { code } } } } }`;
      const measure = async (n: number) => {
        statements.reset();
        const data = await county.ok<Record<string, { edges: unknown[] }>>(query, { n });
        return { statements: statements.count, rows: data[list].edges.length };
      };
      const one = await measure(1);
      const many = await measure(100);
      expect(one.rows).toBe(1);
      expect(many.rows).toBeGreaterThan(5);
      expect(many.statements).toBe(one.statements);
    }
  });
});
