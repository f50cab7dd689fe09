import { jurisdictionList, type MatrixRows } from './matrix';

/** The audit module's operations: who may call each. */
export const AUDIT_MATRIX: MatrixRows = {
  'Query.auditEntries': { document: '{ auditEntries(first: 5) { totalCount } }', expect: jurisdictionList },
};
