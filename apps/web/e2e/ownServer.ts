import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

/** The same built server `playwright.config.ts` starts, run by a spec that needs to kill it. */
const serverEntry = process.env.SQUALL_E2E_SERVER ?? '../collab-server/dist/main.js';
const webDist = fileURLToPath(new URL('../dist', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface OwnServer {
  readonly origin: string;
  /** SIGKILL: no goodbye to the clients, no flush; what was acknowledged must be on disk. */
  kill(): Promise<void>;
  /** Starts again on the same port and data directory. */
  start(): Promise<void>;
}

export async function ownServer(): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'squall-e2e-restart-'));
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const server: OwnServer = {
    origin,
    async start() {
      child = spawn(process.execPath, [serverEntry], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          WEB_DIST: webDist,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await expect
        .poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status, { timeout: 20_000 })
        .toBe(200);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
      child = null;
    },
  };
  await server.start();
  return server;
}
