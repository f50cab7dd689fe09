import { jurisdictionList, type MatrixRows } from './matrix';

/** The security log: the auditors of a jurisdiction, nobody else (the organizations' own staff are in it). */
const auditorsOnly = { ...jurisdictionList, orgRoot: 'FORBIDDEN', orgIn: 'FORBIDDEN', orgOut: 'FORBIDDEN' } as const;

/** The audit module's operations: who may call each. */
export const AUDIT_MATRIX: MatrixRows = {
  'Query.auditEntries': { document: '{ auditEntries(first: 5) { totalCount } }', expect: jurisdictionList },
  'Query.securityEvents': { document: '{ securityEvents(first: 5) { totalCount } }', expect: auditorsOnly },
};
