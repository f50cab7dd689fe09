import { everyone, jurisdictionList, jurisdictionRecord, jurisdictionChange, rootOnly, unique, uuid, type MatrixRows } from './matrix';

/** Sensitivity runs are stored computations: organizations start and read their own; auditors only read records. */
const organizationsOnly = { ...jurisdictionList, auditor: 'FORBIDDEN' } as const;

/** The harmony module's operations: who may call each. */

export const HARMONY_MATRIX: MatrixRows = {
  'Query.indicators': { document: '{ indicators(first: 10) { totalCount } }', expect: everyone },
  'Query.methodologyVersions': { document: '{ methodologyVersions(first: 10) { totalCount } }', expect: everyone },
  'Query.methodologyVersion': { document: '{ methodologyVersion { version } }', expect: everyone },
  'Query.assessments': { document: '{ assessments(first: 5) { totalCount } }', expect: everyone },
  'Query.observations': { document: '{ observations(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.observationRevisions': {
    document: 'query ($id: ID!) { observationRevisions(observationId: $id) { value } }',
    variables: async (f) => {
      const [row] = await f.server.orm.em
        .fork()
        .getConnection()
        .execute<{ id: string }[]>(`select o.id from observation o join region r on r.id = o.region_id where r.code = '880101001' limit 1`);
      return { id: row.id };
    },
    expect: jurisdictionRecord,
  },
  'Query.observationsCsv': {
    document: '{ observationsCsv(filter: { period: "2026-Q3", indicatorCode: "GINI" }) }',
    expect: jurisdictionList,
  },
  'Query.statisticalChecks': { document: '{ statisticalChecks(period: "2026-Q2", level: COUNTY) { period } }', expect: jurisdictionList },
  'Query.alerts': { document: '{ alerts(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.sensitivityRun': {
    document: 'query ($id: ID!) { sensitivityRun(id: $id) { status } }',
    variables: async () => ({ id: uuid() }),
    absent: true,
    expect: organizationsOnly,
  },
  'Mutation.createIndicator': {
    document: 'mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { code } }',
    variables: async () => ({
      input: {
        code: `X_${unique().toUpperCase()}`,
        nameEn: 'Extra',
        nameZh: '附加',
        unitEn: '%',
        unitZh: '%',
        direction: 'HIGHER_IS_BETTER',
        rateBasis: 'PERCENT',
        goalpostLower: 0,
        goalpostUpper: 100,
      },
    }),
    expect: rootOnly,
  },
  'Mutation.recordObservation': {
    document: 'mutation ($input: RecordObservationInput!) { recordObservation(input: $input) { id } }',
    variables: async (f) => ({
      input: { regionId: f.dongshanTownshipId, period: '2026-Q3', indicatorCode: 'CADRE_TRUST', value: 80 + Math.random() * 10 },
    }),
    expect: jurisdictionChange,
  },
  'Mutation.importObservations': {
    document: 'mutation ($csv: String!) { importObservations(csv: $csv) { accepted } }',
    variables: async () => ({
      csv: `region_code,period,indicator,value\n880101001,2026-Q3,CADRE_TRUST,${(80 + Math.random() * 10).toFixed(2)}\n`,
    }),
    // The operation is open to every organization; rows outside the caller's jurisdiction are refused
    // in the report (nothing written) — see harmony-observations.spec.ts.
    expect: { ...jurisdictionChange, orgOut: 'ALLOW' },
  },
  'Mutation.computeGiniFromMicrodata': {
    document: 'mutation ($input: GiniFromMicrodataInput!) { computeGiniFromMicrodata(input: $input) { gini } }',
    variables: async (f) => ({ input: { regionId: f.dongshanTownshipId, period: '2026-Q3', csv: 'income\n10\n20\n30\n40\n' } }),
    expect: jurisdictionChange,
  },
  'Mutation.computeGiniFromShares': {
    document: 'mutation ($input: GiniFromSharesInput!) { computeGiniFromShares(input: $input) { gini } }',
    variables: async (f) => ({ input: { regionId: f.dongshanTownshipId, period: '2026-Q3', shares: [7, 12, 17, 23, 41] } }),
    expect: jurisdictionChange,
  },
  'Mutation.createMethodologyVersion': {
    document: 'mutation ($input: CreateMethodologyVersionInput!) { createMethodologyVersion(input: $input) { version } }',
    variables: async () => ({
      input: {
        name: `v ${unique()}`,
        aggregation: 'ARITHMETIC',
        indicators: [
          { code: 'GINI', weight: 0.5, normalization: 'GOALPOSTS' },
          { code: 'CADRE_TRUST', weight: 0.5, normalization: 'GOALPOSTS' },
        ],
      },
    }),
    expect: rootOnly,
  },
  'Mutation.activateMethodologyVersion': {
    document: 'mutation ($id: ID!) { activateMethodologyVersion(id: $id) { active } }',
    variables: async (f) => {
      const { methodologyVersions } = await f.orgRoot.ok<{ methodologyVersions: { edges: { node: { id: string; active: boolean } }[] } }>(
        '{ methodologyVersions(first: 100) { edges { node { id active } } } }',
      );
      return { id: methodologyVersions.edges.find((e) => !e.node.active)!.node.id };
    },
    expect: rootOnly,
  },
  'Mutation.recomputeAssessments': { document: 'mutation { recomputeAssessments(period: "2026-Q3") }', expect: rootOnly },
  'Mutation.publishAssessments': {
    document: 'mutation ($r: ID!) { publishAssessments(period: "2026-Q3", regionId: $r, note: "Recomputed") }',
    variables: async (f) => {
      // Something to publish for every actor tried: the working figures move on from any release (a revision).
      await f.server.orm.em.fork().getConnection().execute(`update assessment set coverage = coverage * 0.99 where period = '2026-Q3'`);
      return { r: f.dongshanId };
    },
    expect: jurisdictionChange,
  },
  'Mutation.acknowledgeAlert': {
    document: 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { status } }',
    variables: async (f) => ({ id: await f.openAlert() }),
    expect: jurisdictionChange,
  },
  'Mutation.resolveAlert': {
    document: 'mutation ($id: ID!) { resolveAlert(id: $id, note: "Visited; causes addressed") { status } }',
    variables: async (f) => ({ id: await f.openAlert() }),
    expect: jurisdictionChange,
  },
  'Mutation.acknowledgeAlerts': {
    document: 'mutation ($ids: [ID!]!) { acknowledgeAlerts(ids: $ids, note: "Seen") { status } }',
    variables: async (f) => ({ ids: [await f.openAlert(), await f.openAlert()] }),
    expect: jurisdictionChange,
  },
  'Mutation.resolveAlerts': {
    document: 'mutation ($ids: [ID!]!) { resolveAlerts(ids: $ids, note: "Visited; causes addressed") { status } }',
    variables: async (f) => ({ ids: [await f.openAlert(), await f.openAlert()] }),
    expect: jurisdictionChange,
  },
  // Each caller's own acknowledgement of a moment ago: what the undo allows (someone else's is a CONFLICT, see alert-runs.spec).
  'Mutation.undoAlertAcknowledgements': {
    document: 'mutation ($ids: [ID!]!) { undoAlertAcknowledgements(ids: $ids) { status } }',
    variables: async (f, actor) => ({ ids: [await f.acknowledgedAlert(actor)] }),
    expect: jurisdictionChange,
  },
  'Mutation.startSensitivityRun': {
    document: 'mutation ($r: ID!) { startSensitivityRun(input: { period: "2026-Q2", parentId: $r, runs: 50 }) { id } }',
    variables: async (f) => ({ r: f.dongshanId }),
    expect: organizationsOnly,
  },
};
