import { defineConfig } from 'vitest/config';

// Only unit tests beside the source; Playwright specs in e2e/ run with `playwright test`.
export default defineConfig({
  resolve: { dedupe: ['yjs'] },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
