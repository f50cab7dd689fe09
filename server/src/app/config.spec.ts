import { describe, expect, it } from 'vitest';
import { derivedBallotSecret, loadConfig, resolveBallotSecret } from './config';

describe('the ballot secret', () => {
  const owner = 'postgres://owner:s3cret@127.0.0.1:5432/massline';

  it('is BALLOT_SECRET when set, and refuses a short one', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({}, { BALLOT_SECRET: secret }).ballotSecret).toBe(secret);
    expect(resolveBallotSecret(loadConfig({}, { BALLOT_SECRET: secret, DATABASE_URL: owner }), owner)).toBe(secret);
    expect(() => loadConfig({}, { BALLOT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('is required with an external database', () => {
    expect(() => resolveBallotSecret(loadConfig({}, { DATABASE_URL: owner }), owner)).toThrow(/BALLOT_SECRET is required/);
  });

  it("is derived from the embedded database owner's password in development, without revealing it", () => {
    const derived = resolveBallotSecret(loadConfig({}, {}), owner);
    expect(derived).toBe(derivedBallotSecret(owner));
    expect(derived).not.toContain('s3cret');
    expect(derived.length).toBeGreaterThanOrEqual(32);
    expect(derivedBallotSecret('postgres://owner:other@127.0.0.1:5432/massline')).not.toBe(derived);
  });
});
