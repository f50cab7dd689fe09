import { CadresFixtures } from '../../support/cadres-fixtures';
import { ACTIVATE_VERDICT_SETTINGS, CREATE_VERDICT_SETTINGS, verdictSettingsInput } from '../../support/verdict-settings-fixtures';
import { everyone, jurisdictionChange, jurisdictionList, jurisdictionRecord, rootOnly, type Fixtures, type MatrixRows } from './matrix';

const fixturesOf = new WeakMap<Fixtures, CadresFixtures>();
const cadresOf = (f: Fixtures) => {
  const made = fixturesOf.get(f) ?? new CadresFixtures(f.orgIn);
  fixturesOf.set(f, made);
  return made;
};

/**
 * The appraisal module's operations: inspections, special audits and verdicts are the jurisdiction's
 * (recorded by its organization, read by it and its auditor); the verdict settings and their history are
 * public, and only the root organization writes and activates a version.
 */
export const APPRAISAL_MATRIX: MatrixRows = {
  'Query.inspections': { document: '{ inspections(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.specialAudits': { document: '{ specialAudits(first: 5) { totalCount } }', expect: jurisdictionList },
  'Mutation.recordInspection': {
    document: 'mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        termId: await cadresOf(f).heldTerm(f.dongshanId, '2024-01-01', '2029-01-01'),
        score: 80,
        findings: 'Sound',
        inspector: 'Team 1',
        inspectedOn: '2026-06-01',
      },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.recordSpecialAudit': {
    document: 'mutation ($input: RecordSpecialAuditInput!) { recordSpecialAudit(input: $input) { id } }',
    variables: async (f) => ({
      input: {
        termId: await cadresOf(f).heldTerm(f.dongshanId, '2024-01-01', '2029-01-01'),
        debtAtStart: 100,
        debtAtEnd: 120,
        irregularFunds: 0,
        showcaseSpending: 5,
        totalSpending: 900,
        findings: 0,
        auditBody: 'Audit Bureau',
        auditedOn: '2026-06-01',
      },
    }),
    expect: jurisdictionChange,
  },
  'Query.verdict': {
    document: 'query ($id: ID!) { verdict(termId: $id) { score } }',
    variables: async (f) => ({ id: await cadresOf(f).heldTerm(f.dongshanId, '2024-01-01', '2029-01-01') }),
    expect: jurisdictionRecord,
  },
  'Query.verdicts': {
    document: 'query ($ids: [ID!]!) { verdicts(termIds: $ids) { score } }',
    variables: async (f) => ({ ids: [await cadresOf(f).heldTerm(f.dongshanId, '2024-01-01', '2029-01-01')] }),
    expect: jurisdictionRecord,
  },
  'Query.verdictSettings': { document: '{ verdictSettings { version active } }', expect: everyone },
  'Query.verdictSettingsVersions': { document: '{ verdictSettingsVersions(first: 5) { totalCount } }', expect: everyone },
  'Mutation.createVerdictSettings': {
    document: CREATE_VERDICT_SETTINGS,
    variables: async () => ({ input: verdictSettingsInput() }),
    expect: rootOnly,
  },
  'Mutation.activateVerdictSettings': {
    document: ACTIVATE_VERDICT_SETTINGS,
    // A fresh draft for each caller: the root organization's activation leaves nothing for the next one to trip on.
    variables: async (f) => {
      const { createVerdictSettings } = await f.orgRoot.ok<{ createVerdictSettings: { id: string } }>(CREATE_VERDICT_SETTINGS, {
        input: verdictSettingsInput(),
      });
      return { id: createVerdictSettings.id };
    },
    expect: rootOnly,
  },
};
