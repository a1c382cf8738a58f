import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The property and fuzz tests run thousands of cases: seconds on a loaded 2-core machine, where the
  // default 5 s timeout failed them (a time limit is not what they test).
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 },
});
