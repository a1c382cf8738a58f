import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in its own thread with its own connection. Plain CommonJS source, so it works the same from the
// bundle, tsx and vitest. PASSIVE never blocks the server's writes; it copies what it can.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpointed', frames: result.checkpointed, log: result.log });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export type CheckpointEvent =
  | { readonly kind: 'checkpointed'; readonly frames: number; readonly log: number }
  | { readonly kind: 'failed'; readonly message: string };

export interface Checkpointer {
  /** Stops the thread after closing its connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of `file` from a worker thread every `intervalMs`. better-sqlite3 is synchronous,
 * and a checkpoint ends in an fsync that can take hundreds of milliseconds on a busy disk: done on the
 * server's thread (SQLite's automatic checkpoint), it would stall every board.
 */
export function startCheckpointer(
  file: string,
  intervalMs: number,
  onEvent: (event: CheckpointEvent) => void,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver } });
  worker.on('message', onEvent);
  worker.on('error', (error) => onEvent({ kind: 'failed', message: error.message }));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Keep the process alive until the thread has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
