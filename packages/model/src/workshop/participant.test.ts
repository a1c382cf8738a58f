import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isParticipantId, isParticipantSecret, participantIdOf, toBase64Url } from './participant.ts';

describe('participant ids', () => {
  it('are the salted SHA-256 of the secret, as Node computes it', () => {
    const secret = 'q1w2e3r4t5y6u7i8o9p0as';
    const expected = createHash('sha256')
      .update(`squall-participant:${secret}`)
      .digest('base64url')
      .slice(0, 22);
    expect(participantIdOf(secret)).toBe(expected);
    expect(isParticipantId(participantIdOf(secret))).toBe(true);
  });

  it('differ for different secrets', () => {
    expect(participantIdOf('a'.repeat(22))).not.toBe(participantIdOf('b'.repeat(22)));
  });

  it('encodes base64url like Node for every length', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) % 256);
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });

  it('accepts only secret-shaped secrets', () => {
    expect(isParticipantSecret('abcdefghijklmnopqrstuv')).toBe(true);
    expect(isParticipantSecret('short')).toBe(false);
    expect(isParticipantSecret('has spaces in it, sadly not ok')).toBe(false);
    expect(isParticipantSecret(42)).toBe(false);
  });
});
