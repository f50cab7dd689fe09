import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { appointmentSteps, dayFrom, GrantsFixtures } from '../support/grants-fixtures';
import { statementCounter } from '../support/statement-counter';
import { startTestServer, type TestServer } from '../support/test-server';

const LIST = `query ($filter: GrantFilter, $n: Int) { grants(first: $n, filter: $filter) {
  totalCount edges { node { id status region { code } steps { step } } } } }`;

interface ListAnswer {
  grants: { totalCount: number; edges: { node: { id: string; status: string; region: { code: string } } }[] };
}

/** The grant list's filters derived from the records (status, decision period, open notices for a region and above). */
describe('grant list filters', () => {
  let server: TestServer;
  let orgIn: ApiClient;
  let citizen: ApiClient;
  let anonymous: ApiClient;
  const regionIds: Record<string, string> = {};
  const ids: Record<'open' | 'rootOpen' | 'siblingOpen' | 'closedNotice' | 'probation' | 'procedure', string> = {
    open: '',
    rootOpen: '',
    siblingOpen: '',
    closedNotice: '',
    probation: '',
    procedure: '',
  };

  beforeAll(async () => {
    server = await startTestServer();
    let orgRoot: ApiClient;
    let orgOut: ApiClient;
    [orgIn, orgRoot, orgOut, citizen, anonymous] = await Promise.all([
      server.as('orgIn'),
      server.as('orgRoot'),
      server.as('orgOut'),
      server.as('citizen'),
      server.as('anonymous'),
    ]);
    for (const code of ['88', '880101', '880102', '880101001']) {
      const { regions } = await orgRoot.ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
        'query ($code: String!) { regions(first: 5, filter: { search: $code }) { edges { node { id code } } } }',
        { code },
      );
      regionIds[code] = regions.edges.find((edge) => edge.node.code === code)!.node.id;
    }
    const inCounty = new GrantsFixtures(orgIn);
    ids.open = await inCounty.inNotice(regionIds['880101']);
    ids.rootOpen = await new GrantsFixtures(orgRoot).inNotice(regionIds['88'], 'PROVINCE');
    ids.siblingOpen = await new GrantsFixtures(orgOut).inNotice(regionIds['880102']);
    ids.probation = await inCounty.inEffect(regionIds['880101']);
    ids.procedure = await inCounty.grant(regionIds['880101']);
    ids.closedNotice = await inCounty.grant(regionIds['880101']);
    // Its notice ended a month ago and it never took effect: still in NOTICE, but no longer open.
    await inCounty.record(ids.closedNotice, [
      ...appointmentSteps(-60),
      { step: 'NOTICE', date: dayFrom(-49), facts: { end: dayFrom(-35) } },
    ]);
  });
  afterAll(async () => server?.close());

  const listIds = async (client: ApiClient, filter: Record<string, unknown>) =>
    (await client.ok<ListAnswer>(LIST, { filter, n: 100 })).grants.edges.map((edge) => edge.node.id);

  it('lists the open notices that concern a citizen: of their region and the regions above it, not a sibling’s, not a closed one', async () => {
    const filter = { noticeOpen: true, noticeFor: regionIds['880101001'] };
    for (const client of [citizen, anonymous]) {
      const found = await listIds(client, filter);
      expect(found).toEqual(expect.arrayContaining([ids.open, ids.rootOpen]));
      for (const other of [ids.siblingOpen, ids.closedNotice, ids.probation, ids.procedure]) expect(found).not.toContain(other);
    }
    // Every open notice, wherever it is, without the region condition.
    expect(await listIds(citizen, { noticeOpen: true })).toEqual(expect.arrayContaining([ids.open, ids.rootOpen, ids.siblingOpen]));
    // A sibling county's residents are not concerned by Dongshan's notice, and do hear of the province's.
    const sibling = await listIds(citizen, { noticeOpen: true, noticeFor: regionIds['880102'] });
    expect(sibling).toEqual(expect.arrayContaining([ids.siblingOpen, ids.rootOpen]));
    expect(sibling).not.toContain(ids.open);
  });

  it('filters by status as derived from the records', async () => {
    const inNotice = await listIds(citizen, { status: 'NOTICE', regionId: regionIds['880101'] });
    expect(inNotice).toEqual(expect.arrayContaining([ids.open, ids.closedNotice]));
    expect(inNotice).not.toContain(ids.probation);
    expect(await listIds(citizen, { status: 'PROBATION', regionId: regionIds['880101'] })).toEqual([ids.probation]);
    const inProcedure = await listIds(citizen, { status: 'PROCEDURE', regionId: regionIds['880101'] });
    expect(inProcedure).toContain(ids.procedure);
    expect(inProcedure).not.toContain(ids.open);
    const { grants } = await citizen.ok<ListAnswer>(LIST, { filter: { status: 'IN_EFFECT', regionId: regionIds['880101'] }, n: 100 });
    expect(grants.edges.every((edge) => edge.node.status === 'IN_EFFECT')).toBe(true);
  });

  it('filters by the decision date, inclusive at both ends; a grant with no decision is in no period', async () => {
    // open: decided 10 days ago; probation and closedNotice: 50 days ago.
    const county = regionIds['880101'];
    const recent = await listIds(citizen, { regionId: county, decidedFrom: dayFrom(-10) });
    expect(recent).toContain(ids.open);
    for (const other of [ids.probation, ids.closedNotice, ids.procedure]) expect(recent).not.toContain(other);
    const older = await listIds(citizen, { regionId: county, decidedFrom: dayFrom(-50), decidedTo: dayFrom(-50) });
    expect(older).toEqual(expect.arrayContaining([ids.probation, ids.closedNotice]));
    expect(older).not.toContain(ids.open);
    expect(await listIds(citizen, { regionId: county, decidedTo: dayFrom(-51), method: 'APPOINTMENT' })).not.toContain(ids.probation);
  });

  it('refuses a period that is not a date, naming the field', async () => {
    const answer = await citizen.request(LIST, { filter: { decidedFrom: '2026-13-01' }, n: 5 });
    expect(answer.errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: { 'filter.decidedFrom': { reason: 'GRANT_NOT_A_DATE', params: { got: '2026-13-01' } } },
    });
  });

  it('issues as many statements for 1 filtered row as for many', async () => {
    const statements = statementCounter(server);
    const filter = { status: 'NOTICE', noticeOpen: true, noticeFor: regionIds['880101001'], decidedFrom: dayFrom(-400) };
    const measure = async (n: number) => {
      statements.reset();
      const { grants } = await citizen.ok<ListAnswer>(LIST, { filter, n });
      return { statements: statements.count, rows: grants.edges.length };
    };
    const one = await measure(1);
    const many = await measure(50);
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThanOrEqual(2);
    expect(many.statements).toBe(one.statements);
  });
});
