import { everyone, uuid, type MatrixActor, type MatrixRows, type Outcome } from './matrix';

/** Recomputing the ledger from every record, private ones included: the auditors' work. */
const auditorsOnly: Record<MatrixActor, Outcome> = {
  orgRoot: 'FORBIDDEN',
  orgIn: 'FORBIDDEN',
  orgOut: 'FORBIDDEN',
  auditor: 'ALLOW',
  citizen: 'FORBIDDEN',
  token: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

/** The ledger's operations: its head, key and proofs are public; verification is the auditors'. */
export const LEDGER_MATRIX: MatrixRows = {
  'Query.ledgerPublicKey': { document: '{ ledgerPublicKey { keyId } }', expect: everyone },
  'Query.ledgerHead': { document: '{ ledgerHead { treeSize rootHash signature } }', expect: everyone },
  'Query.ledgerInclusionProof': {
    document: 'query ($recordId: ID) { ledgerInclusionProof(recordId: $recordId) { treeSize } }',
    variables: async () => ({ recordId: uuid() }),
    expect: everyone,
    absent: true,
  },
  'Query.ledgerConsistencyProof': { document: '{ ledgerConsistencyProof(fromSize: 0) { toSize proof } }', expect: everyone },
  'Query.verifyLedger': { document: '{ verifyLedger { valid checked } }', expect: auditorsOnly },
};
