// A long fuzz run of the sync endpoint (not part of `npm test`): FUZZ_RUNS cases per link kind
// (default 20,000) with a fresh seed each time, printed so a failure can be replayed with FUZZ_SEED.
import fc from 'fast-check';
import * as Y from 'yjs';
import { createBoard } from '../test/helpers/http.ts';
import { startTestServer } from '../test/helpers/in-process-server.ts';
import { FuzzConnection, frameArbitrary } from '../test/helpers/sync-fuzz.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const server = await startTestServer({
  RATE_LIMIT_MESSAGES_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  CONNECTION_ATTEMPTS_PER_MINUTE: '10000000',
});
try {
  const board = await createBoard(server.url, 'Fuzzed');
  for (const [link, token] of [
    ['view', board.viewToken],
    ['edit', board.editToken],
  ] as const) {
    const before = server.store.loadBoardState(board.id)!;
    const connection = new FuzzConnection(`${server.wsUrl}/${board.id}?token=${token}`);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(frameArbitrary(), (frame) => connection.send(frame)),
      { seed, numRuns: runs },
    );
    connection.close();
    server.rooms.get(board.id)?.compact();
    const after = server.store.loadBoardState(board.id)!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after.snapshot);
    for (const update of after.updates) Y.applyUpdate(doc, update);
    if (
      link === 'view' &&
      (before.updates.length !== after.updates.length ||
        !Buffer.from(before.snapshot).equals(Buffer.from(after.snapshot)))
    ) {
      throw new Error('a view link changed the stored board');
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz ${link} link: ${runs} frames, seed ${seed}, ${connection.closes} sockets closed by the server, ` +
        `${seconds.toFixed(1)} s (${Math.round(runs / seconds)} frames/s), stored board readable`,
    );
  }
} finally {
  await server.dispose();
}
