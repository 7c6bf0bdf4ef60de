/** The JavaScript SHA-256, for pages without Web Crypto, against known digests and Node's crypto. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sha256HexOfBytes } from '../../src/validation/sha256.ts';
import { sha256Hex } from '../../src/validation/validate.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha256HexOfBytes', () => {
  it('gives the published digests', () => {
    expect(sha256HexOfBytes(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfBytes(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfBytes(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node for any text, across block boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256HexOfBytes(utf8(text))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sha256Hex', () => {
  it('still checks a text where Web Crypto is missing', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
