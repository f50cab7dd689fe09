import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants, ledger } from '@massline/shared';
import { sql } from '../../server/src/common/sql';
import type { ApiClient, GraphQLAnswer } from '../support/api-client';
import { CadresFixtures } from '../support/cadres-fixtures';
import { appointmentSteps, dayFrom, GrantsFixtures } from '../support/grants-fixtures';
import { uuidOf } from '../support/global-id';
import { statementCounter } from '../support/statement-counter';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const GRANT_FIELDS = `id status method bodyName termYears
  steps { id step date facts corrected history { date facts reason } ledgerEntry { sequence entryHash } }
  objections { id filerName text upheld reasons }
  participation { entitled participants interviews objections upheld notUpheld unanswered }
  ending { reason endedOn decidedBy why }
  term { id startsOn endsOn endedOn endReason }
  ledgerEntry { sequence recordType payloadHash }`;

interface GrantView {
  id: string;
  status: string;
  steps: {
    id: string;
    step: string;
    date: string;
    facts: Record<string, unknown>;
    corrected: boolean;
    history: { reason: string | null }[];
  }[];
  objections: { id: string; filerName: string | null; text: string; upheld: boolean | null }[];
  participation: Record<string, number | null>;
  ending: { reason: string } | null;
  term: { id: string; startsOn: string; endsOn: string; endedOn: string | null; endReason: string | null } | null;
  ledgerEntry: { sequence: number; recordType: string } | null;
}

const CREATE = `mutation ($input: CreateGrantInput!) { createGrant(input: $input) { ${GRANT_FIELDS} } }`;
const STEP = `mutation ($input: RecordGrantStepInput!) { recordGrantStep(input: $input) { ${GRANT_FIELDS} } }`;

/** The problems of a refusal, by field. */
const problemsOf = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.problems;
const reasonOf = (answer: GraphQLAnswer<unknown>) => answer.errors[0]?.extensions?.reason;

/** Power grants through the API: both procedures, every refusal with its code and numbers, the ledger behind them. */
describe('power grants', () => {
  let server: TestServer;
  let org: ApiClient;
  let root: ApiClient;
  let citizen: ApiClient;
  let auditor: ApiClient;
  let fixtures: CadresFixtures;
  let dongshanId: string;

  beforeAll(async () => {
    server = await startTestServer();
    [org, root, citizen, auditor] = await Promise.all([
      server.as('orgIn'),
      server.as('orgRoot'),
      server.as('citizen'),
      server.as('auditor'),
    ]);
    fixtures = new CadresFixtures(org);
    dongshanId = await org.regionId('880101');
  });
  afterAll(async () => server?.close());

  const newGrant = async (method: 'APPOINTMENT' | 'ELECTION' = 'APPOINTMENT') => {
    const [cadreId, postId] = await Promise.all([fixtures.cadre(dongshanId), fixtures.post(dongshanId)]);
    const bodyKind = method === 'ELECTION' ? 'PEOPLES_CONGRESS' : 'PARTY_COMMITTEE';
    const { createGrant } = await org.ok<{ createGrant: GrantView }>(CREATE, {
      input: { postId, cadreId, method, bodyName: 'Dongshan County Committee', bodyKind, termYears: 5 },
    });
    return { grant: createGrant, cadreId, postId };
  };
  const step = (client: ApiClient, grantId: string, input: { step: string; date: string; facts: Record<string, unknown> }) =>
    client.request<{ recordGrantStep: GrantView }>(STEP, { input: { grantId, ...input } });
  const record = async (grantId: string, input: { step: string; date: string; facts: Record<string, unknown> }) => {
    const answer = await step(org, grantId, input);
    expect(answer.errors, `${input.step}: ${JSON.stringify(answer.errors)}`).toEqual([]);
    return answer.data!.recordGrantStep;
  };

  it('walks an appointment through every step: notice, an objection answered, taking effect creates the term, probation', async () => {
    const { grant, cadreId, postId } = await newGrant();
    expect(grant).toMatchObject({ status: 'PROCEDURE', steps: [], ledgerEntry: { recordType: 'Grant' } });
    for (const next of appointmentSteps(-20)) await record(grant.id, next);
    const noticed = await record(grant.id, { step: 'NOTICE', date: dayFrom(-1), facts: { end: dayFrom(20) } });
    expect(noticed.status).toBe('NOTICE');
    // Citizens of the region hear of it in-app, the notification leading to the grant.
    const { notifications } = await citizen.ok<{
      notifications: { edges: { node: { kind: string; subjectId: string; title: string } }[] };
    }>('{ notifications(first: 5) { edges { node { kind subjectId title } } } }');
    expect(notifications.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ kind: 'NOTICE_OPENED', subjectId: grant.id }),
    );

    const objection = await citizen.ok<{ fileObjection: { objection: { id: string; filerName: string } } }>(
      'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id filerName text } } }',
      { input: { grantId: grant.id, text: 'He did not attend the village hearings', evidence: 'Minutes of March', anonymous: false } },
    );
    expect(objection.fileObjection.objection.filerName).toContain('李明');

    const early = await step(org, grant.id, { step: 'TAKING_EFFECT', date: dayFrom(21), facts: {} });
    expect(early.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GRANT_OBJECTIONS_UNANSWERED' });
    expect(problemsOf(early)).toEqual({ step: { reason: 'OBJECTIONS_UNANSWERED', params: { unanswered: 1 } } });

    await org.ok('mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }', {
      input: {
        objectionId: objection.fileObjection.objection.id,
        upheld: false,
        reasons: 'He attended 9 of 10 hearings (minutes attached)',
      },
    });
    const again = await org.request('mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }', {
      input: { objectionId: objection.fileObjection.objection.id, upheld: true, reasons: 'Second thoughts' },
    });
    expect(reasonOf(again)).toBe('OBJECTION_ALREADY_ANSWERED');

    const beforeNoticeEnd = await step(org, grant.id, { step: 'TAKING_EFFECT', date: dayFrom(20), facts: {} });
    expect(problemsOf(beforeNoticeEnd)).toEqual({
      date: { reason: 'GRANT_DATE_BEFORE_PREVIOUS', params: { date: dayFrom(20), previous: dayFrom(20) } },
    });

    const effective = await record(grant.id, { step: 'TAKING_EFFECT', date: dayFrom(21), facts: {} });
    expect(effective.status).toBe('PROBATION');
    expect(effective.term).toMatchObject({ startsOn: dayFrom(21), endsOn: grants.addYears(dayFrom(21), 5), endedOn: null });
    expect(effective.participation).toEqual({
      entitled: 120,
      participants: 97,
      interviews: 42,
      objections: 1,
      upheld: 0,
      notUpheld: 1,
      unanswered: 0,
    });
    const [term] = await sql<{ grant_id: string; cadre_id: string; post_id: string }>(
      server.ownerOrm.em.fork(),
      'select grant_id, cadre_id, post_id from term where id = ?',
      [uuidOf(effective.term!.id)],
    );
    expect(term).toEqual({ grant_id: uuidOf(grant.id), cadre_id: uuidOf(cadreId), post_id: uuidOf(postId) });

    const tooEarly = await step(org, grant.id, { step: 'PROBATION_END', date: dayFrom(21 + 300), facts: { outcome: 'CONFIRMED' } });
    expect(reasonOf(tooEarly)).toBe('GRANT_RULE_BROKEN');
    const confirmed = await record(grant.id, {
      step: 'PROBATION_END',
      date: grants.probationEnd(dayFrom(21)),
      facts: { outcome: 'CONFIRMED' },
    });
    expect(confirmed.status).toBe('IN_EFFECT');
    expect(confirmed.steps.map((s) => s.step)).toEqual([...grants.GRANT_STEPS, 'PROBATION_END']);
  });

  it('walks an election and ends it by recall: the term ends with it, who decided and why kept', async () => {
    const { grant } = await newGrant('ELECTION');
    await record(grant.id, {
      step: 'MOTION',
      date: '2025-01-06',
      facts: { summary: 'The presidium nominates candidates for county head' },
    });
    await record(grant.id, {
      step: 'RECOMMENDATION',
      date: '2025-01-08',
      facts: {
        entitled: 300,
        participants: 260,
        posts: 1,
        candidates: [
          { name: '陈静', votes: 150 },
          { name: '周强', votes: 110 },
        ],
      },
    });
    await record(grant.id, {
      step: 'INSPECTION',
      date: '2025-01-15',
      facts: { interviews: 58, findings: 'No objection to either candidate' },
    });
    const majority = await step(org, grant.id, {
      step: 'DECISION',
      date: '2025-01-27',
      facts: {
        electors: 320,
        ballotsCast: 300,
        posts: 1,
        candidates: [
          { name: '陈静', votes: 150 },
          { name: '周强', votes: 150 },
        ],
        elected: '陈静',
      },
    });
    expect(problemsOf(majority)).toEqual({
      elected: { reason: 'WINNER_WITHOUT_MAJORITY', params: { elected: '陈静', votes: 150, ballotsCast: 300, required: 151 } },
    });
    await record(grant.id, {
      step: 'DECISION',
      date: '2025-01-27',
      facts: {
        electors: 320,
        ballotsCast: 300,
        posts: 1,
        candidates: [
          { name: '陈静', votes: 151 },
          { name: '周强', votes: 149 },
        ],
        elected: '陈静',
      },
    });
    await record(grant.id, { step: 'NOTICE', date: '2025-02-10', facts: { end: '2025-02-14' } });
    const effective = await record(grant.id, { step: 'TAKING_EFFECT', date: '2025-02-17', facts: {} });
    expect(effective.status).toBe('IN_EFFECT');
    const noProbation = await step(org, grant.id, { step: 'PROBATION_END', date: '2026-02-17', facts: { outcome: 'CONFIRMED' } });
    expect(reasonOf(noProbation)).toBe('GRANT_RULE_BROKEN');

    const END = `mutation ($input: EndGrantInput!) { endGrant(input: $input) { ${GRANT_FIELDS} } }`;
    const { endGrant } = await org.ok<{ endGrant: GrantView }>(END, {
      input: {
        grantId: grant.id,
        reason: 'RECALL',
        endedOn: '2025-06-30',
        decidedBy: 'Dongshan County People’s Congress',
        why: 'Recalled by 212 of 320 deputies',
      },
    });
    expect(endGrant).toMatchObject({ status: 'ENDED', ending: { reason: 'RECALL' }, term: { endedOn: '2025-06-30', endReason: 'RECALL' } });
    const twice = await org.request(END, {
      input: { grantId: grant.id, reason: 'RESIGNATION', endedOn: '2025-07-01', decidedBy: 'x', why: 'y' },
    });
    expect(reasonOf(twice)).toBe('GRANT_ENDED');
  });

  it('refuses steps out of order and facts that break a rule, with the rule and its numbers', async () => {
    const { grant } = await newGrant();
    const skipped = await step(org, grant.id, appointmentSteps(-60)[3]);
    expect(skipped.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GRANT_STEP_OUT_OF_ORDER' });
    expect(problemsOf(skipped)).toEqual({
      step: { reason: 'GRANT_STEP_MISSING', params: { step: 'DECISION', missing: 'MOTION, RECOMMENDATION, INSPECTION' } },
    });
    const [motion, recommendation, inspection] = appointmentSteps(-60);
    await record(grant.id, motion);
    const notCompetitive = await step(org, grant.id, {
      ...recommendation,
      facts: { entitled: 120, participants: 97, posts: 1, candidates: [{ name: '张伟', votes: 61 }] },
    });
    expect(notCompetitive.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRANT_RULE_BROKEN' });
    expect(problemsOf(notCompetitive)).toEqual({
      candidates: { reason: 'RECOMMENDATION_NOT_COMPETITIVE', params: { candidates: 1, posts: 1 } },
    });
    const backwards = await step(org, grant.id, { ...recommendation, date: dayFrom(-61) });
    expect(problemsOf(backwards)).toEqual({
      date: { reason: 'GRANT_DATE_BEFORE_PREVIOUS', params: { date: dayFrom(-61), previous: dayFrom(-60) } },
    });
    await record(grant.id, recommendation);
    await record(grant.id, inspection);
    const noQuorum = await step(org, grant.id, {
      step: 'DECISION',
      date: dayFrom(-50),
      facts: { members: 12, present: 7, votesFor: 7, votesAgainst: 0, abstentions: 0 },
    });
    expect(problemsOf(noQuorum)).toEqual({ present: { reason: 'QUORUM_NOT_MET', params: { present: 7, members: 12, required: 8 } } });
    const repeated = await step(org, grant.id, motion);
    expect(problemsOf(repeated)).toEqual({ step: { reason: 'GRANT_STEP_OUT_OF_ORDER', params: { step: 'MOTION', expected: 'DECISION' } } });
  });

  it('counts a notice in working days by the calendar the root organization keeps: 5 across a holiday with a make-up day, not 4', async () => {
    const CALENDAR =
      'mutation ($input: SetWorkingCalendarInput!) { setWorkingCalendar(input: $input) { year holidays { day } makeUpDays { day } } }';
    const holidays = ['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-04', '2031-10-05', '2031-10-06', '2031-10-07'].map((day) => ({
      day,
      note: 'National Day',
    }));
    const input = { year: 2031, holidays, makeUpDays: [{ day: '2031-09-28', note: 'National Day make-up' }] };
    const refused = await org.request(CALENDAR, { input });
    expect(refused.errors[0].extensions?.code).toBe('FORBIDDEN');
    const wrong = await root.request(CALENDAR, { input: { ...input, makeUpDays: [{ day: '2031-09-29', note: 'a Monday' }] } });
    expect(problemsOf(wrong)).toEqual({ 'makeUpDays.0': { reason: 'MAKE_UP_DAY_NOT_WEEKEND', params: { day: '2031-09-29' } } });
    await root.ok(CALENDAR, { input });

    const { grant } = await newGrant();
    const dates = ['2031-09-01', '2031-09-05', '2031-09-12', '2031-09-25'];
    for (const [i, next] of appointmentSteps(0).entries()) await record(grant.id, { ...next, date: dates[i] });
    const short = await step(org, grant.id, { step: 'NOTICE', date: '2031-09-26', facts: { end: '2031-10-07' } });
    expect(problemsOf(short)).toEqual({
      end: { reason: 'NOTICE_TOO_SHORT', params: { start: '2031-09-26', end: '2031-10-07', workingDays: 4, required: 5 } },
    });
    await record(grant.id, { step: 'NOTICE', date: '2031-09-26', facts: { end: '2031-10-08' } });

    // The demo years' official schedule is seeded: Spring Festival 2025 with its make-up Saturday.
    const { workingCalendar } = await citizen.ok<{ workingCalendar: { holidays: { day: string }[]; makeUpDays: { day: string }[] } }>(
      '{ workingCalendar(year: 2025) { holidays { day } makeUpDays { day } } }',
    );
    expect(workingCalendar.holidays).toHaveLength(28);
    expect(workingCalendar.makeUpDays.map((d) => d.day)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    const { grant: festive } = await newGrant();
    const early = ['2025-01-02', '2025-01-06', '2025-01-13', '2025-01-24'];
    for (const [i, next] of appointmentSteps(0).entries()) await record(festive.id, { ...next, date: early[i] });
    const overFestival = await step(org, festive.id, { step: 'NOTICE', date: '2025-01-27', facts: { end: '2025-02-07' } });
    expect(problemsOf(overFestival)).toMatchObject({ end: { reason: 'NOTICE_TOO_SHORT', params: { workingDays: 4 } } });
    await record(festive.id, { step: 'NOTICE', date: '2025-01-27', facts: { end: '2025-02-08' } });
  });

  it('stops a grant whose objection is upheld, and refuses objections from outside the region or outside the notice', async () => {
    const { grant } = await newGrant();
    for (const next of appointmentSteps(-20)) await record(grant.id, next);
    const OBJECT = 'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id filerName } } }';
    const closed = await citizen.request(OBJECT, { input: { grantId: grant.id, text: 'Too soon', anonymous: true } });
    expect(reasonOf(closed)).toBe('GRANT_NOTICE_NOT_OPEN');
    await record(grant.id, { step: 'NOTICE', date: dayFrom(0), facts: { end: dayFrom(14) } });

    await server.createUser({ email: 'xihe-resident@massline.test', role: 'CITIZEN', regionCode: '880102' });
    const outsider = await server.client().signIn('xihe-resident@massline.test', DEMO_PASSWORD);
    const outside = await outsider.request(OBJECT, { input: { grantId: grant.id, text: 'Not from here', anonymous: true } });
    expect(outside.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OBJECTION_OUTSIDE_REGION' });

    const {
      fileObjection: { objection: fileObjection },
    } = await citizen.ok<{ fileObjection: { objection: { id: string; filerName: string | null } } }>(OBJECT, {
      input: { grantId: grant.id, text: 'He was disciplined in 2023 and did not declare it', anonymous: true },
    });
    expect(fileObjection.filerName).toBeNull();
    const [stored] = await sql<{ filed_by: string | null }>(
      server.ownerOrm.em.fork(),
      'select filed_by from grant_objection where id = ?',
      [uuidOf(fileObjection.id)],
    );
    expect(stored.filed_by).toBeNull();
    await org.ok('mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }', {
      input: { objectionId: fileObjection.id, upheld: true, reasons: 'The record confirms it: the grant is stopped' },
    });
    const { grant: stopped } = await citizen.ok<{ grant: GrantView }>(`query ($id: ID!) { grant(id: $id) { ${GRANT_FIELDS} } }`, {
      id: grant.id,
    });
    expect(stopped).toMatchObject({ status: 'STOPPED', objections: [{ upheld: true }], participation: { objections: 1, upheld: 1 } });
    const after = await step(org, grant.id, { step: 'TAKING_EFFECT', date: dayFrom(15), facts: {} });
    expect(after.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GRANT_STOPPED' });
  });

  it('lets one of two steps recorded at once win; the other is a CONFLICT', async () => {
    const { grant } = await newGrant();
    const [motion] = appointmentSteps(-5);
    const answers = await Promise.all(Array.from({ length: 4 }, () => step(org, grant.id, motion)));
    expect(answers.filter((answer) => answer.errors.length === 0)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.errors.length > 0)) expect(answer.errors[0].extensions?.code).toBe('CONFLICT');
  });

  it('corrects a step by a new record with its reason: reads show the corrected facts and the history', async () => {
    const { grant } = await newGrant();
    const [motion, recommendation, inspection] = appointmentSteps(-30);
    await record(grant.id, motion);
    await record(grant.id, recommendation);
    const recorded = await record(grant.id, inspection);
    const inspected = recorded.steps.find((s) => s.step === 'INSPECTION')!;
    const { correctGrantStep } = await org.ok<{ correctGrantStep: GrantView }>(
      `mutation ($input: CorrectGrantStepInput!) { correctGrantStep(input: $input) { ${GRANT_FIELDS} } }`,
      {
        input: {
          stepId: inspected.id,
          date: inspected.date,
          facts: { interviews: 44, findings: 'Two more interviews found in the file' },
          reason: 'Miscounted',
        },
      },
    );
    const corrected = correctGrantStep.steps.find((s) => s.step === 'INSPECTION')!;
    expect(corrected).toMatchObject({ corrected: true, facts: { interviews: 44 } });
    expect(corrected.history.map((version) => version.reason)).toEqual([null, 'Miscounted']);
    expect(correctGrantStep.participation.interviews).toBe(44);
  });

  it('keeps every record append-only: UPDATE, DELETE and TRUNCATE refused even to the owner', async () => {
    const em = server.ownerOrm.em.fork();
    for (const table of ['power_grant', 'grant_step', 'grant_correction', 'grant_objection', 'grant_answer', 'grant_ending']) {
      for (const statement of [`update ${table} set id = id`, `delete from ${table}`, `truncate ${table} cascade`]) {
        await expect(sql(em, statement), statement).rejects.toThrow(/append-only/);
      }
    }
  });

  it('puts every record in the ledger: the auditor verifies it, finds a step altered behind its back, and anyone proves one record', async () => {
    const { grant } = await newGrant();
    const [motion] = appointmentSteps(-10);
    const recorded = await record(grant.id, motion);
    const VERIFY = '{ verifyLedger { valid checked firstBroken { sequence reason recordType recordId message } } }';
    expect((await auditor.ok<{ verifyLedger: { valid: boolean } }>(VERIFY)).verifyLedger.valid).toBe(true);

    const stepId = recorded.steps[0].id;
    const { ledgerInclusionProof: proof } = await server.client().ok<{
      ledgerInclusionProof: {
        treeSize: number;
        auditPath: string[];
        entry: ledger.LedgerEntryFields & { leafHash: string };
        head: { rootHash: string };
      };
    }>(
      `query ($id: ID!) { ledgerInclusionProof(recordId: $id) { treeSize auditPath entry { sequence recordedAt recordType recordId payloadHash previousHash leafHash }
         head { rootHash } } }`,
      { id: stepId },
    );
    expect(proof.entry.recordType).toBe('GrantStep');
    const leaf = ledger.entryLeafHash(grants.sha256, proof.entry);
    expect(
      grants.verifyInclusion(
        grants.sha256,
        proof.entry.sequence,
        proof.treeSize,
        leaf,
        proof.auditPath.map(grants.fromHex),
        grants.fromHex(proof.head.rootHash),
      ),
    ).toBe(true);

    const em = server.ownerOrm.em.fork();
    await sql(em, 'alter table grant_step disable trigger grant_step_append_only');
    await sql(em, `update grant_step set facts = jsonb_set(facts, '{summary}', '"A different motion"') where id = ?`, [stepId]);
    await sql(em, 'alter table grant_step enable trigger grant_step_append_only');
    const { verifyLedger } = await auditor.ok<{ verifyLedger: { valid: boolean; firstBroken: Record<string, unknown> } }>(VERIFY);
    expect(verifyLedger).toMatchObject({
      valid: false,
      firstBroken: { sequence: proof.entry.sequence, reason: 'RECORD_ALTERED', recordType: 'GrantStep', recordId: stepId },
    });
    const forbidden = await org.request(VERIFY);
    expect(forbidden.errors[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists grants with their steps, objections, participation, terms and ledger entries in as many statements for 1 as for many', async () => {
    const statements = statementCounter(server);
    for (let i = 0; i < 6; i++) await record((await newGrant()).grant.id, appointmentSteps(-5)[0]);
    // The newest, the one row of the first page, has every relation the query reads (a term among them).
    await new GrantsFixtures(org).inEffect(dongshanId);
    const LIST = `query ($n: Int!) { grants(first: $n) { totalCount edges { node { status steps { step ledgerEntry { sequence } } objections { upheld }
      participation { objections } ending { reason } term { startsOn } ledgerEntry { sequence } post { title } cadre { name } region { code } } } } }`;
    const measure = async (n: number) => {
      statements.reset();
      const { grants: page } = await citizen.ok<{ grants: { edges: { node: GrantView }[] } }>(LIST, { n });
      return { statements: statements.count, rows: page.edges.length };
    };
    const one = await measure(1);
    const many = await measure(50);
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThanOrEqual(6);
    expect(many.statements).toBe(one.statements);
  });
});
