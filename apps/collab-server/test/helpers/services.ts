import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './temp-dir.ts';

// Real Redis, PostgreSQL and HAProxy (Debian's packages, which .ci/run installs), each started on a
// free loopback port with its data in a temporary folder, and stopped by the test that started it.

/** Debian installs PostgreSQL's server programs under /usr/lib/postgresql/<major>/bin: the newest one. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((entry) => /^\d+$/.test(entry)) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN)');
  return path.join(root, newest, 'bin');
}

/** A free loopback TCP port (the kernel's pick, released for the service to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `child` prints a line matching `ready` (stdout or stderr); rejects if it exits first. */
function whenReady(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops it (SIGTERM); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** redis-server on a free port, no persistence (the database is the durable store). */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = tempDir('squall-redis-');
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir.path],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await whenReady(child, /Ready to accept connections/, 'redis-server');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      if (child) await stopChild(child);
    },
  };
}

export interface PostgresServer {
  /** `postgres://squall@127.0.0.1:<port>/squall` (trust authentication, loopback only). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL 15 cluster made with initdb in a temporary folder. PostgreSQL refuses to run as root;
 * when the tests run as root (CI does), its processes run as `nobody`, which owns the folder.
 * fsync is off unless asked for: the tests kill our processes, never PostgreSQL (the benchmark keeps it on).
 */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  const port = await freePort();
  const dir = tempDir('squall-pg-');
  const data = path.join(dir.path, 'data');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};
  if (asRoot) fs.chownSync(dir.path, 65534, 65534);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'squall', '-A', 'trust', '--no-sync', '--no-instructions', '-E', 'UTF8'],
    { ...user, cwd: dir.path, stdio: 'pipe' },
  );
  const child = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir.path,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `fsync=${options.fsync ? 'on' : 'off'}`,
      '-c',
      'max_connections=200',
    ],
    { ...user, cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await whenReady(child, /database system is ready to accept connections/, 'postgres');
  execFileSync(
    path.join(bin, 'createdb'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'squall', 'squall'],
    {
      stdio: 'pipe',
    },
  );
  return {
    url: `postgres://squall@127.0.0.1:${port}/squall`,
    async stop() {
      // SIGINT: fast shutdown (disconnects clients, then exits).
      await stopChild(child, 'SIGINT');
      dir.remove();
    },
  };
}

export interface LoadBalancer {
  readonly url: string;
  readonly wsUrl: string;
  stop(): Promise<void>;
}

/**
 * HAProxy in front of `backends` (`http://127.0.0.1:<port>`), as the server README configures it: each
 * path hashed to one backend (so a board's clients share an instance), WebSockets tunnelled, `/healthz`
 * checked every 200 ms, a connection to a dead backend retried on another (redispatch).
 */
export async function startHaproxy(backends: readonly string[]): Promise<LoadBalancer> {
  const port = await freePort();
  const dir = tempDir('squall-haproxy-');
  const config = path.join(dir.path, 'haproxy.cfg');
  const servers = backends
    .map((backend, i) => `  server s${i} ${new URL(backend).host} check inter 200ms fall 1 rise 1`)
    .join('\n');
  fs.writeFileSync(
    config,
    `global
  maxconn 4096
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  retries 3
  option redispatch
frontend squall
  bind 127.0.0.1:${port}
  default_backend instances
backend instances
  balance uri
  hash-type consistent
  option httpchk GET /healthz
${servers}
`,
  );
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // HAProxy prints nothing when it starts well: wait until its port answers.
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`haproxy exited with ${code}`))),
  );
  await Promise.race([waitForPort(port), exited]);
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    async stop() {
      await stopChild(child);
      dir.remove();
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
