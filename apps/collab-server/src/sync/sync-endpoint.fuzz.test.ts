import { createElement, readBoard } from '@squall/model';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { FuzzConnection, frameArbitrary } from '../../test/helpers/sync-fuzz.ts';
import { connectClient, type YClient } from '../../test/helpers/y-client.ts';
import type { CreatedBoard } from '../board-service.ts';

// A fixed seed keeps the suite deterministic; bench/fuzz-sync.ts runs many more cases with fresh seeds.
const SEED = 20261125;
const RUNS = 1500;

let server: TestServer;
let board: CreatedBoard;
const clients: YClient[] = [];

/** A board with three notes written by a real client, as the baseline that must survive. */
beforeEach(async () => {
  server = await startTestServer({
    RATE_LIMIT_MESSAGES_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '1000000',
    CONNECTION_ATTEMPTS_PER_MINUTE: '1000000',
  });
  board = await createBoard(server.url, 'Fuzzed');
  const seeded = (await server.rooms.open(board.id))!;
  for (const text of ['Order placed', 'Payment taken', 'Parcel shipped']) {
    createElement(seeded.doc, { kind: 'domainEvent', text, position: { x: 0, y: 0 } }, 'seed');
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

function textsOf(doc: Y.Doc): string[] {
  return readBoard(doc)
    .elements.map((element) => element.text)
    .sort();
}

/** The board as stored: compacted, then read back from SQLite into a fresh document. */
function storedDoc(): Y.Doc {
  server.rooms.get(board.id)?.compact();
  const state = server.store.loadBoardState(board.id)!;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update);
  return doc;
}

async function healthy(): Promise<void> {
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
  expect(health.status).toBe('ok');
  const probe = connectClient(server.wsUrl, board.id, board.editToken);
  clients.push(probe);
  await probe.synced;
}

describe('sync endpoint under fuzzing', () => {
  it('a view link changes nothing, whatever it sends', async () => {
    const before = Y.encodeStateVector(storedDoc());
    const connection = new FuzzConnection(`${server.wsUrl}/${board.id}?token=${board.viewToken}`);
    await fc.assert(
      fc.asyncProperty(frameArbitrary(), (frame) => connection.send(frame)),
      { seed: SEED, numRuns: RUNS },
    );
    connection.close();
    expect((await server.metrics.readOnlyUpdatesDropped.get()).values[0]?.value).toBeGreaterThan(100);
    await healthy();
    const after = storedDoc();
    expect(Y.encodeStateVector(after)).toEqual(before);
    expect(textsOf(after)).toEqual(['Order placed', 'Parcel shipped', 'Payment taken']);
  });

  it('an edit link cannot crash or hang the server, and what is stored is what is served', async () => {
    const connection = new FuzzConnection(`${server.wsUrl}/${board.id}?token=${board.editToken}`);
    await fc.assert(
      fc.asyncProperty(frameArbitrary(), (frame) => connection.send(frame)),
      { seed: SEED + 1, numRuns: RUNS },
    );
    connection.close();
    expect(connection.closes).toBeGreaterThan(0);
    await healthy();
    const served = clients.at(-1)!.doc;
    const stored = storedDoc();
    expect(textsOf(stored)).toEqual(textsOf(served));
    // Well-formed updates among the frames were applied: the fuzzing reached the document.
    expect(textsOf(stored).length).toBeGreaterThan(3);
    for (const text of ['Order placed', 'Parcel shipped', 'Payment taken'])
      expect(textsOf(stored)).toContain(text);
  });
});
