import http from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { AddressRateLimiter } from './access/address-rate-limiter.ts';
import { BoardAccess } from './access/board-access.ts';
import { clientAddress } from './access/client-address.ts';
import { InstanceGate } from './access/instance-gate.ts';
import { isAllowedOrigin } from './access/origin-check.ts';
import { BoardService } from './board-service.ts';
import type { ServerConfig } from './config.ts';
import { queryTokens } from './http/credentials.ts';
import { handleRequest } from './http/handle-request.ts';
import { requestPath } from './http/request-path.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { RedisRelay } from './relay/redis-relay.ts';
import { BoardRevisions } from './revisions/board-revisions.ts';
import { BoardRooms } from './rooms/board-rooms.ts';
import type { BoardStore } from './storage/board-store.ts';
import { type Checkpointer, startCheckpointer } from './storage/checkpointer.ts';
import { PgStore } from './storage/pg-store.ts';
import { SqliteStore } from './storage/sqlite-store.ts';
import { acceptSyncSocket } from './sync/accept-sync-socket.ts';
import { CloseCode } from './sync/close-codes.ts';

export interface RunningServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (loopback, for tests and logs). */
  readonly url: string;
  /** `SqliteStore` unless `DATABASE_URL` is set (`PgStore`). */
  readonly store: BoardStore;
  readonly rooms: BoardRooms;
  readonly metrics: Metrics;
  /** Stops accepting, saves every board, closes sockets with 1001 "going away", closes the database. */
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 64 * 1024;
const KEEP_ALIVE_MS = 65_000;
const SHUTDOWN_GRACE_MS = 3_000;
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

const UPGRADE_ERROR_CODES: Record<number, string> = {
  401: 'session_required',
  403: 'origin_not_allowed',
  404: 'not_found',
  429: 'rate_limited',
};

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const body = JSON.stringify({
    error: { code: UPGRADE_ERROR_CODES[status] ?? 'unavailable', message: text },
  });
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-type: application/json\r\n` +
      `${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Starts the whole server (HTTP API, web app, `/sync/<id>` WebSockets) on `config.port`. */
export async function startServer(
  config: ServerConfig,
  log: Logger,
  options: { processMetrics?: boolean } = {},
): Promise<RunningServer> {
  const metrics = createMetrics({ processMetrics: options.processMetrics ?? false });
  let store: BoardStore;
  let checkpointer: Checkpointer | undefined;
  if (config.databaseUrl) {
    store = await PgStore.open(config.databaseUrl);
  } else {
    // ≈ 80 MB of WAL before the server's own thread would checkpoint: normally the worker keeps it small.
    const sqlite = new SqliteStore(config.dataDir, { autoCheckpointPages: 20_000 });
    checkpointer = startCheckpointer(sqlite.file, config.checkpointIntervalMs, (event) => {
      if (event.kind === 'checkpointed') metrics.walFrames.set(event.log);
      else log.warn({ message: event.message }, 'background checkpoint failed');
    });
    store = sqlite;
  }
  const relay = config.redisUrl
    ? new RedisRelay(config.redisUrl, config.instanceId, metrics, log.child({ relay: 'redis' }))
    : undefined;
  const rooms = new BoardRooms({ store, relay, metrics, log, ...config });
  const access = new BoardAccess(store);
  const revisions = new BoardRevisions(store.revisions, rooms, {
    limit: config.maxRevisionsPerBoard,
    maxBoardBytes: config.maxBoardBytes,
  });
  const boards = new BoardService(store, rooms, access, revisions);
  const gate = config.accessSecret ? new InstanceGate(config.accessSecret) : undefined;
  const connectionAttempts = new AddressRateLimiter(config.connectionAttemptsPerMinute);
  const boardCreations = new AddressRateLimiter(config.boardCreationsPerMinute);
  const loginAttempts = new AddressRateLimiter(LOGIN_ATTEMPTS_PER_MINUTE);
  // Boards left with appended updates (a crash) are compacted now rather than on first open. Not with a
  // shared database: there the boards other instances are editing always have some, and the instance
  // that next holds a board folds them (at the latest when it leaves memory), so a new instance starts at once.
  const crashLeftovers = store.shared ? [] : await store.boardsWithPendingUpdates();
  for (const id of crashLeftovers) {
    const room = await rooms.open(id);
    if (room) {
      await room.compact();
      await rooms.evict(id);
    }
  }
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  const alive = new WeakSet<WebSocket>();
  let closing = false;

  const server = http.createServer((req, res) =>
    handleRequest(req, res, {
      boards,
      metrics,
      log,
      webDist: config.webDist,
      limits: {
        maxJsonBytes: MAX_JSON_BYTES,
        maxBodyBytes: config.maxBodyBytes,
        boardCreations,
      },
      gate,
      loginAttempts,
      trustProxy: config.trustProxy,
      status: () => ({
        // Without Redis an instance of a cluster still serves its own clients, but not together with the others'.
        status: relay && !relay.connected ? 'degraded' : 'ok',
        instance: config.instanceId,
        boardsLoaded: rooms.size,
        connections: wss.clients.size,
        ...(relay && { redis: relay.connected ? 'up' : 'down' }),
      }),
    }),
  );
  // Idle keep-alive connections outlive a load balancer's or a client's own pool of them (commonly
  // 60 s): with Node's 5 s default, a client reusing a connection as the server closes it gets ECONNRESET.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.on('upgrade', (req, socket, head) => {
    const pathname = requestPath(req.url);
    if (closing) return refuseUpgrade(socket, 503, 'server is shutting down');
    if (pathname === undefined) return refuseUpgrade(socket, 400, 'the request target is not a valid URL');
    if (!pathname.startsWith('/sync/'))
      return refuseUpgrade(socket, 404, `no WebSocket endpoint at ${pathname}`);
    // Refused before the handshake (HTTP status, no socket): other sites' pages, callers without a
    // session, and addresses opening sockets too fast.
    const refuse = (status: number, reason: string, text: string) => {
      metrics.rejected.inc({ reason });
      log.warn({ reason, origin: req.headers.origin }, 'sync upgrade refused');
      refuseUpgrade(socket, status, text);
    };
    if (!isAllowedOrigin(req, config.allowedOrigins)) {
      return refuse(403, 'originNotAllowed', `origin ${req.headers.origin} may not open sync sockets`);
    }
    if (gate && !gate.hasSession(req)) return refuse(401, 'sessionRequired', 'sign in at /login first');
    if (!connectionAttempts.take(clientAddress(req, config.trustProxy))) {
      return refuse(429, 'connectionRateLimited', 'too many connection attempts from this address');
    }
    const token = queryTokens(req.url)[0];
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      acceptSyncSocket(ws, socket, pathname.slice('/sync/'.length), token, {
        rooms,
        access,
        metrics,
        log,
        ...config,
      });
    });
  });

  // Liveness: a socket that has not answered the previous ping is dead (laptop closed, network gone).
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        metrics.rejected.inc({ reason: 'unresponsive' });
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, config.pingIntervalMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(
    {
      port,
      instance: config.instanceId,
      storage: config.databaseUrl ? 'postgres' : 'sqlite',
      relay: relay ? 'redis' : 'none',
      ...(!config.databaseUrl && { dataDir: config.dataDir }),
      webDist: config.webDist,
    },
    'collab server listening',
  );

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    store,
    rooms,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const saved = rooms.closeAll(CloseCode.goingAway, 'server shutting down');
      const sockets = [...wss.clients];
      await Promise.race([
        Promise.all(sockets.map((ws) => new Promise((resolve) => ws.once('close', resolve)))),
        new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
      ]);
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await stopped;
      await saved;
      await relay?.close();
      await checkpointer?.stop();
      await store.close();
      log.info('collab server stopped');
    },
  };
}
