// Load benchmark: our server and the stock @y/websocket-server 0.1.1 under the same simulated
// y-websocket clients, one after the other in one run. Prints a table; exits 0.
//   BENCH_SECONDS   timed phase per scenario and run (default 7; each server runs each scenario twice)
//   BENCH_WORKERS   client worker threads (default 2)
import { Worker } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type {
  BoardRef,
  EditingResult,
  EditingTask,
  StormResult,
  StormTask,
  WorkerMessage,
} from './protocol.ts';
import { type BenchServer, type OurServer, startOurServer, startStockServer } from './servers.ts';
import { concat, percentile } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 7);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const EDIT_HZ = 5;
const CURSOR_HZ = 20;
const STORM_CLIENTS = Number(process.env.BENCH_STORM_CLIENTS ?? 200);
const STORM_ENTRIES = 500;

interface EditingScenario {
  readonly name: string;
  readonly boards: number;
  readonly clientsPerBoard: number;
}

const SCENARIOS: readonly EditingScenario[] = [
  { name: '1 board × 50 clients', boards: 1, clientsPerBoard: 50 },
  { name: '8 boards × 8 clients', boards: 8, clientsPerBoard: 8 },
];

interface Row {
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
async function runWorkers<T extends EditingResult | StormResult>(
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

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** Connects one plain client and resolves with its synced document. */
async function syncedDoc(wsUrl: string, board: BoardRef): Promise<{ doc: Y.Doc; close: () => void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, board.id, doc, {
    params: { ...board.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return {
    doc,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** After a SIGKILL and restart, how many clients' final edits survived? */
async function durableFinals(
  server: OurServer,
  boards: readonly BoardRef[],
  finals: Record<string, number>,
): Promise<{ found: number; total: number }> {
  await server.kill();
  const restarted = await startOurServer(server.dataDir);
  let found = 0;
  const keys = new Map<string, number>();
  for (const board of boards) {
    const { doc, close } = await syncedDoc(restarted.wsUrl, board);
    for (const [key, edit] of doc.getMap<{ seq: number }>('edits').entries()) keys.set(key, edit.seq);
    close();
  }
  for (const [key, seq] of Object.entries(finals)) if (keys.get(key) === seq) found++;
  await restarted.stop();
  return { found, total: Object.keys(finals).length };
}

interface EditingMeasurement {
  readonly edits: Float64Array;
  readonly cursors: Float64Array;
  readonly clients: number;
  readonly converged: number;
  readonly cpu: number;
  readonly peakRss: number;
  /** Final edits found after SIGKILL + restart, of how many; undefined for the in-memory stock server. */
  readonly durable?: { found: number; total: number };
}

async function editing(scenario: EditingScenario, server: BenchServer): Promise<EditingMeasurement> {
  const boards: BoardRef[] = [];
  for (let i = 0; i < scenario.boards; i++) boards.push(await server.createBoard());
  const perWorker: BoardRef[][] = Array.from({ length: WORKERS }, () => []);
  let next = 0;
  for (const board of boards)
    for (let i = 0; i < scenario.clientsPerBoard; i++) perWorker[next++ % WORKERS]!.push(board);
  const tasks: EditingTask[] = perWorker.map((clientBoards) => ({
    kind: 'editing',
    wsUrl: server.wsUrl,
    boards: clientBoards,
    clientsPerBoard: scenario.clientsPerBoard,
    editHz: EDIT_HZ,
    cursorHz: CURSOR_HZ,
    durationMs: SECONDS * 1000,
    settleTimeoutMs: 10_000,
  }));
  const cpuBefore = server.cpuSeconds();
  const results = await runWorkers<EditingResult>(tasks);
  const cpu = server.cpuSeconds() - cpuBefore;
  const finals = Object.assign({}, ...results.map((result) => result.finalSeqs)) as Record<string, number>;
  const peakRss = server.peakRss();
  return {
    edits: concat(results.map((result) => result.editLatencies)),
    cursors: concat(results.map((result) => result.cursorLatencies)),
    clients: results.reduce((sum, result) => sum + result.clients, 0),
    converged: results.reduce((sum, result) => sum + result.converged, 0),
    cpu,
    peakRss,
    durable: 'kill' in server ? await durableFinals(server as OurServer, boards, finals) : undefined,
  };
}

const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);
const mb = (bytes: number) => bytes / 1024 / 1024;

function editingRow(scenario: string, server: string, runs: readonly EditingMeasurement[]): Row {
  const edits = concat(runs.map((run) => run.edits));
  const cursors = concat(runs.map((run) => run.cursors));
  const seconds = SECONDS * runs.length;
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

interface StormMeasurement {
  readonly times: Float64Array;
  readonly total: number;
  readonly clients: number;
  readonly complete: number;
  readonly peakRss: number;
}

async function storm(server: BenchServer): Promise<StormMeasurement> {
  const board = await server.createBoard();
  const seed = await syncedDoc(server.wsUrl, board);
  seed.doc.transact(() => {
    for (let i = 0; i < STORM_ENTRIES; i++)
      seed.doc.getMap('content').set(`entry-${i}`, { i, text: `note ${i}` });
  });
  // Once another client sees all of it, the server holds it.
  const check = await syncedDoc(server.wsUrl, board);
  while (check.doc.getMap('content').size < STORM_ENTRIES) {
    await new Promise((resolve) => check.doc.once('update', resolve));
  }
  check.close();
  const perWorker = Math.ceil(STORM_CLIENTS / WORKERS);
  const started = performance.now();
  const results = await runWorkers<StormResult>(
    Array.from({ length: WORKERS }, () => ({
      kind: 'storm' as const,
      wsUrl: server.wsUrl,
      board,
      clients: perWorker,
      expectedEntries: STORM_ENTRIES,
      timeoutMs: 30_000,
    })),
  );
  const total = performance.now() - started;
  seed.close();
  return {
    times: concat(results.map((result) => result.syncTimes)),
    total,
    clients: perWorker * WORKERS,
    complete: sum(results, (result) => result.complete),
    peakRss: server.peakRss(),
  };
}

function stormRow(scenario: string, server: string, runs: readonly StormMeasurement[]): Row {
  const times = concat(runs.map((run) => run.times));
  const total = Math.max(...runs.map((run) => run.total));
  return {
    scenario,
    server,
    numbers: { syncP99: percentile(times, 99), total },
    cells: {
      'time to full sync p50/p95/p99 ms': `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} / ${ms(percentile(times, 99))}`,
      'slowest run all synced after ms': ms(total),
      'synced with full board': `${sum(runs, (run) => run.complete)}/${sum(runs, (run) => run.clients)}`,
      'peak RSS MB': Math.max(...runs.map((run) => mb(run.peakRss))).toFixed(0),
    },
  };
}

/**
 * Each server twice on fresh processes, in the order A B B A, so a change in the machine's background
 * load during the run weighs on both alike; the samples of both runs are pooled.
 */
async function compare<M>(
  scenario: string,
  measure: (server: BenchServer) => Promise<M>,
  summarise: (scenario: string, server: string, runs: readonly M[]) => Row,
  ourFirst: boolean,
): Promise<Row[]> {
  const runs = { ours: [] as M[], stock: [] as M[] };
  const names = { ours: '', stock: '' };
  const order: Array<'ours' | 'stock'> = ourFirst
    ? ['ours', 'stock', 'stock', 'ours']
    : ['stock', 'ours', 'ours', 'stock'];
  for (const which of order) {
    const server = which === 'ours' ? await startOurServer() : await startStockServer();
    names[which] = server.name;
    try {
      runs[which].push(await measure(server));
    } finally {
      await server.stop();
    }
  }
  return [summarise(scenario, names.ours, runs.ours), summarise(scenario, names.stock, runs.stock)];
}

function printTable(title: string, rows: readonly Row[]): void {
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

function ratio(rows: readonly Row[], key: string): string {
  const ours = rows.find((row) => row.server === 'squall')!.numbers[key]!;
  const stock = rows.find((row) => row.server !== 'squall')!.numbers[key]!;
  return `${(ours / stock).toFixed(2)}×`;
}

console.log(
  `collab-server bench: ${SECONDS}s per scenario, clients edit at ${EDIT_HZ} Hz and move cursors at ${CURSOR_HZ} Hz, ` +
    `${WORKERS} client worker threads; ratio = squall / stock (lower is better for latency and memory)`,
);
let ourFirst = false;
for (const scenario of SCENARIOS) {
  const rows = await compare(scenario.name, (server) => editing(scenario, server), editingRow, ourFirst);
  ourFirst = !ourFirst;
  printTable(scenario.name, rows);
  console.log(
    `ratio: edit p99 ${ratio(rows, 'editP99')}, cursor p99 ${ratio(rows, 'cursorP99')}, ` +
      `server CPU ${ratio(rows, 'cpuPerSecond')}, peak RSS ${ratio(rows, 'peakRssMb')}`,
  );
}
const stormName = `connect storm: ${Math.ceil(STORM_CLIENTS / WORKERS) * WORKERS} clients join a board of ${STORM_ENTRIES} entries`;
const stormRows = await compare(stormName, storm, stormRow, ourFirst);
printTable(stormName, stormRows);
console.log(
  `ratio: time to full sync p99 ${ratio(stormRows, 'syncP99')}, all synced ${ratio(stormRows, 'total')}`,
);
