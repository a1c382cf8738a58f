import { colorForClient, createElement, type PresenceState, updateElement } from '@squall/model';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from '../src/board/sync/ownPresenceOnly.ts';

export interface SimulatedUsers {
  stop(): void;
}

const EDIT_HZ = 2;
const CURSOR_HZ = 20;

/**
 * Background load for the propagation benchmark: `count` people as real y-websocket clients in this
 * process, each with a note of their own that they move twice a second, and a pointer that moves 20
 * times a second (what a busy workshop sends).
 */
export async function simulatedUsers(
  wsBase: string,
  boardId: string,
  token: string,
  count: number,
): Promise<SimulatedUsers> {
  const stops: Array<() => void> = [];
  // Every WebsocketProvider adds a process 'exit' listener in Node: `count` of them are expected.
  process.setMaxListeners(process.getMaxListeners() + count);
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${wsBase}/sync`, boardId, doc, {
        disableBc: true,
        params: { token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      sendOwnPresenceOnly(provider);
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      const origin = { user: index };
      const x0 = -600 + (index % 5) * 260;
      const y0 = 500 + Math.floor(index / 5) * 200;
      const id = createElement(
        doc,
        { kind: 'domainEvent', position: { x: x0, y: y0 }, text: `Sim ${index}` },
        origin,
      );
      let tick = 0;
      const presence = (): PresenceState => ({
        user: { name: `Sim ${index}`, color: colorForClient(doc.clientID) },
        cursor: { x: x0 + 100 * Math.sin(tick / 10), y: y0 - 80 + 60 * Math.cos(tick / 10) },
        selection: [id],
        drag: {},
        viewport: null,
        lastActive: Date.now(),
      });
      const cursors = setInterval(() => {
        tick++;
        provider.awareness.setLocalState(presence());
      }, 1000 / CURSOR_HZ);
      const edits = setInterval(() => {
        updateElement(doc, id, { position: { x: x0 + (tick % 40), y: y0 } }, origin);
      }, 1000 / EDIT_HZ);
      stops.push(() => {
        clearInterval(cursors);
        clearInterval(edits);
        provider.destroy();
        doc.destroy();
      });
    }),
  );
  return {
    stop() {
      for (const stop of stops) stop();
    },
  };
}
