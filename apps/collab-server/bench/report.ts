// What the load benchmarks share: running client workers, and printing their results as tables.
import { Worker } from 'node:worker_threads';
import type { EditingResult, EditingTask, StormResult, StormTask, WorkerMessage } from './protocol.ts';
import { concat, percentile } from './stats.ts';

export interface Row {
  readonly scenario: string;
  readonly server: string;
  readonly cells: Record<string, string>;
  readonly numbers: Record<string, number>;
}

// Worker threads do not inherit tsx's loader: each one registers it before importing the TypeScript.
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  new URL('./client-worker.ts', import.meta.url).href,
)}); })`;

/** Runs one task per worker: waits until all are ready, starts them together, collects results. */
export async function runWorkers<T extends EditingResult | StormResult>(
  tasks: readonly (EditingTask | StormTask)[],
): Promise<T[]> {
  const workers = tasks.map((task) => new Worker(WORKER_BOOT, { eval: true, workerData: task }));
  const ready: Promise<void>[] = [];
  const results = workers.map((worker, index) => {
    let markReady: () => void = () => {};
    ready[index] = new Promise((resolve) => {
      markReady = resolve;
    });
    return new Promise<T>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') markReady();
        else resolve(message as T);
      });
      worker.once('error', reject);
    });
  });
  await Promise.all(ready);
  for (const worker of workers) worker.postMessage({ kind: 'start' });
  const done = await Promise.all(results);
  await Promise.all(workers.map((worker) => worker.terminate()));
  return done;
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function printTable(title: string, rows: readonly Row[]): void {
  const columns = ['server', ...Object.keys(rows[0]!.cells)];
  const table = rows.map((row) => [row.server, ...Object.values(row.cells)]);
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...table.map((cells) => cells[i]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of table) console.log(line(cells));
}

export interface EditingMeasurement {
  readonly edits: Float64Array;
  /** Per edit: 1 when it came through another instance of a cluster than its receiver's. */
  readonly editCrossed?: Uint8Array;
  readonly cursors: Float64Array;
  readonly clients: number;
  readonly converged: number;
  readonly cpu: number;
  readonly peakRss: number;
  /** Final edits found after SIGKILL + restart, of how many; undefined for the in-memory stock server. */
  readonly durable?: { found: number; total: number };
}

export const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);
export const mb = (bytes: number) => bytes / 1024 / 1024;

export function editingRow(
  scenario: string,
  server: string,
  runs: readonly EditingMeasurement[],
  secondsPerRun: number,
): Row {
  const edits = concat(runs.map((run) => run.edits));
  const cursors = concat(runs.map((run) => run.cursors));
  const seconds = secondsPerRun * runs.length;
  const durable = runs.every((run) => run.durable)
    ? `${sum(runs, (run) => run.durable!.found)}/${sum(runs, (run) => run.durable!.total)}`
    : 'n/a (in memory)';
  const numbers = {
    editP50: percentile(edits, 50),
    editP95: percentile(edits, 95),
    editP99: percentile(edits, 99),
    cursorP50: percentile(cursors, 50),
    cursorP95: percentile(cursors, 95),
    cursorP99: percentile(cursors, 99),
    editsPerSecond: edits.length / seconds,
    cursorsPerSecond: cursors.length / seconds,
    cpuPerSecond: sum(runs, (run) => run.cpu) / seconds,
    peakRssMb: Math.max(...runs.map((run) => mb(run.peakRss))),
  };
  return {
    scenario,
    server,
    numbers,
    cells: {
      'edit p50/p95/p99 ms': `${ms(numbers.editP50)} / ${ms(numbers.editP95)} / ${ms(numbers.editP99)}`,
      'cursor p50/p95/p99 ms': `${ms(numbers.cursorP50)} / ${ms(numbers.cursorP95)} / ${ms(numbers.cursorP99)}`,
      'edits delivered/s': numbers.editsPerSecond.toFixed(0),
      'cursor updates delivered/s': numbers.cursorsPerSecond.toFixed(0),
      converged: `${sum(runs, (run) => run.converged)}/${sum(runs, (run) => run.clients)}`,
      'server CPU s/s': numbers.cpuPerSecond.toFixed(2),
      'peak RSS MB': numbers.peakRssMb.toFixed(0),
      'durable after SIGKILL': durable,
    },
  };
}
