import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket } from '../../test/helpers/raw-socket.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import { CloseCode } from '../sync/close-codes.ts';
import { type AwarenessEntry, encodeAwareness, encodeAwarenessEntries } from '../sync/protocol.ts';

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

  it('a relayed update building on one it never got (stored, not relayed) is completed from the database', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    // Another instance's client: its first edit was stored, then that instance died before publishing it;
    // its second reaches this instance through the relay.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(a.doc));
    const before = Y.encodeStateVector(elsewhere);
    elsewhere.getMap('scratch').set('stored-only', 1);
    const storedOnly = Y.encodeStateAsUpdate(elsewhere, before);
    const between = Y.encodeStateVector(elsewhere);
    elsewhere.getMap('scratch').set('relayed', 2);
    const relayed = Y.encodeStateAsUpdate(elsewhere, between);
    server.store.appendUpdates(board.id, [storedOnly]);
    server.rooms.get(board.id)!.receiveRelayed({ kind: 'update', payload: relayed });
    await whenDoc(a.doc, (doc) => doc.getMap('scratch').get('relayed') === 2);
    expect(a.doc.getMap('scratch').get('stored-only')).toBe(1);
  });

  it('a board found deleted when read back (deleted through another instance) closes its sockets', async () => {
    const board = await createBoard(server.url);
    const a = client(board.id);
    const closes: number[] = [];
    a.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    await a.synced;
    server.store.deleteBoard(board.id);
    server.rooms.get(board.id)!.readBack();
    await until(() => closes.includes(CloseCode.boardDeleted));
    expect(server.rooms.get(board.id)).toBeUndefined();
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

  it("does not send a client's own cursor move back to it, but sends it everyone else's", async () => {
    const board = await createBoard(server.url);
    const mover = await openRawSocket(`${server.wsUrl}/${board.id}`);
    const watcher = client(board.id);
    await watcher.synced;
    const moverId = 4242;
    mover.ws.send(awarenessMessage([entry(moverId, 1, { cursor: { x: 1, y: 1 } })]));
    await whenAwareness(watcher, () => watcher.provider.awareness.getStates().has(moverId));
    watcher.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    // The watcher's move arrives after the mover's own would have (the room handles them in order).
    const changedIn = (message: Uint8Array) => {
      const awareness = new Awareness(new Y.Doc());
      let ids: number[] = [];
      awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
        ids = [...added, ...updated];
      });
      applyAwarenessUpdate(
        awareness,
        decoding.readVarUint8Array(decoding.createDecoder(message.subarray(1))),
        null,
      );
      return ids;
    };
    const presence = () => mover.received.filter((message) => message[0] === 1).map(changedIn);
    await until(() => presence().some((ids) => ids.includes(watcher.doc.clientID)));
    expect(presence().flat()).not.toContain(moverId);
    mover.ws.close();
  });

  it("refuses awareness entries for another peer's client id: nobody can move or remove someone else's cursor", async () => {
    const board = await createBoard(server.url);
    const alice = client(board.id);
    const bob = client(board.id);
    await Promise.all([alice.synced, bob.synced]);
    alice.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    await whenAwareness(bob, () => cursorOf(bob, alice)?.x === 10);
    const aliceId = alice.doc.clientID;
    const aliceClock = alice.provider.awareness.meta.get(aliceId)!.clock;
    const room = server.rooms.get(board.id)!;
    expect(room.awareness.meta.get(aliceId)?.clock).toBe(aliceClock);

    // Mallory, on the same edit link, replays Alice's id with newer clocks: a moved cursor, a removal,
    // and a removal at Alice's current clock (which y-protocols would accept); then her own presence,
    // twice in one message with another spoof.
    const mallory = await openRawSocket(`${server.wsUrl}/${board.id}`);
    const malloryIds = [aliceId + 1, aliceId + 2];
    const spoof = (clock: number, state: unknown) => entry(aliceId, clock, state);
    mallory.ws.send(awarenessMessage([spoof(aliceClock + 5, { cursor: { x: 999, y: 999 } })]));
    mallory.ws.send(awarenessMessage([spoof(aliceClock + 10, null)]));
    mallory.ws.send(awarenessMessage([spoof(aliceClock, null)]));
    mallory.ws.send(
      awarenessMessage([
        entry(malloryIds[0]!, 1, { name: 'Mallory' }),
        spoof(aliceClock + 20, { cursor: { x: -1, y: -1 } }),
        entry(malloryIds[1]!, 1, { name: 'Mallory too' }),
      ]),
    );
    // Mallory's own ids (she may hold more than one) arrive: the server processed everything before them.
    await whenAwareness(bob, () => malloryIds.every((id) => bob.provider.awareness.getStates().has(id)));
    expect(cursorOf(bob, alice)).toEqual({ x: 10, y: 20 });
    expect(room.awareness.getStates().get(aliceId)).toEqual(alice.provider.awareness.getLocalState());
    expect(room.awareness.meta.get(aliceId)?.clock).toBe(aliceClock);
    // Someone joining now sees Alice where she is.
    const carol = client(board.id);
    await whenAwareness(
      carol,
      () => cursorOf(carol, alice)?.x === 10 && carol.provider.awareness.getStates().has(malloryIds[1]!),
    );
    expect(cursorOf(carol, alice)).toEqual({ x: 10, y: 20 });
    // Dropped silently: Mallory stays connected, and Alice still moves her own cursor.
    expect(mallory.ws.readyState).toBe(mallory.ws.OPEN);
    alice.provider.awareness.setLocalStateField('cursor', { x: 11, y: 20 });
    await whenAwareness(bob, () => cursorOf(bob, alice)?.x === 11);
    // Her removal of one of her own ids goes through.
    mallory.ws.send(awarenessMessage([entry(malloryIds[0]!, 2, null)]));
    await whenAwareness(bob, () => !bob.provider.awareness.getStates().has(malloryIds[0]!));

    // Alice drops off; Mallory may not "remove" her id ahead of her return (a far newer clock would make
    // the server ignore Alice's own state when she comes back).
    alice.provider.disconnect();
    await whenAwareness(bob, () => !bob.provider.awareness.getStates().has(aliceId));
    const departedClock = room.awareness.meta.get(aliceId)!.clock;
    mallory.ws.send(
      awarenessMessage([spoof(departedClock + 1000, null), entry(malloryIds[0]!, 3, { back: 1 })]),
    );
    await whenAwareness(bob, () => bob.provider.awareness.getStates().get(malloryIds[0]!)?.back === 1);
    expect(room.awareness.meta.get(aliceId)?.clock).toBe(departedClock);
    // Back, Alice is shown from her next change on (y-websocket resends her state at its old clock when
    // it reconnects, which the awareness protocol ignores).
    alice.provider.connect();
    await alice.synced;
    alice.provider.awareness.setLocalStateField('cursor', { x: 12, y: 20 });
    await whenAwareness(bob, () => cursorOf(bob, alice)?.x === 12);
    mallory.ws.close();
  });
});

/** One awareness entry as a client sends it: its id, its clock and its state as JSON (`null` = gone). */
function entry(client: number, clock: number, state: unknown): AwarenessEntry {
  return { client, clock, state: new TextEncoder().encode(JSON.stringify(state)) };
}

function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  return encodeAwareness(encodeAwarenessEntries(entries));
}

/** Where `of` points, as `viewer` sees it. */
function cursorOf(viewer: YClient, of: YClient): { x: number; y: number } | undefined {
  return viewer.provider.awareness.getStates().get(of.doc.clientID)?.cursor;
}

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
