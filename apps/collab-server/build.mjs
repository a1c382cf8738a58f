// Bundles the server into dist/main.js (Node 20 ESM). @squall/model is TypeScript source and gets bundled;
// real npm packages stay external and load from node_modules.

import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@squall/'));

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, 'yjs/*', 'lib0/*', 'y-protocols/*'],
  logLevel: 'warning',
});
