import { describe, expect, it } from 'vitest';
import type { RelayedMessage } from './board-relay.ts';
import { decodeEnvelope, encodeEnvelope } from './relay-codec.ts';

describe('relay envelope', () => {
  it('carries every kind of message with its sender and send time', () => {
    const messages: RelayedMessage[] = [
      { kind: 'update', payload: Uint8Array.of(1, 2, 3) },
      { kind: 'awareness', payload: Uint8Array.of(9) },
      { kind: 'hello' },
      { kind: 'here' },
      { kind: 'bye' },
      { kind: 'locked', locked: true },
      { kind: 'locked', locked: false },
      { kind: 'deleted' },
      { kind: 'rotated', link: 'view', tokenHash: 'abc123' },
    ];
    for (const message of messages) {
      const envelope = { sender: 'instance-é', sentAt: 1_700_000_000_123.25, message };
      expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
    }
  });

  it('ignores what is not an envelope (another program publishing on the channel)', () => {
    expect(decodeEnvelope(Buffer.from('hello'))).toBeUndefined();
    expect(decodeEnvelope(Buffer.alloc(10))).toBeUndefined();
    const truncated = encodeEnvelope({ sender: 'a-long-sender', sentAt: 1, message: { kind: 'hello' } });
    expect(decodeEnvelope(truncated.subarray(0, 12))).toBeUndefined();
    const badRotation = encodeEnvelope({
      sender: 'a',
      sentAt: 1,
      message: { kind: 'rotated', link: 'edit', tokenHash: 'x' },
    });
    badRotation.write('owner', 11);
    expect(decodeEnvelope(badRotation)).toBeUndefined();
  });
});
