#!/usr/bin/env node
// Entry to every benchmark: builds what they need, then runs each workspace's `bench` script in turn
// and prints a summary. `npm run bench -- <workspace name part>` runs only the matching ones.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const workspaces = ['packages/model', 'apps/collab-server', 'apps/web']
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => pkg.scripts?.bench)
  .filter(
    ({ pkg, dir }) => only.length === 0 || only.some((part) => pkg.name.includes(part) || dir.includes(part)),
  );

const run = (command, args, cwd) => spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });

console.log('Building (turbo run build) …');
if (run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], root).status !== 0) process.exit(1);

const results = [];
for (const { dir, pkg } of workspaces) {
  console.log(`\n━━ ${pkg.name} — npm run bench ━━`);
  const started = performance.now();
  const { status } = run('npm', ['run', 'bench', '--silent'], join(root, dir));
  results.push({
    workspace: pkg.name,
    status: status === 0 ? 'ok' : `failed (${status})`,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  });
}
console.log('\nBenchmarks run:');
console.table(results);
process.exit(results.every((r) => r.status === 'ok') ? 0 : 1);
