import graphql from '@graphql-eslint/eslint-plugin';

/**
 * The schema lint: the public API is a contract third parties build on, so the emitted schema.graphql
 * is held to graphql-eslint's schema rules (`npm run lint`). A new type, root field or argument without
 * a description fails here until it is described. Every exemption is below, with its reason.
 */

/** Our own rule: a lookup by id answers null (with NOT_FOUND or FORBIDDEN at its path), never nulls the whole response. */
const nullableLookups = {
  meta: {
    type: 'problem',
    docs: { description: 'Query fields that fetch by `id`/`ids` must be nullable (partial results)' },
    schema: [],
    messages: { nonNull: 'Query.{{name}} looks up by id: make it nullable, so one unknown or forbidden id does not null the response.' },
  },
  create(context) {
    return {
      'ObjectTypeDefinition[name.value="Query"] > FieldDefinition'(node) {
        const byId = (node.arguments ?? []).some((argument) => argument.name.value === 'id' || argument.name.value === 'ids');
        if (byId && node.gqlType.type === 'NonNullType') {
          // nodes(ids:) answers a list: the list is always there, its items are nullable.
          const items = node.gqlType.gqlType;
          if (node.name.value === 'nodes' && items.type === 'ListType' && items.gqlType.type !== 'NonNullType') return;
          context.report({ node: node.name, messageId: 'nonNull', data: { name: node.name.value } });
        }
      },
    };
  },
};

export const massline = { rules: { 'nullable-lookups': nullableLookups } };

export const schemaLintRules = {
  ...graphql.configs['flat/schema-recommended'].rules,
  ...graphql.configs['flat/schema-relay'].rules,
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      DirectiveDefinition: true,
      // Root fields (Query, Mutation). Not `rootField: true`: in 4.4.1 it builds /^(Query,Mutation)$/ (joined
      // with a comma), which matches no type when a schema has both; so: every field, minus non-root ones.
      FieldDefinition: true,
      // Arguments of root fields (Query/Mutation): what a third party passes.
      InputValueDefinition: true,
      ignoredSelectors: [
        // Fields of object types are described where their name does not say it all (units, ranges,
        // formats): the lint holds the types and the root fields, review holds the rest.
        'ObjectTypeDefinition[name.value!=/^(Query|Mutation)$/] > FieldDefinition',
        'InterfaceTypeDefinition > FieldDefinition',
        // Fields of input objects are described where their meaning is not their name (units, defaults,
        // formats); their types are described, so a bare `name: String!` in CreateRegionInput is allowed.
        'InputObjectTypeDefinition > InputValueDefinition',
        // Arguments of list fields are the paging and filter helpers, described once on their types
        // (PageInfo, *Filter, *Order): first/after/filter/orderBy mean the same on every connection.
        'FieldDefinition[gqlType.gqlType.name.value=/Connection$/] > InputValueDefinition',
      ],
    },
  ],
  '@graphql-eslint/strict-id-in-types': [
    'error',
    {
      acceptedIdNames: ['id'],
      acceptedIdTypes: ['ID'],
      exceptions: {
        // Pages and their rows' wrappers: a connection, an edge and the page info are not objects of their own.
        suffixes: ['Connection', 'Edge', 'Check', 'Result', 'Report', 'View', 'Interval'],
        // Values within another object (no identity of their own): they are refetched with their owner.
        types: [
          'PageInfo',
          'Viewer',
          'CreatedApiToken',
          'IndicatorScore',
          'ImportRowError',
          'StatisticalChecks',
          'RegionSummary',
          'RegionStatistics',
          'ObservationRevision',
          'LorenzFit',
          'AlertPeriodValue',
          // A verdict is computed on read for its term (refetched with verdict(termId)); its parts are values within it.
          'Verdict',
          'VerdictWeights',
          'AuditComponent',
          'AuditPenalties',
          'CriterionScore',
          'FlagThreshold',
          'FlagFigure',
          'MassEvaluationSource',
          // The ledger's statements and proofs: values computed for one question, signed or checkable as they are.
          'SignedTreeHead',
          'LedgerPublicKey',
          'LedgerInclusionProof',
          'LedgerConsistencyProof',
          'LedgerVerification',
          'LedgerBreak',
          // A grant's parts, refetched with their grant; a year of the calendar and its days.
          'GrantParticipation',
          'GrantStepVersion',
          'WorkingCalendar',
          'CalendarDay',
          // The one answer that carries an anonymous objection's receipt (shown once, never stored as such).
          'NewObjection',
          // Mechanism 2: a campaign's questions, counts and votes, a result's flags, and a receipt (shown once, never stored as such).
          'CampaignCriterion',
          'CampaignTurnout',
          'TermTurnout',
          'CampaignTermVote',
          'TendencyFlag',
          'BallotReceipt',
        ],
      },
    },
  ],
  // Every connection pages both ways (keyset cursors): first/after and last/before.
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
  // Lists that are not pages (an assessment's scores, a methodology's indicators, nodes(ids:)) are plain
  // lists by design: only connections have edges.
  // Every edge's node implements Node but AssessmentEdge's: an assessment is a computed figure keyed by
  // (methodology version, region, period), reached through assessments(filter:), not refetched by id.
  // global-ids.spec.ts holds the others to it, since this rule cannot except one type.
  '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
  'massline/nullable-lookups': 'error',
};
