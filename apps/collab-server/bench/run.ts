// Load benchmark: our server and the stock @y/websocket-server 0.1.1 under the same simulated
// y-websocket clients, one after the other in one run. Prints a table; exits 0.
//   BENCH_SECONDS   timed phase per scenario and run (default 7; each server runs each scenario twice)
//   BENCH_WORKERS   client worker threads (default 2)
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardRef, EditingResult, EditingTask, StormResult } from './protocol.ts';
import {
  type EditingMeasurement,
  editingRow,
  mb,
  ms,
  printTable,
  type Row,
  runWorkers,
  sum,
} from './report.ts';
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
  const rows = await compare(
    scenario.name,
    (server) => editing(scenario, server),
    (name, server, runs) => editingRow(name, server, runs, SECONDS),
    ourFirst,
  );
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
