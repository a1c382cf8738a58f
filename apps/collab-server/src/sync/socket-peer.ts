import type { Writable } from 'node:stream';
import { WebSocket } from 'ws';
import type { Metrics } from '../metrics.ts';
import type { Peer } from '../rooms/peer.ts';
import { CloseCode } from './close-codes.ts';

const MAX_REASON_BYTES = 123;
const CLOSE_HANDSHAKE_MS = 2_000;

/** Close reasons are limited to 123 bytes by the protocol (`ws` throws beyond that). */
export function closeReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > MAX_REASON_BYTES) text = text.slice(0, -1);
  return text;
}

/**
 * A room's view of a `ws` socket: sends are dropped once closing, and a client that reads too slowly is
 * cut off. What is sent to it in one turn of the event loop (a batch of committed updates, a presence
 * tick) leaves in one write: with thousands of frames a second, a system call per frame is most of the
 * server's time.
 */
export class SocketPeer implements Peer {
  closed = false;
  readonly readOnly: boolean;
  readonly tokenHash: string | undefined;
  private corked = false;
  private readonly uncork = () => {
    this.corked = false;
    this.transport.uncork();
  };

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    /** The upgraded connection under `socket`. */
    private readonly transport: Pick<Writable, 'cork' | 'uncork'>,
    private readonly metrics: Metrics,
    private readonly maxBufferedBytes: number,
    access: { readOnly: boolean; tokenHash?: string | undefined } = { readOnly: false },
  ) {
    this.readOnly = access.readOnly;
    this.tokenHash = access.tokenHash;
  }

  send(message: Uint8Array, onSent?: () => void): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.metrics.rejected.inc({ reason: 'tooSlow' });
      this.close(CloseCode.tooSlow, `too slow: more than ${this.maxBufferedBytes} bytes waiting to be sent`);
      return;
    }
    if (!this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(this.uncork);
    }
    this.socket.send(message, onSent && (() => onSent()));
    this.metrics.messagesOut.inc();
    this.metrics.bytesOut.inc(message.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, closeReason(reason));
    // A client that does not answer the close handshake (or cannot: it stopped reading) is cut off.
    setTimeout(() => this.socket.terminate(), CLOSE_HANDSHAKE_MS).unref();
  }
}
