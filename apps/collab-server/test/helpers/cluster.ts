import * as Y from 'yjs';
import { PgStore } from '../../src/storage/pg-store.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { tempDir } from './temp-dir.ts';

/** Instances of the bundled server on one PostgreSQL (and Redis, when given), each on its own port. */
export async function startInstances(
  count: number,
  env: { DATABASE_URL: string; REDIS_URL?: string } & Record<string, string>,
): Promise<ServerProcess[]> {
  // DATA_DIR is unused with DATABASE_URL; a temporary one keeps a stray SQLite file out of the repo.
  const dir = tempDir();
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      startServerProcess({ DATA_DIR: dir.path, INSTANCE_ID: `instance-${i}`, ...env }),
    ),
  );
}

/** Runs `use` on a store of its own on the database (no instance involved), closed afterwards. */
async function withStore<T>(databaseUrl: string, use: (store: PgStore) => Promise<T>): Promise<T> {
  const store = await PgStore.open(databaseUrl, { maxConnections: 1 });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The board as PostgreSQL holds it (snapshot plus appended updates), read without any instance. */
export function storedDoc(databaseUrl: string, boardId: string): Promise<Y.Doc> {
  return withStore(databaseUrl, async (store) => {
    const state = await store.loadBoardState(boardId);
    if (!state) throw new Error(`board ${boardId} is not stored`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    return doc;
  });
}

/** Locks the board in PostgreSQL behind every instance's back (no instance announces it). */
export function lockInDatabase(databaseUrl: string, boardId: string): Promise<void> {
  return withStore(databaseUrl, (store) => store.setLocked(boardId, true));
}

/** One value of an instance's Prometheus text (a metric without labels, or with the labels given). */
export async function metricValue(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `) || entry.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

export async function health(baseUrl: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${baseUrl}/healthz`)).json()) as Record<string, unknown>;
}
