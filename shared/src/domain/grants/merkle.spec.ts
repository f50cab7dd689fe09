import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, leafHash, rootOf, verifyConsistency, verifyInclusion } from './merkle';
import { fromHex, sha256, toHex } from './sha256';

/** ASCII text as bytes (the vectors are ASCII). */
const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('SHA-256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(toHex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('reads and writes hex', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('0g')).toThrow(RangeError);
  });
});

/** The test leaves of Certificate Transparency's reference implementation, with their published roots. */
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the Merkle tree (RFC 9162)', () => {
  const leaves = CT_LEAVES.map((entry) => leafHash(sha256, entry));

  it('gives the reference roots for 1 to 8 leaves', () => {
    for (let size = 1; size <= 8; size++) expect(toHex(rootOf(sha256, leaves.slice(0, size))), `size ${size}`).toBe(CT_ROOTS[size - 1]);
    expect(toHex(rootOf(sha256, []))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  const many = Array.from({ length: 40 }, (_, i) => leafHash(sha256, Uint8Array.of(i, i * 7)));
  const subtree = (start: number, end: number) => rootOf(sha256, many, start, end);

  it('proves the inclusion of every leaf of every tree up to 40, and nothing else', () => {
    for (let size = 1; size <= 40; size++) {
      const root = rootOf(sha256, many.slice(0, size));
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, subtree);
        expect(verifyInclusion(sha256, index, size, many[index], proof, root), `${index} of ${size}`).toBe(true);
        expect(verifyInclusion(sha256, index, size, many[(index + 1) % 40], proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(sha256, (index + 1) % size, size, many[index], proof, root)).toBe(false);
      }
    }
    expect(() => inclusionProof(3, 3, subtree)).toThrow(RangeError);
  });

  it('proves that every tree up to 40 extends every smaller one, and refuses a forged history', () => {
    for (let second = 1; second <= 40; second++) {
      const secondRoot = rootOf(sha256, many.slice(0, second));
      for (let first = 1; first <= second; first++) {
        const firstRoot = rootOf(sha256, many.slice(0, first));
        const proof = consistencyProof(first, second, subtree);
        expect(verifyConsistency(sha256, first, second, firstRoot, secondRoot, proof), `${first} → ${second}`).toBe(true);
        if (first < second) {
          const forged = rootOf(sha256, [...many.slice(0, first - 1), many[39]]);
          expect(verifyConsistency(sha256, first, second, forged, secondRoot, proof), `forged ${first} → ${second}`).toBe(false);
        }
      }
    }
  });
});
