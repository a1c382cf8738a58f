import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket } from '../../test/helpers/raw-socket.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';

let server: TestServer;
const clients: YClient[] = [];
const client = (boardId: string) => {
  const c = connectClient(server.wsUrl, boardId);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  server = await startTestServer({ EVICT_AFTER_MS: '50' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

describe('board room', () => {
  it('relays edits between two y-websocket providers', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('scratch').set('from-a', 1);
    b.doc.getMap('scratch').set('from-b', 2);
    await whenDoc(a.doc, (doc) => doc.getMap('scratch').get('from-b') === 2);
    await whenDoc(b.doc, (doc) => doc.getMap('scratch').get('from-a') === 1);
  });

  it('serves the stored state, including the server-set schema version, at the first sync', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    expect(a.doc.getMap('meta').get('schemaVersion')).toBe(1);
  });

  it('keeps edits after the board was evicted from memory and reloaded', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    a.doc.getText('note').insert(0, 'hello');
    const b = client(board.id);
    await whenDoc(b.doc, (doc) => doc.getText('note').toString() === 'hello');
    a.destroy();
    b.destroy();
    await until(() => server.rooms.size === 0);
    const c = client(board.id);
    await c.synced;
    expect(c.doc.getText('note').toString()).toBe('hello');
  });

  it('a client opening the board after an edit gets the edit, although earlier openers were served the board before it', async () => {
    const board = await createBoard(server.url);
    const first = client(board.id);
    const second = client(board.id);
    await Promise.all([first.synced, second.synced]);
    first.doc.getText('note').insert(0, 'after the first two joined');
    await whenDoc(second.doc, (doc) => doc.getText('note').length > 0);
    const third = client(board.id);
    await third.synced;
    expect(third.doc.getText('note').toString()).toBe('after the first two joined');
  });

  it('relays awareness (cursors) to the other clients and removes it when a client leaves', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    await whenAwareness(b, () => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.x === 10);
    a.destroy();
    await whenAwareness(b, () => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('when storage fails, relays nothing, closes with 1011, and the edit arrives after reconnecting', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('note').insert(0, 'stored.');
    await whenDoc(b.doc, (doc) => doc.getText('note').toString() === 'stored.');

    // Fault injection: the disk refuses the next writes.
    const append = server.store.appendUpdate;
    server.store.appendUpdate = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const closes = [a, b].map(
      (c) =>
        new Promise<number | undefined>((resolve) =>
          c.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code)),
        ),
    );
    a.doc.getText('note').insert(7, ' unsaved');
    expect(await Promise.all(closes)).toEqual([1011, 1011]);
    expect(b.doc.getText('note').toString()).toBe('stored.');
    expect(server.rooms.get(board.id)).toBeUndefined();

    // The disk recovers; the providers reconnect on their own and the edit, kept by its author, arrives.
    server.store.appendUpdate = append;
    await whenDoc(b.doc, (doc) => doc.getText('note').toString() === 'stored. unsaved');
    const state = server.store.loadBoardState(board.id)!;
    const stored = new Y.Doc();
    Y.applyUpdate(stored, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(stored, update);
    expect(stored.getText('note').toString()).toBe('stored. unsaved');
  });

  it('merges a burst of cursor moves into one relayed message per tick', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    const watcher = await openRawSocket(`${server.wsUrl}/${board.id}`);
    const awarenessMessages = () => watcher.received.filter((message) => message[0] === 1).length;
    const before = awarenessMessages();
    for (let x = 1; x <= 50; x++) a.provider.awareness.setLocalStateField('cursor', { x, y: 0 });
    const b = client(board.id);
    await whenAwareness(b, () => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.x === 50);
    await until(() => awarenessMessages() > before);
    // 50 moves within one tick (30 ms) arrive as one or two merged messages, not fifty.
    expect(awarenessMessages() - before).toBeLessThanOrEqual(3);
    watcher.ws.close();
  });
});

/** Resolves when `predicate` holds for a client's awareness (checked now and on every change). */
function whenAwareness(c: YClient, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const check = () => {
      if (!predicate()) return;
      c.provider.awareness.off('change', check);
      resolve();
    };
    c.provider.awareness.on('change', check);
  });
}
