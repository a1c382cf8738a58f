// Cluster benchmark: the existing editing load on instances sharing one PostgreSQL and one Redis,
// 2 instances against 1 in the same run (A B B A, samples pooled), then a large cluster load with each
// board on one instance (as a load balancer hashing the board path routes it) and spanning all three.
//   BENCH_SECONDS                timed phase per run (default 7)
//   BENCH_WORKERS                client worker threads (default 2)
//   BENCH_WARMUP_SECONDS         load before each timed phase, not measured (default 3)
//   BENCH_CLUSTER_BOARDS         boards of the large load (default 200), 10 clients each, over 3 instances
//   BENCH_CLUSTER_EDIT_HZ / _CURSOR_HZ   its per-client rates (default 1 / 2: see the README)
//   BENCH_PG_SYNCHRONOUS_COMMIT  PostgreSQL's synchronous_commit for the instances (default on)
//   BENCH_CLUSTER_LARGE_ONLY=1   only the large load (skips the 1 vs 2 instances comparison)
//   BENCH_MEASURE_EVERY          client i of a board measures when i mod this is 0 (default 5; 1: all)
import os from 'node:os';
import { storedDoc } from '../test/helpers/cluster.ts';
import { startPostgres, startRedis } from '../test/helpers/services.ts';
import type { BoardRef, EditingResult, EditingTask } from './protocol.ts';
import { type EditingMeasurement, editingRow, ms, printTable, type Row, runWorkers } from './report.ts';
import { type OurServer, startOurServer } from './servers.ts';
import { concat, percentile } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 7);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const LARGE_BOARDS = Number(process.env.BENCH_CLUSTER_BOARDS ?? 200);
const LARGE_EDIT_HZ = Number(process.env.BENCH_CLUSTER_EDIT_HZ ?? 1);
const LARGE_CURSOR_HZ = Number(process.env.BENCH_CLUSTER_CURSOR_HZ ?? 2);
const SYNCHRONOUS_COMMIT = process.env.BENCH_PG_SYNCHRONOUS_COMMIT ?? 'on';
const MEASURE_EVERY = Number(process.env.BENCH_MEASURE_EVERY ?? 5);

interface Load {
  readonly name: string;
  readonly boards: number;
  readonly clientsPerBoard: number;
  readonly editHz: number;
  readonly cursorHz: number;
}

const LOADS: readonly Load[] = [
  { name: '1 board × 50 clients', boards: 1, clientsPerBoard: 50, editHz: 5, cursorHz: 20 },
  { name: '8 boards × 8 clients', boards: 8, clientsPerBoard: 8, editHz: 5, cursorHz: 20 },
];

// PostgreSQL as installed (fsync on: every append is a durable commit), Redis without persistence.
const [postgres, redis] = await Promise.all([startPostgres({ fsync: true }), startRedis()]);
let instanceCount = 0;

async function startCluster(size: number): Promise<OurServer[]> {
  return Promise.all(
    Array.from({ length: size }, () =>
      startOurServer(undefined, {
        // A libpq `options` parameter, as an operator would put it in DATABASE_URL.
        DATABASE_URL: `${postgres.url}?options=${encodeURIComponent(`-c synchronous_commit=${SYNCHRONOUS_COMMIT}`)}`,
        REDIS_URL: redis.url,
        INSTANCE_ID: `bench-${++instanceCount}`,
      }),
    ),
  );
}

/**
 * Which instance client i of a board connects to. `spanning`: instance i mod size, so every board is on
 * every instance and every edit is relayed. `routed`: all on one instance chosen by a hash of the board
 * id, as a load balancer hashing the sync path sends them (the README's haproxy and nginx settings).
 */
type Placement = 'spanning' | 'routed';

/** FNV-1a: any stable hash spreads boards over instances as a load balancer's would. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

async function measure(
  load: Load,
  instances: readonly OurServer[],
  placement: Placement,
): Promise<EditingMeasurement> {
  const boards: BoardRef[] = [];
  for (let i = 0; i < load.boards; i++) boards.push(await instances[0]!.createBoard());
  const perWorker = Array.from({ length: WORKERS }, () => ({
    boards: [] as BoardRef[],
    wsUrls: [] as string[],
    measuring: [] as boolean[],
  }));
  let next = 0;
  for (const board of boards) {
    for (let i = 0; i < load.clientsPerBoard; i++) {
      const worker = perWorker[next++ % WORKERS]!;
      const instance = placement === 'spanning' ? i : hashOf(board.id);
      worker.boards.push(board);
      worker.wsUrls.push(instances[instance % instances.length]!.wsUrl);
      worker.measuring.push(i % MEASURE_EVERY === 0);
    }
  }
  const tasks: EditingTask[] = perWorker.map((work) => ({
    kind: 'editing',
    wsUrl: instances[0]!.wsUrl,
    servers: instances.map((instance) => instance.wsUrl),
    ...work,
    clientsPerBoard: load.clientsPerBoard,
    editHz: load.editHz,
    cursorHz: load.cursorHz,
    warmupMs: WARMUP_SECONDS * 1000,
    durationMs: SECONDS * 1000,
    settleTimeoutMs: 20_000,
  }));
  const cpuBefore = instances.reduce((total, instance) => total + instance.cpuSeconds(), 0);
  const results = await runWorkers<EditingResult>(tasks);
  const cpu = instances.reduce((total, instance) => total + instance.cpuSeconds(), 0) - cpuBefore;
  const peakRss = Math.max(...instances.map((instance) => instance.peakRss()));
  // Durable: after a SIGKILL of every instance, each client's final edit is in PostgreSQL (read
  // directly, no instance involved).
  await Promise.all(instances.map((instance) => instance.kill()));
  const finals = Object.assign({}, ...results.map((result) => result.finalSeqs)) as Record<string, number>;
  const stored = new Map<string, number>();
  for (const board of boards) {
    const doc = await storedDoc(postgres.url, board.id);
    for (const [key, edit] of doc.getMap<{ seq: number }>('edits').entries()) stored.set(key, edit.seq);
    doc.destroy();
  }
  const found = Object.entries(finals).filter(([key, seq]) => stored.get(key) === seq).length;
  return {
    edits: concat(results.map((result) => result.editLatencies)),
    editCrossed: Uint8Array.from(results.flatMap((result) => [...result.editCrossed])),
    cursors: concat(results.map((result) => result.cursorLatencies)),
    clients: results.reduce((total, result) => total + result.clients, 0),
    converged: results.reduce((total, result) => total + result.converged, 0),
    // Per second of load, the warm-up included: the rows divide by the timed seconds.
    cpu: (cpu * SECONDS) / (SECONDS + WARMUP_SECONDS),
    peakRss,
    durable: { found, total: Object.keys(finals).length },
  };
}

async function run(load: Load, size: number, placement: Placement = 'spanning'): Promise<EditingMeasurement> {
  const instances = await startCluster(size);
  try {
    return await measure(load, instances, placement);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

/** Edit latency percentiles of the edits delivered by the sender's own instance, and of those relayed. */
function withinAndAcross(runs: readonly EditingMeasurement[]): string {
  const within: number[] = [];
  const across: number[] = [];
  for (const { edits, editCrossed } of runs) {
    edits.forEach((latency, i) => {
      (editCrossed?.[i] ? across : within).push(latency);
    });
  }
  const describe = (samples: number[]) => {
    const values = Float64Array.from(samples);
    return [50, 95, 99].map((p) => ms(percentile(values, p))).join(' / ');
  };
  return `edit p50/p95/p99 ms within one instance ${describe(within)} (${within.length}), relayed from another ${describe(across)} (${across.length})`;
}

const label = (size: number) => `${size} instance${size > 1 ? 's' : ''}`;

console.log(
  `collab-server cluster bench: PostgreSQL + Redis on loopback, ${SECONDS}s per run after ${WARMUP_SECONDS}s of warm-up, ${WORKERS} client worker threads, ` +
    `load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} at start; ` +
    "durable = every client's final edit found in PostgreSQL; CPU and RSS: all instances (RSS: the largest); " +
    `latencies, deliveries and convergence measured at client i of each board when i mod ${MEASURE_EVERY} is 0, ` +
    'the others listen-only (they send the same, read every frame and drop it)',
);
try {
  let twoFirst = false;
  for (const load of process.env.BENCH_CLUSTER_LARGE_ONLY === '1' ? [] : LOADS) {
    const runs = new Map<number, EditingMeasurement[]>([
      [1, []],
      [2, []],
    ]);
    for (const size of twoFirst ? [2, 1, 1, 2] : [1, 2, 2, 1]) runs.get(size)!.push(await run(load, size));
    twoFirst = !twoFirst;
    const rows: Row[] = [1, 2].map((size) => editingRow(load.name, label(size), runs.get(size)!, SECONDS));
    printTable(`${load.name} (edits ${load.editHz} Hz, cursors ${load.cursorHz} Hz)`, rows);
    console.log(`2 instances, ${withinAndAcross(runs.get(2)!)}`);
    const [one, two] = rows as [Row, Row];
    console.log(
      `2 / 1 instances: edit p99 ${(two.numbers.editP99! / one.numbers.editP99!).toFixed(2)}×, ` +
        `edits delivered/s ${(two.numbers.editsPerSecond! / one.numbers.editsPerSecond!).toFixed(2)}× ` +
        '(target: edit p99 within 1.5× for the 50-client board)',
    );
  }
  const large: Load = {
    name: `${LARGE_BOARDS} boards × 10 clients`,
    boards: LARGE_BOARDS,
    clientsPerBoard: 10,
    editHz: LARGE_EDIT_HZ,
    cursorHz: LARGE_CURSOR_HZ,
  };
  const routed = await run(large, 3, 'routed');
  const spanning = await run(large, 3, 'spanning');
  const [routedRow, spanningRow] = [
    editingRow(large.name, '3, each board on one', [routed], SECONDS),
    editingRow(large.name, '3, every board on all', [spanning], SECONDS),
  ] as [Row, Row];
  printTable(`${large.name} over 3 instances (edits ${large.editHz} Hz, cursors ${large.cursorHz} Hz)`, [
    routedRow,
    spanningRow,
  ]);
  console.log(`every board on all 3 instances, ${withinAndAcross([spanning])}`);
  console.log(
    `${LARGE_BOARDS * 10} clients on 3 instances, each board on one: edit p99 ${routedRow.numbers.editP99!.toFixed(1)} ms ` +
      `(target: under 100 ms); every board on all three: ${spanningRow.numbers.editP99!.toFixed(1)} ms; ` +
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')} at the end`,
  );
} finally {
  await Promise.all([postgres.stop(), redis.stop()]);
}
