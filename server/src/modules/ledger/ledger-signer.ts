import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ledger, type grants } from '@massline/shared';

type TreeHead = ledger.TreeHead;

/** A tree head as the platform signs it: Ed25519 over `treeHeadBytes` (docs/ledger.md). */
export interface SignedTreeHead extends TreeHead {
  /** The signature, base64. */
  signature: string;
  /** SHA-256 of the public key (SubjectPublicKeyInfo, DER), hexadecimal: which key signed. */
  keyId: string;
}

/**
 * The ledger's signing key: Ed25519, generated on first use (at start: main.ts asks for the public key)
 * and kept in a PKCS#8 PEM file beside the data (`LEDGER_KEY_FILE`; app/config.ts says where by default).
 * Created with O_EXCL, so two servers starting at once on one file end up with the same key. Losing the
 * file does not break the ledger, only the signatures of later heads come from another key: keep it with
 * the backups of the database.
 */
export class LedgerSigner {
  private key: { private: KeyObject; public: KeyObject; keyId: string; pem: string } | null = null;

  constructor(private readonly keyFile: string | null) {}

  private load() {
    if (this.key) return this.key;
    if (!this.keyFile) throw new Error('LEDGER_KEY_FILE must be set when the database is not the embedded one (DATABASE_URL)');
    let pem: string;
    try {
      pem = fs.readFileSync(this.keyFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const { privateKey } = generateKeyPairSync('ed25519');
      fs.mkdirSync(path.dirname(this.keyFile), { recursive: true });
      try {
        fs.writeFileSync(this.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
      } catch (raced) {
        if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      }
      pem = fs.readFileSync(this.keyFile, 'utf8');
    }
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    this.key = {
      private: privateKey,
      public: publicKey,
      keyId: createHash('sha256').update(der).digest('hex'),
      pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    return this.key;
  }

  /** The public key (SubjectPublicKeyInfo PEM) and its id: all an auditor needs to check a head. */
  publicKey(): { pem: string; keyId: string } {
    const { pem, keyId } = this.load();
    return { pem, keyId };
  }

  sign(head: TreeHead): SignedTreeHead {
    const key = this.load();
    const signature = sign(null, ledger.treeHeadBytes(head), key.private).toString('base64');
    return { ...head, signature, keyId: key.keyId };
  }
}

/** SHA-256 by node:crypto: the same function as shared's portable one, faster on the server. */
export const nodeSha256: grants.HashFunction = (data) => {
  // One-shot hashing (no Hash object per call), answered as a one-byte string copied into a buffer: twice
  // as fast as node:crypto's own buffer answer (Node 20), and the verifier makes a tree node per entry.
  const digest = Buffer.from(hash('sha256', data, 'binary'), 'latin1');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
};

/** `String.prototype.isWellFormed` (ES2024: Node 20 has it, the project's lib is ES2023). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * SHA-256 of a text's UTF-8 (`ledger.utf8`), hexadecimal. node:crypto encodes a string as UTF-8 itself,
 * without a copy into a Uint8Array, and answers hex natively: the verifier hashes each entry twice and each
 * payload once. Only a lone surrogate would be encoded differently (U+FFFD by node:crypto, its 3-byte code
 * by `utf8`): such a text goes through `utf8`, so the bytes hashed are always the canonical ones.
 */
export function sha256HexOfText(text: string): string {
  return isWellFormed(text) ? hash('sha256', text, 'hex') : hash('sha256', ledger.utf8(text), 'hex');
}
