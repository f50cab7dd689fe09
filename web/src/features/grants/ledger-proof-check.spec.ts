import { grants, ledger } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { checkInclusionProof, verificationChunks, type ProofToCheck } from './ledger-proof-check';

const entry = (sequence: number, previousHash: string): ledger.LedgerEntryFields => ({
  sequence,
  recordedAt: `2026-11-29T17:40:0${sequence}.000Z`,
  recordType: 'GrantStep',
  recordId: `00000000-0000-4000-8000-00000000000${sequence}`,
  payloadHash: grants.toHex(grants.sha256(new Uint8Array([sequence]))),
  previousHash,
});

const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** A ledger of five entries, signed like the server signs it, and the proof of entry 2. */
async function signedProof() {
  const entries = [entry(0, ledger.GENESIS_HASH)];
  for (let i = 1; i < 5; i++) entries.push(entry(i, ledger.entryHashOf(grants.sha256, entries[i - 1])));
  const leaves = entries.map((e) => ledger.entryLeafHash(grants.sha256, e));
  const auditPath = grants.inclusionProof(2, 5, (start, end) => grants.rootOf(grants.sha256, leaves, start, end));
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const head = { treeSize: 5, rootHash: grants.toHex(grants.rootOf(grants.sha256, leaves)), timestamp: '2026-11-29T18:00:00.000Z' };
  const signed = await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, new Uint8Array(ledger.treeHeadBytes(head)));
  const proof: ProofToCheck = {
    treeSize: 5,
    auditPath: auditPath.map(grants.toHex),
    entry: entries[2],
    head: { ...head, signature: base64(signed) },
  };
  const spki = await crypto.subtle.exportKey('spki', keys.publicKey);
  return { proof, pem: `-----BEGIN PUBLIC KEY-----\n${base64(spki)}\n-----END PUBLIC KEY-----\n` };
}

describe('checking an inclusion proof in the browser', () => {
  it('accepts a sound proof under a sound signature', async () => {
    const { proof, pem } = await signedProof();
    expect(await checkInclusionProof(proof, pem)).toEqual({ signatureValid: true, includedInRoot: true });
  });

  it('refuses an entry changed after the fact, and a head whose root was swapped', async () => {
    const { proof, pem } = await signedProof();
    const altered = { ...proof, entry: { ...proof.entry, recordType: 'Grant' } };
    expect(await checkInclusionProof(altered, pem)).toEqual({ signatureValid: true, includedInRoot: false });
    const swapped = { ...proof, head: { ...proof.head, rootHash: '00'.repeat(32) } };
    expect(await checkInclusionProof(swapped, pem)).toEqual({ signatureValid: false, includedInRoot: false });
  });

  it('splits a verification into ranges that cover it exactly', () => {
    expect(verificationChunks(0, 2500, 1000)).toEqual([
      { from: 0, to: 1000 },
      { from: 1000, to: 2000 },
      { from: 2000, to: 2500 },
    ]);
    expect(verificationChunks(10, 10, 1000)).toEqual([]);
  });
});
