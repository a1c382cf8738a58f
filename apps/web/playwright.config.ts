import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// No browser, no e2e run: one line that says how to get it, instead of every spec failing on launch.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(
    `Chromium not found at ${chromiumPath}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

// Chosen once in the runner process; workers inherit the environment, so all agree on them.
// The port is one the system just handed out as free (a random pick collided with other servers on a
// busy machine, and the server then exited before Playwright could say why).
process.env.SQUALL_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
]).toString();
process.env.SQUALL_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'squall-e2e-'));
const port = Number(process.env.SQUALL_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// The collab server's bundle; overridable to test against another build of it.
const serverEntry = process.env.SQUALL_E2E_SERVER ?? '../collab-server/dist/main.js';
const webDist = fileURLToPath(new URL('./dist', import.meta.url));

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    // Everyone has picked a name already, so the first-visit prompt stays away (its spec clears this).
    storageState: {
      cookies: [],
      origins: [{ origin: baseURL, localStorage: [{ name: 'squall:userName', value: 'Tester' }] }],
    },
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // Runs alone against the fresh data directory, before anything creates a board.
    { name: 'first-run', testMatch: /first-run\.spec\.ts/, use: { browserName: 'chromium' } },
    {
      name: 'chromium',
      testIgnore: /first-run\.spec\.ts/,
      dependencies: ['first-run'],
      use: { browserName: 'chromium' },
    },
  ],
  // The real, built server (turbo builds every workspace before `test`) with a fresh SQLite file.
  webServer: {
    command: `node ${serverEntry}`,
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.SQUALL_E2E_DATA,
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      // Every spec creates boards and opens sockets from 127.0.0.1: far above one person's rate limits.
      BOARD_CREATIONS_PER_MINUTE: '100000',
      CONNECTION_ATTEMPTS_PER_MINUTE: '1000000',
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
