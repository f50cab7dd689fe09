import { appointmentSteps, dayFrom, GrantsFixtures } from '../../support/grants-fixtures';
import { everyone, jurisdictionChange, rootOnly, type Fixtures, type MatrixActor, type MatrixRows, type Outcome } from './matrix';

const fixturesOf = new WeakMap<Fixtures, GrantsFixtures>();
const grantsOf = (f: Fixtures) => {
  const made = fixturesOf.get(f) ?? new GrantsFixtures(f.orgIn);
  fixturesOf.set(f, made);
  return made;
};

/** Fixtures made once per run and shared by the rows that may reuse them (a refused caller changes nothing). */
const shared = new WeakMap<Fixtures, Map<string, Promise<string>>>();
const once = (f: Fixtures, key: string, make: () => Promise<string>): Promise<string> => {
  const made = shared.get(f) ?? new Map<string, Promise<string>>();
  shared.set(f, made);
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
};
/** Only the callers allowed to change a grant need one of their own; the others are refused before anything changes. */
const mayChange = (actor: MatrixActor) => actor === 'orgIn' || actor === 'orgRoot';

/** Citizens object (the service then checks the notice, the region and the verification); nobody else does. */
const citizensOnly: Record<MatrixActor, Outcome> = {
  orgRoot: 'FORBIDDEN',
  orgIn: 'FORBIDDEN',
  orgOut: 'FORBIDDEN',
  auditor: 'FORBIDDEN',
  citizen: 'ALLOW',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

/** The grants module's operations: the records are public; Dongshan's organization (or the root's) records them; citizens object. */
export const GRANTS_MATRIX: MatrixRows = {
  'Query.grants': { document: '{ grants(first: 5) { totalCount edges { node { status method steps { step } } } } }', expect: everyone },
  'Query.grant': {
    document: 'query ($id: ID!) { grant(id: $id) { status participation { objections } ledgerEntry { sequence } } }',
    variables: async (f) => ({ id: await once(f, 'grant', () => grantsOf(f).grant(f.dongshanId)) }),
    expect: everyone,
  },
  'Query.workingCalendar': { document: '{ workingCalendar(year: 2026) { year holidays { day note } } }', expect: everyone },
  'Mutation.createGrant': {
    document: 'mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }',
    variables: async (f) => {
      const id = await once(f, 'grant', () => grantsOf(f).grant(f.dongshanId));
      const { grant } = await f.orgIn.ok<{ grant: { post: { id: string }; cadre: { id: string } } }>(
        'query ($id: ID!) { grant(id: $id) { post { id } cadre { id } } }',
        { id },
      );
      return {
        input: {
          postId: grant.post.id,
          cadreId: grant.cadre.id,
          method: 'APPOINTMENT',
          bodyName: 'Committee',
          bodyKind: 'PARTY_COMMITTEE',
          termYears: 3,
        },
      };
    },
    expect: jurisdictionChange,
  },
  'Mutation.recordGrantStep': {
    document: 'mutation ($input: RecordGrantStepInput!) { recordGrantStep(input: $input) { id } }',
    variables: async (f, actor) => ({
      input: {
        grantId: mayChange(actor) ? await grantsOf(f).grant(f.dongshanId) : await once(f, 'grant', () => grantsOf(f).grant(f.dongshanId)),
        ...appointmentSteps(-5)[0],
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.correctGrantStep': {
    document: 'mutation ($input: CorrectGrantStepInput!) { correctGrantStep(input: $input) { id } }',
    variables: async (f) => {
      const grants = grantsOf(f);
      // Corrections may follow one another: one motion serves every caller.
      const stepId = await once(
        f,
        'motion',
        async () => (await grants.record(await grants.grant(f.dongshanId), [appointmentSteps(-5)[0]]))[0],
      );
      return { input: { stepId, date: dayFrom(-5), facts: { summary: 'The motion as minuted' }, reason: 'Wording' } };
    },
    expect: jurisdictionChange,
  },
  'Mutation.fileObjection': {
    document: 'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }',
    variables: async (f) => ({
      input: { grantId: await once(f, 'notice', () => grantsOf(f).inNotice(f.dongshanId)), text: 'An objection', anonymous: true },
    }),
    expect: citizensOnly,
  },
  'Query.myObjections': {
    document: '{ myObjections(first: 5) { totalCount edges { node { id upheld grant { status } } } } }',
    expect: citizensOnly,
  },
  'Query.objectionByReceipt': {
    document: '{ objectionByReceipt(receipt: "0000-0000-0000-0000-0000") { id upheld } }',
    expect: everyone,
  },
  'Mutation.answerObjection': {
    document: 'mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id } }',
    variables: async (f, actor) => {
      const object = async () => {
        const grantId = await once(f, 'notice', () => grantsOf(f).inNotice(f.dongshanId));
        const citizen = await f.server.as('citizen');
        const { fileObjection } = await citizen.ok<{ fileObjection: { objection: { id: string } } }>(
          'mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }',
          { input: { grantId, text: 'An objection', anonymous: false } },
        );
        return fileObjection.objection.id;
      };
      const objectionId = mayChange(actor) ? await object() : await once(f, 'objection', object);
      return { input: { objectionId, upheld: false, reasons: 'Looked into: unfounded' } };
    },
    expect: jurisdictionChange,
  },
  'Mutation.endGrant': {
    document: 'mutation ($input: EndGrantInput!) { endGrant(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        grantId: await grantsOf(f).inEffect(f.dongshanId),
        reason: 'RESIGNATION',
        endedOn: dayFrom(0),
        decidedBy: 'The cadre',
        why: 'Health',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.setWorkingCalendar': {
    document: 'mutation ($input: SetWorkingCalendarInput!) { setWorkingCalendar(input: $input) { year } }',
    variables: async () => ({ input: { year: 2035, holidays: [{ day: '2035-10-01', note: 'National Day' }], makeUpDays: [] } }),
    expect: rootOnly,
  },
};
