import { graphql } from '../../app/graphql';

export const LedgerHeadQuery = graphql(`
  query LedgerHead {
    ledgerHead {
      treeSize
      rootHash
      timestamp
      signature
      keyId
    }
    ledgerPublicKey {
      algorithm
      keyId
      pem
    }
  }
`);

export const VerifyLedgerQuery = graphql(`
  query VerifyLedger($from: Int, $to: Int) {
    verifyLedger(from: $from, to: $to) {
      valid
      from
      to
      checked
      firstBroken {
        sequence
        reason
        recordType
        recordId
        message
      }
    }
  }
`);

export const LedgerInclusionProofQuery = graphql(`
  query LedgerInclusionProof($recordId: ID, $sequence: Int) {
    ledgerInclusionProof(recordId: $recordId, sequence: $sequence) {
      treeSize
      auditPath
      entry {
        sequence
        recordedAt
        recordType
        recordId
        payloadHash
        previousHash
        leafHash
        entryHash
      }
      head {
        treeSize
        rootHash
        timestamp
        signature
        keyId
      }
    }
  }
`);
