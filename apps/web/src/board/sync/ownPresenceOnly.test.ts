import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from './ownPresenceOnly.ts';

const MESSAGE_AWARENESS = 1;

/** Stands in for the browser's WebSocket: records what the provider sends, receives what the test says. */
class RecordingSocket {
  static last: RecordingSocket | undefined;
  readonly sent: Uint8Array[] = [];
  binaryType = 'arraybuffer';
  readonly OPEN = 1;
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    RecordingSocket.last = this;
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {}
}

/** The awareness messages among `sent`, as the client ids each one carries. */
function awarenessClients(sent: readonly Uint8Array[]): number[][] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return [];
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const clients: number[] = [];
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      clients.push(decoding.readVarUint(update));
      decoding.readVarUint(update);
      decoding.readVarString(update);
    }
    return [clients];
  });
}

/** A peer's cursor, as the server relays it. */
function peerCursorMessage(): ArrayBuffer {
  const peer = new Awareness(new Y.Doc());
  peer.setLocalStateField('cursor', { x: 1, y: 2 });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(peer, [peer.clientID]));
  const message = encoding.toUint8Array(encoder);
  return message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength) as ArrayBuffer;
}

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

function openProvider(): { provider: WebsocketProvider; socket: RecordingSocket } {
  const provider = new WebsocketProvider('ws://example.test/sync', 'board', new Y.Doc(), {
    disableBc: true,
    WebSocketPolyfill: RecordingSocket as unknown as typeof WebSocket,
  });
  providers.push(provider);
  const socket = RecordingSocket.last!;
  socket.onopen?.();
  provider.awareness.setLocalStateField('cursor', { x: 0, y: 0 });
  return { provider, socket };
}

describe('sendOwnPresenceOnly', () => {
  it('stock y-websocket sends a peer’s presence back to the server', () => {
    const { socket } = openProvider();
    const before = socket.sent.length;
    socket.onmessage?.({ data: peerCursorMessage() });
    expect(awarenessClients(socket.sent.slice(before))).toHaveLength(1);
  });

  it('sends this browser’s presence, and nothing when a peer’s arrives', () => {
    const { provider, socket } = openProvider();
    sendOwnPresenceOnly(provider);
    const before = socket.sent.length;
    socket.onmessage?.({ data: peerCursorMessage() });
    expect(provider.awareness.getStates().size).toBe(2);
    expect(awarenessClients(socket.sent.slice(before))).toEqual([]);
    provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    expect(awarenessClients(socket.sent.slice(before))).toEqual([[provider.doc.clientID]]);
  });

  it('leaves nothing behind when the provider is destroyed', () => {
    const { provider } = openProvider();
    sendOwnPresenceOnly(provider);
    provider.destroy();
    expect(provider.awareness._observers.get('update')?.size ?? 0).toBe(0);
  });
});
