import type { RelayedKind, RelayedMessage } from './board-relay.ts';

const KIND_CODES: Record<RelayedKind, number> = {
  update: 1,
  awareness: 2,
  hello: 3,
  locked: 4,
  deleted: 5,
  rotated: 6,
  here: 7,
  bye: 8,
};
const KINDS = Object.fromEntries(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind])) as Record<
  number,
  RelayedKind
>;

/** A relayed message as it travels: who sent it and when (for the lag metric), and the message. */
export interface RelayEnvelope {
  readonly sender: string;
  /** Epoch milliseconds (fractional) when it was published. */
  readonly sentAt: number;
  readonly message: RelayedMessage;
}

/** Now in epoch milliseconds with sub-millisecond precision. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

function payloadOf(message: RelayedMessage): Uint8Array {
  switch (message.kind) {
    case 'update':
    case 'awareness':
      return message.payload;
    case 'hello':
    case 'here':
    case 'bye':
    case 'deleted':
      return new Uint8Array(0);
    case 'locked':
      return Uint8Array.of(message.locked ? 1 : 0);
    case 'rotated':
      return Buffer.from(`${message.link}:${message.tokenHash}`);
  }
}

/** Layout: kind (1 byte), sentAt (float64), sender length (1 byte), sender (UTF-8), payload. */
export function encodeEnvelope(envelope: RelayEnvelope): Buffer {
  const sender = Buffer.from(envelope.sender);
  const payload = payloadOf(envelope.message);
  const out = Buffer.allocUnsafe(10 + sender.length + payload.byteLength);
  out[0] = KIND_CODES[envelope.message.kind];
  out.writeDoubleBE(envelope.sentAt, 1);
  out[9] = sender.length;
  sender.copy(out, 10);
  out.set(payload, 10 + sender.length);
  return out;
}

/** The envelope in `bytes`, or `undefined` when it is not one (another program on the channel). */
export function decodeEnvelope(bytes: Buffer): RelayEnvelope | undefined {
  if (bytes.length < 10) return undefined;
  const kind = KINDS[bytes[0]!];
  const senderEnd = 10 + bytes[9]!;
  if (!kind || bytes.length < senderEnd) return undefined;
  const sender = bytes.subarray(10, senderEnd).toString();
  const sentAt = bytes.readDoubleBE(1);
  const payload = new Uint8Array(bytes.subarray(senderEnd));
  const message = messageOf(kind, payload);
  return message && { sender, sentAt, message };
}

function messageOf(kind: RelayedKind, payload: Uint8Array): RelayedMessage | undefined {
  switch (kind) {
    case 'update':
    case 'awareness':
      return { kind, payload };
    case 'hello':
    case 'here':
    case 'bye':
    case 'deleted':
      return { kind };
    case 'locked':
      return { kind, locked: payload[0] === 1 };
    case 'rotated': {
      const [link, tokenHash] = Buffer.from(payload).toString().split(':');
      if ((link !== 'edit' && link !== 'view') || !tokenHash) return undefined;
      return { kind, link, tokenHash };
    }
  }
}
