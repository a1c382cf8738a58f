import { afterEach, describe, expect, it } from 'vitest';
import { socketHeldUntil } from './heldSocket.ts';

/** Stands in for the browser's WebSocket: a bare EventTarget the test can make receive messages. */
class FakeSocket extends EventTarget {
  constructor(
    readonly url: string | URL,
    readonly protocols?: string | string[],
  ) {
    super();
  }
  receive(data: string) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const realWebSocket = globalThis.WebSocket;
afterEach(() => {
  globalThis.WebSocket = realWebSocket;
});

function heldClass(release: Promise<unknown>) {
  globalThis.WebSocket = FakeSocket as unknown as typeof WebSocket;
  return socketHeldUntil(release) as unknown as new (
    url: string,
  ) => FakeSocket & WebSocket;
}

describe('socketHeldUntil', () => {
  it('holds messages until the release, then delivers them in order, and later ones at once', async () => {
    let release = () => {};
    const Held = heldClass(new Promise<void>((resolve) => (release = resolve)));
    const socket = new Held('ws://example.test/sync');
    const seen: string[] = [];
    socket.onmessage = (event) => seen.push(String(event.data));
    socket.receive('one');
    socket.receive('two');
    await Promise.resolve();
    expect(seen).toEqual([]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['one', 'two']);
    socket.receive('three');
    expect(seen).toEqual(['one', 'two', 'three']);
    // A socket made after the release (a reconnect) holds nothing.
    const again = new Held('ws://example.test/sync');
    again.onmessage = (event) => seen.push(`again ${String(event.data)}`);
    again.receive('four');
    expect(seen.at(-1)).toBe('again four');
  });

  it('releases when the promise fails too', async () => {
    const Held = heldClass(Promise.reject(new Error('no picture')));
    const socket = new Held('ws://example.test/sync');
    const seen: string[] = [];
    socket.onmessage = (event) => seen.push(String(event.data));
    socket.receive('one');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['one']);
  });
});
