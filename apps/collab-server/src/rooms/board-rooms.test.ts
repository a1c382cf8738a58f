import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { until } from '../../test/helpers/until.ts';
import { CLIENT_MAX_BACKOFF_MS, connectClient, whenDoc } from '../../test/helpers/y-client.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function collectGarbage(): Promise<void> {
  // WeakRefs are only cleared after the current job; collect twice across macrotasks.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

let server: TestServer;
beforeEach(async () => {
  // The memory test creates 32 boards in a few seconds, above the default creation limit per address,
  // each with a 200,000-character text, above the default text limit.
  server = await startTestServer({
    EVICT_AFTER_MS: '20',
    BOARD_CREATIONS_PER_MINUTE: '1000',
    MAX_NOTE_TEXT_LENGTH: '1000000',
  });
});
afterEach(async () => {
  await server.dispose();
});

/** Opens a board with two clients, one writing `text`; returns a weak handle on the server's doc and a way out. */
async function openBoard(text: string): Promise<{ doc: WeakRef<Y.Doc>; leave: () => void }> {
  const board = await createBoard(server.url);
  const writer = connectClient(server.wsUrl, board.id);
  const reader = connectClient(server.wsUrl, board.id);
  await Promise.all([writer.synced, reader.synced]);
  writer.doc.getText('note').insert(0, text);
  await whenDoc(reader.doc, (doc) => doc.getText('note').length === text.length);
  return {
    doc: new WeakRef(server.rooms.get(board.id)!.doc),
    leave: () => {
      writer.destroy();
      reader.destroy();
    },
  };
}

async function useBoards(
  count: number,
  size: number,
): Promise<{ docs: Array<WeakRef<Y.Doc>>; loadedHeap: number }> {
  // Each y-websocket provider listens to the process's 'exit' while it lives (to remove its presence),
  // and this holds two per board at once: more than Node's warning threshold of 10, by design. They go
  // with their providers (checked below), so the threshold is raised by exactly that many meanwhile.
  const exitListeners = new Set(process.listeners('exit'));
  const maxListeners = process.getMaxListeners();
  if (maxListeners > 0) process.setMaxListeners(maxListeners + 2 * count);
  const boards = [];
  let loadedHeap: number;
  try {
    for (let i = 0; i < count; i++) boards.push(await openBoard(`${i}`.padEnd(size, 'x')));
    await collectGarbage();
    loadedHeap = process.memoryUsage().heapUsed;
  } finally {
    for (const board of boards) board.leave();
    process.setMaxListeners(maxListeners);
  }
  expect(process.listeners('exit').filter((listener) => !exitListeners.has(listener))).toEqual([]);
  await until(() => server.rooms.size === 0);
  // No event tells when y-websocket's reconnect timers (holding the test's own client docs) have run.
  await new Promise((resolve) => setTimeout(resolve, CLIENT_MAX_BACKOFF_MS * 2));
  await collectGarbage();
  return { docs: boards.map((board) => board.doc), loadedHeap };
}

describe('board eviction', () => {
  it('saves and unloads a board after its grace period, then reloads it on demand', async () => {
    const board = await createBoard(server.url);
    const writer = connectClient(server.wsUrl, board.id);
    await writer.synced;
    writer.doc.getText('note').insert(0, 'kept');
    await until(() => server.store.pendingUpdateCount(board.id) > 0);
    writer.destroy();
    await until(() => server.rooms.size === 0);
    // Evicting compacted the board.
    expect(server.store.pendingUpdateCount(board.id)).toBe(0);
    const reader = connectClient(server.wsUrl, board.id);
    await whenDoc(reader.doc, (doc) => doc.getText('note').toString() === 'kept');
    expect(server.rooms.size).toBe(1);
    reader.destroy();
  });

  it('a client that comes back within the grace period keeps the board loaded', async () => {
    await startTestServer({ EVICT_AFTER_MS: '60000' }).then(async (patient) => {
      const board = await createBoard(patient.url);
      const first = connectClient(patient.wsUrl, board.id);
      await first.synced;
      const room = patient.rooms.get(board.id);
      first.destroy();
      await until(() => room!.peerCount === 0);
      const second = connectClient(patient.wsUrl, board.id);
      await second.synced;
      expect(patient.rooms.get(board.id)).toBe(room);
      second.destroy();
      await patient.dispose();
    });
  });

  it('a board read over HTTP is loaded once for the page that connects next, and evicted if none does', async () => {
    const patient = await startTestServer({ EVICT_AFTER_MS: '60000' });
    try {
      const board = await createBoard(patient.url);
      const fetchFile = () =>
        fetch(`${patient.url}/api/boards/${board.id}/file`, {
          headers: { authorization: `Bearer ${board.editToken}` },
        });
      expect((await fetchFile()).status).toBe(200);
      const room = patient.rooms.get(board.id);
      expect(room).toBeDefined();
      const client = connectClient(patient.wsUrl, board.id);
      await client.synced;
      expect(patient.rooms.get(board.id)).toBe(room);
      client.destroy();
    } finally {
      await patient.dispose();
    }
    // With a short grace period, a board only read over HTTP does not stay in memory.
    const board = await createBoard(server.url);
    const response = await fetch(`${server.url}/api/boards/${board.id}/file`, {
      headers: { authorization: `Bearer ${board.editToken}` },
    });
    expect(response.status).toBe(200);
    expect(server.rooms.get(board.id)).toBeDefined();
    await until(() => server.rooms.size === 0);
  });

  it('returns memory to its baseline once everyone has left', async () => {
    // Warm up with an identical round, so lazily loaded modules and optimised code are in the baseline.
    await useBoards(16, 200_000);
    const baseline = process.memoryUsage().heapUsed;
    const { docs, loadedHeap } = await useBoards(16, 200_000);
    const held = loadedHeap - baseline;
    const left = process.memoryUsage().heapUsed - baseline;
    // While loaded, 16 boards × 200 KB of text took megabytes.
    expect(held).toBeGreaterThan(3_000_000);
    // After eviction every server document is collectable and the heap is back near where it was.
    expect(docs.filter((doc) => doc.deref() !== undefined)).toHaveLength(0);
    expect(left).toBeLessThan(held / 4);
  });
});
