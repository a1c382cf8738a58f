/** Opening a board fast: its preview from storage, and the stored snapshot sent before the server applies it. */
import { createElement, readBoard } from '@squall/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../test/helpers/in-process-server.ts';
import { until } from '../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../test/helpers/y-client.ts';
import type { CreatedBoard } from './board-service.ts';
import type { Peer } from './rooms/peer.ts';
import { encodeSyncStep1, encodeSyncStep2Update } from './sync/protocol.ts';

let server: TestServer;
const clients: YClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ EVICT_AFTER_MS: '20' });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

interface Preview {
  readonly level: string;
  readonly elements: ReadonlyArray<{ readonly text: string }>;
  readonly connections: readonly unknown[];
}

async function preview(board: CreatedBoard, token = board.viewToken): Promise<Preview> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/preview`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as Preview;
}

const texts = (content: Preview) => content.elements.map((element) => element.text).sort();

async function addEvent(client: YClient, text: string): Promise<void> {
  createElement(client.doc, { kind: 'domainEvent', text, position: { x: 0, y: 0 } }, 'test');
}

describe('GET /api/boards/:id/preview', () => {
  it('answers from storage without loading the board, and tracks the board through edits and eviction', async () => {
    const board = await createBoard(server.url);
    expect(await preview(board)).toEqual({ level: 'process', elements: [], connections: [] });
    // Stored with the snapshot when the board was created: nothing was loaded to answer.
    expect(server.rooms.get(board.id)).toBeUndefined();

    const alice = connectClient(server.wsUrl, board.id);
    clients.push(alice);
    await alice.synced;
    await addEvent(alice, 'Order placed');
    await until(() => server.store.pendingUpdateCount(board.id) > 0);
    // Loaded and changed: from memory, with the edit.
    expect(texts(await preview(board))).toEqual(['Order placed']);

    alice.destroy();
    clients.length = 0;
    await until(() => server.rooms.size === 0);
    // Evicted: the board's new preview was stored with its snapshot, and is served without loading it.
    expect(texts(await preview(board))).toEqual(['Order placed']);
    expect(server.rooms.get(board.id)).toBeUndefined();
  });

  it('loads the board when updates were appended after the stored preview (a crash before compaction)', async () => {
    const board = await createBoard(server.url);
    const edit = new Y.Doc();
    createElement(edit, { kind: 'command', text: 'Place order', position: { x: 0, y: 0 } }, 'test');
    server.store.appendUpdate(board.id, Y.encodeStateAsUpdate(edit));
    expect(texts(await preview(board))).toEqual(['Place order']);
    expect(server.rooms.get(board.id)).toBeDefined();
  });

  it('needs one of the board capabilities', async () => {
    const board = await createBoard(server.url);
    const anonymous = await fetch(`${server.url}/api/boards/${board.id}/preview`);
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${server.url}/api/boards/${board.id}/preview`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect([401, 403]).toContain(wrong.status);
  });
});

describe('opening a stored board', () => {
  it('answers an empty client with the stored snapshot before applying it, then asks for what it has', async () => {
    const board = await createBoard(server.url);
    const room = (await server.rooms.open(board.id))!;
    const sent: Array<{ message: Uint8Array; onSent: (() => void) | undefined }> = [];
    const peer: Peer = {
      id: 1_000_001,
      send: (message, onSent) => sent.push({ message, onSent }),
      close: () => {},
    };
    room.join(peer);
    expect(room.applied).toBe(false);
    room.receive(peer, { kind: 'syncStep1', stateVector: new Uint8Array([0]) });
    expect(room.applied).toBe(false);
    const stored = server.store.loadBoardState(board.id)!.snapshot;
    expect(sent.map(({ message }) => message)).toEqual([encodeSyncStep2Update(stored)]);
    // Once the answer is on its way, the server applies the snapshot and sends its own sync step 1.
    sent[0]!.onSent?.();
    expect(room.applied).toBe(true);
    expect(sent[1]?.message).toEqual(encodeSyncStep1(room.doc));
    room.leave(peer);
  });

  it('sends the stored snapshot first and applies it after; edits before and after converge', async () => {
    const board = await createBoard(server.url);
    const seed = connectClient(server.wsUrl, board.id);
    await seed.synced;
    for (let i = 0; i < 50; i++) await addEvent(seed, `Event ${i}`);
    await until(() => server.store.pendingUpdateCount(board.id) === 50);
    seed.destroy();
    await until(() => server.rooms.size === 0);

    const alice = connectClient(server.wsUrl, board.id);
    const bob = connectClient(server.wsUrl, board.id);
    clients.push(alice, bob);
    await Promise.all([alice.synced, bob.synced]);
    expect(readBoard(alice.doc).elements).toHaveLength(50);
    const room = server.rooms.get(board.id)!;
    // Applied once the snapshot was on its way to the clients.
    await until(() => room.applied);
    await addEvent(bob, 'Bob was here');
    await whenDoc(alice.doc, (doc) => readBoard(doc).elements.length === 51);
    expect(readBoard(room.doc).elements).toHaveLength(51);
    expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVector(bob.doc));
  });

  it('sends the whole board, not the stored snapshot alone, when updates were appended after it', async () => {
    const board = await createBoard(server.url);
    const edit = new Y.Doc();
    createElement(edit, { kind: 'command', text: 'Place order', position: { x: 0, y: 0 } }, 'test');
    server.store.appendUpdate(board.id, Y.encodeStateAsUpdate(edit));
    const alice = connectClient(server.wsUrl, board.id);
    clients.push(alice);
    await alice.synced;
    expect(readBoard(alice.doc).elements.map((element) => element.text)).toEqual(['Place order']);
  });

  it('answers a client that holds an older copy with what it lacks, after applying the snapshot', async () => {
    const board = await createBoard(server.url);
    const first = connectClient(server.wsUrl, board.id);
    await first.synced;
    await addEvent(first, 'Seen before');
    await until(() => server.store.pendingUpdateCount(board.id) === 1);
    const older = Y.encodeStateAsUpdate(first.doc);
    await addEvent(first, 'New since');
    await until(() => server.store.pendingUpdateCount(board.id) === 2);
    first.destroy();
    await until(() => server.rooms.size === 0);

    const returning = connectClient(server.wsUrl, board.id);
    clients.push(returning);
    Y.applyUpdate(returning.doc, older);
    await returning.synced;
    await whenDoc(returning.doc, (doc) => readBoard(doc).elements.length === 2);
    expect(server.rooms.get(board.id)!.applied).toBe(true);
  });
});
