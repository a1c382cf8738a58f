import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoardRef } from './protocol.ts';

/** A server under test, run as its own process so its CPU and memory are its own. */
export interface BenchServer {
  readonly name: string;
  /** y-websocket base URL (`WebsocketProvider(url, room)`). */
  readonly wsUrl: string;
  /** A room/board to use; ours needs it created over HTTP first and a token to join it. */
  createBoard(): Promise<BoardRef>;
  /** Peak resident set size so far, in bytes (VmHWM). */
  peakRss(): number;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const OUR_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
/** Flags for our instances' `node`, e.g. `--prof` to profile them under load (see the README). */
const OUR_NODE_ARGS = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const STOCK_MAIN = fileURLToPath(new URL('./stock-server.ts', import.meta.url));

// Servers must not outlive the bench, even when it fails.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function readLines(child: ChildProcess, onLine: (line: string) => void): void {
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) onLine(line);
  });
}

function waitForPort(child: ChildProcess, portOf: (line: string) => number | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    readLines(child, (line) => {
      const port = portOf(line);
      if (port) resolve(port);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

function peakRssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

function cpuSecondsOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name): utime, stime in ticks.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

const CLOCK_TICKS_PER_SECOND = 100;

function stopper(child: ChildProcess, after?: () => void): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    after?.();
  };
}

export interface OurServer extends BenchServer {
  readonly dataDir: string;
  readonly url: string;
  /** SIGKILL, for the durability check. */
  kill(): Promise<void>;
}

/** Our server (the bundled dist/main.js), durable: SQLite in a temporary DATA_DIR. */
export async function startOurServer(dataDir?: string, env: Record<string, string> = {}): Promise<OurServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'squall-bench-'));
  const child = track(
    spawn(process.execPath, [...OUR_NODE_ARGS, OUR_MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
        MAX_CONNECTIONS_PER_BOARD: '1000',
        // Every simulated client connects from 127.0.0.1: one address far above a person's rate limits.
        CONNECTION_ATTEMPTS_PER_MINUTE: '10000000',
        BOARD_CREATIONS_PER_MINUTE: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  // Port 0: the chosen port is in the start-up log line.
  const port = await waitForPort(child, (line) => {
    const entry = JSON.parse(line) as { msg?: string; port?: number; level?: number };
    // Warnings and errors (rejected clients, storage trouble) would make the numbers meaningless: show them.
    if ((entry.level ?? 0) >= 40) process.stderr.write(`squall server: ${line}\n`);
    return entry.msg === 'collab server listening' ? entry.port : undefined;
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'squall',
    dataDir: dir,
    url,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    async createBoard() {
      const response = await fetch(`${url}/api/boards`, { method: 'POST', body: '{"name":"bench"}' });
      const board = (await response.json()) as { id: string; editToken: string };
      return { id: board.id, params: { token: board.editToken } };
    },
    peakRss: () => peakRssOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: stopper(child),
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

let stockRooms = 0;

/** The stock @y/websocket-server 0.1.1, in memory (how its bin runs without YPERSISTENCE). */
export async function startStockServer(): Promise<BenchServer> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', STOCK_MAIN], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const port = await waitForPort(child, (line) => (JSON.parse(line) as { port?: number }).port);
  return {
    name: 'stock 0.1.1',
    wsUrl: `ws://127.0.0.1:${port}`,
    createBoard: async () => ({ id: `bench-room-${++stockRooms}`, params: {} }),
    peakRss: () => peakRssOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: stopper(child),
  };
}
