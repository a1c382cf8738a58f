/**
 * Export benchmark: boards with 100, 1,000 and 5,000 events through every format. Prints a table;
 * run with `npm run bench` (root) or `npm run bench -w @squall/model`.
 */
import { performance } from 'node:perf_hooks';
import {
  exportAsyncApi,
  exportBoard,
  exportJsonSchemas,
  exportServices,
  exportTopics,
  exportTypeScript,
  lintBoard,
  zipExport,
} from '../src/index.ts';
import { syntheticBoard } from './synthetic-board.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => unknown): { median: number; min: number } {
  work(); // warm-up: JIT and module caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

const ms = (value: number) => value.toFixed(1).padStart(9);
const rows: string[] = [];
rows.push('events | elements | files | output MB | export ms (median) | min ms | lint ms | zip ms');
rows.push('------ | -------- | ----- | --------- | ------------------ | ------ | ------- | ------');
for (const events of [100, 1_000, 5_000]) {
  const board = syntheticBoard(events);
  const runs = events >= 5_000 ? 3 : 7;
  const result = exportBoard(board);
  const bytes = result.files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  const full = time(runs, () => exportBoard(board));
  const lint = time(runs, () => lintBoard(board));
  const zip = time(runs, () => zipExport(result.files));
  rows.push(
    `${String(events).padStart(6)} | ${String(board.elements.length).padStart(8)} | ${String(result.files.length).padStart(5)} | ${(bytes / 1e6).toFixed(2).padStart(9)} | ${ms(full.median).padStart(18)} | ${ms(full.min).padStart(6)} | ${ms(lint.median).padStart(7)} | ${ms(zip.median).padStart(6)}`,
  );
}

const perFormat: string[] = ['format (1,000 events) | median ms', '--------------------- | ---------'];
const board = syntheticBoard(1_000);
for (const [name, run] of [
  ['typescript', exportTypeScript],
  ['jsonschema', exportJsonSchemas],
  ['asyncapi', exportAsyncApi],
  ['topics', exportTopics],
  ['services (+ts)', exportServices],
] as const) {
  perFormat.push(`${name.padEnd(21)} | ${ms(time(5, () => run(board)).median)}`);
}

// Contracts and services together, what `--only typescript,jsonschema,asyncapi,topics,services` writes.
const everything = ['typescript', 'jsonschema', 'asyncapi', 'topics', 'services'] as const;
const withServices: string[] = [
  'with services (all formats) | files | output MB | median ms | min ms',
  '--------------------------- | ----- | --------- | --------- | ------',
];
for (const events of [100, 1_000]) {
  const big = syntheticBoard(events);
  const result = exportBoard(big, { only: everything });
  const bytes = result.files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  const timing = time(events >= 1_000 ? 5 : 7, () => exportBoard(big, { only: everything }));
  withServices.push(
    `${`${events.toLocaleString('en')} events`.padEnd(27)} | ${String(result.files.length).padStart(5)} | ${(bytes / 1e6).toFixed(2).padStart(9)} | ${ms(timing.median)} | ${ms(timing.min).padStart(6)}`,
  );
}

console.log(
  `@squall/model export benchmark (Node ${process.version}; targets: < 300 ms for 1,000 events, < 500 ms with services)\n`,
);
console.log(rows.join('\n'));
console.log(`\n${perFormat.join('\n')}`);
console.log(`\n${withServices.join('\n')}`);
