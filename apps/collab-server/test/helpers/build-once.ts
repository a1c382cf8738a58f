import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: bundles dist/main.js so process tests run the code under test. */
export default function buildOnce(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
