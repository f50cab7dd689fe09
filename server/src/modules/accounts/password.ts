import { accounts } from '@massline/shared';
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';

/** OWASP's argon2id recommendation: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The password rules are shared with the console's forms. */
export const { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } = accounts;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verifying against this costs the same as against a real hash, so an unknown account answers as slowly. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** High-entropy secrets (session ids, API tokens) need no slow hash: SHA-256 cannot be reversed. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
