/**
 * What each browser uploads in a busy workshop: 50 people on one board, each moving a pointer 20 times
 * a second, as real y-websocket clients in this process, through the collab server on loopback. Once
 * with stock y-websocket, which sends back to the server every peer's presence it receives, and once
 * connected as the web app connects (`sendOwnPresenceOnly`): side by side, in one run.
 *
 *   npm run bench -w @squall/web     (BENCH_SECONDS=5 timed seconds per client kind)
 */
import { fileURLToPath } from 'node:url';
import type { PresenceState } from '@squall/model';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from '../src/board/sync/ownPresenceOnly.ts';
import { startServer } from './startServer.ts';

const PEOPLE = 50;
const CURSOR_HZ = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const serverEntry = fileURLToPath(new URL('../../collab-server/dist/main.js', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));

/** Bytes and messages every client of a run has sent. */
const sent = { bytes: 0, messages: 0 };
class CountingSocket extends WebSocket {
  override send(data: Uint8Array, ...rest: unknown[]): void {
    sent.bytes += data.byteLength;
    sent.messages++;
    (super.send as (data: Uint8Array, ...rest: unknown[]) => void)(data, ...rest);
  }
}

async function measure(url: string, ownPresenceOnly: boolean) {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', body: '{"name":"presence upload"}' });
  const board = (await response.json()) as { id: string; editToken: string };
  const people = await Promise.all(
    Array.from({ length: PEOPLE }, async () => {
      const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, board.id, new Y.Doc(), {
        disableBc: true,
        params: { token: board.editToken },
        WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
      });
      if (ownPresenceOnly) sendOwnPresenceOnly(provider);
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      return provider;
    }),
  );
  const presence = (index: number, tick: number): PresenceState => ({
    user: { name: `Person ${index}`, color: '#3b82f6' },
    cursor: { x: 400 * Math.sin(tick / 10), y: 300 * Math.cos(tick / 10) },
    selection: [],
    drag: {},
    viewport: null,
    lastActive: Date.now(),
  });
  let tick = 0;
  const moving = setInterval(() => {
    tick++;
    for (const [index, provider] of people.entries()) provider.awareness.setLocalState(presence(index, tick));
  }, 1000 / CURSOR_HZ);
  // The first second has everyone's first presence arrive: not the steady state being measured.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  sent.bytes = 0;
  sent.messages = 0;
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const perPerson = {
    kbPerSecond: sent.bytes / SECONDS / PEOPLE / 1024,
    messagesPerSecond: sent.messages / SECONDS / PEOPLE,
  };
  clearInterval(moving);
  for (const provider of people) {
    provider.destroy();
    // Its awareness (made by the provider) stops its timer with the document.
    provider.doc.destroy();
  }
  return perPerson;
}

// Every simulated person connects from 127.0.0.1: far above one person's connection rate limit.
process.env.CONNECTION_ATTEMPTS_PER_MINUTE = '100000';
// Every WebsocketProvider adds a process 'exit' listener in Node.
process.setMaxListeners(0);
const server = await startServer(serverEntry, dist);
try {
  console.log(
    `\nPresence upload: ${PEOPLE} people on one board, pointers at ${CURSOR_HZ} Hz, ${SECONDS}s each`,
  );
  console.log('| client                          | upload per person KB/s | messages sent per person/s |');
  console.log('|---------------------------------|------------------------|----------------------------|');
  for (const [name, own] of [
    ['stock y-websocket', false],
    ['Squall web app (own presence)', true],
  ] as const) {
    const { kbPerSecond, messagesPerSecond } = await measure(server.url, own);
    console.log(
      `| ${name.padEnd(31)} | ${kbPerSecond.toFixed(1).padStart(22)} | ${messagesPerSecond.toFixed(1).padStart(26)} |`,
    );
  }
} finally {
  await server.stop();
}
