import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { type CheckpointEvent, startCheckpointer } from './checkpointer.ts';
import { SqliteStore } from './sqlite-store.ts';

let dir: ReturnType<typeof tempDir>;
let store: SqliteStore;

beforeEach(() => {
  dir = tempDir();
  // The server's thread never checkpoints on its own here: only the worker can move pages.
  store = new SqliteStore(dir.path, { autoCheckpointPages: 1_000_000 });
});
afterEach(() => {
  store.close();
  dir.remove();
});

describe('background checkpointer', () => {
  it('copies the write-ahead log into the database file from its own thread', async () => {
    store.createBoard({
      id: 'b',
      name: 'B',
      snapshot: new Uint8Array([0, 0]),
      elementCount: 0,
      connectionCount: 0,
    });
    const update = new Uint8Array(2048).fill(7);
    for (let i = 0; i < 1500; i++) store.appendUpdate('b', update);
    const before = fs.statSync(store.file).size;
    expect(fs.statSync(`${store.file}-wal`).size).toBeGreaterThan(3_000_000);

    const done = new Promise<CheckpointEvent>((resolve) => {
      const checkpointer = startCheckpointer(store.file, 20, (event) => {
        if (event.kind === 'failed' || (event.log > 0 && event.frames === event.log)) {
          checkpointer.stop().then(() => resolve(event));
        }
      });
    });
    const event = await done;
    expect(event).toMatchObject({ kind: 'checkpointed' });
    expect(event.kind === 'checkpointed' && event.frames).toBeGreaterThan(1500);
    // 3 MB of updates now live in the main database file.
    expect(fs.statSync(store.file).size - before).toBeGreaterThan(3_000_000);
    expect(store.loadBoardState('b')!.updates).toHaveLength(1500);
  });
});
