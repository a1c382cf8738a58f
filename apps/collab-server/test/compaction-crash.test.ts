import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../src/storage/sqlite-store.ts';
import { tempDir } from './helpers/temp-dir.ts';

const dir = tempDir();
const workers: ChildProcess[] = [];
afterEach(() => {
  for (const worker of workers) worker.kill('SIGKILL');
  dir.remove();
});

/** Runs the worker until it has confirmed `atLeast` updates, kills it with SIGKILL, returns the last confirmed. */
async function runAndKill(atLeast: number): Promise<number> {
  const worker = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./helpers/compaction-worker.ts', import.meta.url)),
      dir.path,
      'b',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  workers.push(worker);
  let confirmed = -1;
  let buffer = '';
  await new Promise<void>((resolve) => {
    worker.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) confirmed = Number(line);
      if (confirmed >= atLeast && !worker.killed) {
        worker.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => worker.once('exit', resolve));
  return confirmed;
}

it('never loses an appended update when killed during append/compaction cycles', async () => {
  const store = new SqliteStore(dir.path);
  // A megabyte of content makes each compaction (encode + write the snapshot) take most of the worker's
  // time, so the kills land inside compactions as well as between them.
  const seed = new Y.Doc();
  seed.getText('blob').insert(0, 'x'.repeat(1024 * 1024));
  store.createBoard({
    id: 'b',
    name: 'B',
    snapshot: Y.encodeStateAsUpdate(seed),
    elementCount: 0,
    connectionCount: 0,
  });
  store.close();
  let target = 0;
  for (let round = 0; round < 4; round++) {
    target += 300 + Math.floor(Math.random() * 300);
    const confirmed = await runAndKill(target);
    const reopened = new SqliteStore(dir.path);
    const state = reopened.loadBoardState('b')!;
    reopened.close();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    const list = doc.getArray<number>('list').toArray();
    // Every confirmed update is there, in order, with nothing duplicated or skipped.
    expect(list.length).toBeGreaterThanOrEqual(confirmed + 1);
    expect(list).toEqual([...Array(list.length).keys()]);
    target = Math.max(target, list.length);
  }
});
