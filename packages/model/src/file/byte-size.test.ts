import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatByteSize, utf8ByteLength } from './byte-size.ts';

describe('formatByteSize', () => {
  it('names binary units as such and always gives the exact byte count', () => {
    expect(formatByteSize(0)).toBe('0 bytes');
    expect(formatByteSize(1_000)).toBe('1,000 bytes');
    expect(formatByteSize(20 * 1024 * 1024)).toBe('20 MiB (20,971,520 bytes)');
    expect(formatByteSize(20 * 1024 * 1024 + 1)).toBe('20.0 MiB (20,971,521 bytes)');
    // The "52.4 MB" file: 52,400,000 bytes are 49.97 MiB.
    expect(formatByteSize(52_400_000)).toBe('50.0 MiB (52,400,000 bytes)');
    expect(formatByteSize(600 * 1024 * 1024)).toBe('600 MiB (629,145,600 bytes)');
  });
});

/** Any code points, and lone surrogates (two of them may pair up). */
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    ),
    { maxLength: 30 },
  )
  .map((chars) => chars.join(''));

describe('utf8ByteLength', () => {
  it('agrees with TextEncoder for any text, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(anyText, (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).byteLength);
      }),
      { seed: 17, numRuns: 2_000 },
    );
    expect(utf8ByteLength('한🚀é a')).toBe(3 + 4 + 2 + 1 + 1);
    expect(utf8ByteLength('\ud83d')).toBe(3);
  });
});
