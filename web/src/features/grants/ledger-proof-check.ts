import { grants, ledger } from '@massline/shared';

export interface ProofToCheck {
  treeSize: number;
  auditPath: readonly string[];
  entry: ledger.LedgerEntryFields;
  head: { treeSize: number; rootHash: string; timestamp: string; signature: string };
}

/** What the browser found checking a proof by itself: the signature of the head, and the entry's path to its root. */
export interface ProofCheck {
  signatureValid: boolean;
  includedInRoot: boolean;
}

const base64Bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The DER bytes of a PEM block (SubjectPublicKeyInfo). */
export const pemBytes = (pem: string) => base64Bytes(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));

/**
 * Checks an inclusion proof without trusting the server: the entry's leaf recomputed from its fields
 * (shared's encoding and SHA-256), walked up the audit path to the signed root (RFC 9162), and the head's
 * Ed25519 signature checked with WebCrypto against the published key.
 */
export async function checkInclusionProof(
  proof: ProofToCheck,
  publicKeyPem: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<ProofCheck> {
  const leaf = ledger.entryLeafHash(grants.sha256, proof.entry);
  const includedInRoot =
    proof.head.treeSize === proof.treeSize &&
    grants.verifyInclusion(
      grants.sha256,
      proof.entry.sequence,
      proof.treeSize,
      leaf,
      proof.auditPath.map((hex) => grants.fromHex(hex)),
      grants.fromHex(proof.head.rootHash),
    );
  const key = await subtle.importKey('spki', pemBytes(publicKeyPem), { name: 'Ed25519' }, false, ['verify']);
  const signatureValid = await subtle.verify(
    { name: 'Ed25519' },
    key,
    base64Bytes(proof.head.signature),
    new Uint8Array(ledger.treeHeadBytes(proof.head)),
  );
  return { signatureValid, includedInRoot };
}

/** The ranges a verification of `[from, to)` runs in, `chunk` entries each, so that a long chain shows progress. */
export function verificationChunks(from: number, to: number, chunk: number): { from: number; to: number }[] {
  const chunks: { from: number; to: number }[] = [];
  for (let start = from; start < to; start += chunk) chunks.push({ from: start, to: Math.min(to, start + chunk) });
  return chunks;
}
