#!/usr/bin/env node
// The CLI runs from TypeScript source (no build step): tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
