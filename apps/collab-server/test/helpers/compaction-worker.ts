// Child process for compaction-crash.test.ts: appends updates and compacts in a tight loop, printing
// the number of each update once its append has committed, until it is killed.
import * as Y from 'yjs';
import { SqliteStore } from '../../src/storage/sqlite-store.ts';

const [dataDir, boardId] = process.argv.slice(2) as [string, string];
const store = new SqliteStore(dataDir);
const doc = new Y.Doc();
const state = store.loadBoardState(boardId)!;
Y.applyUpdate(doc, state.snapshot);
for (const update of state.updates) Y.applyUpdate(doc, update);
let lastSeq = state.lastSeq;
const list = doc.getArray<number>('list');
doc.on('update', (update: Uint8Array) => {
  lastSeq = store.appendUpdate(boardId, update);
});
for (let n = list.length; ; n++) {
  list.push([n]);
  process.stdout.write(`${n}\n`);
  if (n % 25 === 0) {
    // A big snapshot makes the compaction transaction long enough to be killed inside it.
    store.compact(boardId, Y.encodeStateAsUpdate(doc), lastSeq, { elementCount: n, connectionCount: 0 });
  }
}
