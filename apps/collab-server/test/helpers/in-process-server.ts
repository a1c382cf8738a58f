import { readConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import type { SqliteStore } from '../../src/storage/sqlite-store.ts';
import { tempDir } from './temp-dir.ts';

export interface TestServer extends Omit<RunningServer, 'store'> {
  /** Without DATABASE_URL the store is SQLite, which answers synchronously (handy in assertions). */
  readonly store: SqliteStore;
  readonly dataDir: string;
  readonly wsUrl: string;
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

/** A real server on a random loopback port with a temporary DATA_DIR; env overrides the defaults. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ? { path: dataDir, remove: () => {} } : tempDir();
  const config = readConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      LOG_LEVEL: 'silent',
      WEB_DIST: `${dir.path}/web`,
      ...env,
    },
    process.cwd(),
    process.cwd(),
  );
  const server = await startServer(config, createLogger(config.logLevel));
  return Object.assign(Object.create(null), server, {
    dataDir: dir.path,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    async dispose() {
      await server.close();
      dir.remove();
    },
  }) as TestServer;
}
