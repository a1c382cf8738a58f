import { createElement } from '@squall/model';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { decodeClientMessage } from '../../src/sync/protocol.ts';

/** One frame a client could send: anything from noise to a well-formed update of a random document. */
export function frameArbitrary(): fc.Arbitrary<Uint8Array> {
  const bytes = fc.uint8Array({ maxLength: 96 });
  const wrap = (type: number, sub: number | undefined, payload: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    if (sub !== undefined) encoding.writeVarUint(encoder, sub);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  };
  const validUpdate = fc
    .record({
      texts: fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
      keys: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
      deleteFirst: fc.boolean(),
    })
    .map(({ texts, keys, deleteFirst }) => {
      const doc = new Y.Doc();
      for (const text of texts) {
        createElement(doc, { kind: 'domainEvent', text, position: { x: 0, y: 0 } }, 'fuzz');
      }
      for (const key of keys) doc.getMap('meta').set(key, key.length);
      if (deleteFirst) doc.getMap('elements').clear();
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return update;
    });
  const mutated = fc
    .tuple(
      validUpdate,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(),
    )
    .map(([update, flips, cut]) => {
      const copy = update.slice(0, update.length - (cut % Math.max(1, update.length)) / 4);
      for (const [at, value] of flips) if (copy.length > 0) copy[at % copy.length] = value;
      return copy;
    });
  const awarenessJson = fc
    .tuple(fc.nat(), fc.nat({ max: 100 }), fc.jsonValue())
    .map(([client, clock, state]) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state) ?? 'null');
      return encoding.toUint8Array(encoder);
    });
  return fc.oneof(
    bytes,
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), bytes)
      .map(([t, s, p]) => wrap(t, s, p)),
    fc
      .tuple(fc.constantFrom(1, 2), fc.oneof(validUpdate, mutated))
      .map(([step, update]) => wrap(0, step, update)),
    fc.oneof(awarenessJson, bytes).map((payload) => wrap(1, undefined, payload)),
    fc.constant(Uint8Array.of(3)),
  );
}

/** Sync step 1 with an empty state vector: the server always answers it with a sync step 2. */
const PROBE = Uint8Array.of(0, 0, 1, 0);

function isSyncStep1(frame: Uint8Array): boolean {
  try {
    return decodeClientMessage(frame).kind === 'syncStep1';
  } catch {
    return false;
  }
}

/**
 * Sends frames over one socket (a new one whenever the server closes it), each followed by a probe,
 * and waits for the probe's answer or the close: a frame that hangs the server fails after `timeoutMs`.
 */
export class FuzzConnection {
  private socket: WebSocket | undefined;
  private answers = 0;
  private expected = 0;
  private waiter: (() => void) | undefined;
  closes = 0;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(frame: Uint8Array): Promise<void> {
    const socket = await this.open();
    this.expected += isSyncStep1(frame) ? 2 : 1;
    socket.send(frame);
    if (socket.readyState === WebSocket.OPEN) socket.send(PROBE);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.waiter = () => {
        if (this.socket === socket && socket.readyState === WebSocket.OPEN && this.answers < this.expected)
          return;
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      this.waiter();
    });
  }

  close(): void {
    this.socket?.close();
  }

  private async open(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return this.socket;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.answers = 0;
    this.expected = 0;
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) this.answers++;
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closes++;
      this.waiter?.();
    });
    socket.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('close', (code) => reject(new Error(`could not open a fuzz socket (${code})`)));
    });
    return socket;
  }
}
