import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Everything the server can be told through its environment, with the defaults it runs with. */
export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  readonly host: string;
  /** Folder holding `squall.db`; created when missing. */
  readonly dataDir: string;
  /** Built web app served on every non-API GET; `undefined` → next to the server bundle. */
  readonly webDist: string;
  /** Largest WebSocket frame accepted (bytes). */
  readonly maxMessageBytes: number;
  /** Largest HTTP request body accepted (board file imports are the big ones). */
  readonly maxBodyBytes: number;
  readonly maxConnectionsPerBoard: number;
  /** Token bucket per socket: sustained messages per second and burst size. */
  readonly rateLimitMessagesPerSecond: number;
  readonly rateLimitBurst: number;
  /** Unused boards are flushed and dropped from memory after this long. */
  readonly evictAfterMs: number;
  /** Awareness (cursor) changes are merged and relayed once per tick. */
  readonly awarenessTickMs: number;
  /** Appended updates per board that trigger a compaction into the snapshot. */
  readonly compactAfterUpdates: number;
  /** Idle time after the last edit before a board is compacted anyway. */
  readonly compactIdleMs: number;
  readonly pingIntervalMs: number;
  /** Background WAL checkpoint interval (a worker thread). */
  readonly checkpointIntervalMs: number;
  /** A socket whose unsent data exceeds this is closed (a slow client must not grow our memory). */
  readonly maxBufferedBytes: number;
  readonly logLevel: string;
  /** Origins (besides the request's own host) allowed to open `/sync` sockets, e.g. `https://squall.example.com`. */
  readonly allowedOrigins: readonly string[];
  /** Instance gate: when set, every page, API call and socket needs a session obtained with this secret. */
  readonly accessSecret: string | undefined;
  /** Behind a reverse proxy: take the client address from the last `X-Forwarded-For` entry. */
  readonly trustProxy: boolean;
  /** Longest note (Y.Text) a sync update may leave behind. */
  readonly maxNoteTextLength: number;
  readonly maxElementsPerBoard: number;
  /** Stored size of one board (snapshot + appended updates) a sync update may not push it past. */
  readonly maxBoardBytes: number;
  /** Boards one client address may create (or import) per minute. */
  readonly boardCreationsPerMinute: number;
  /** WebSocket connection attempts one client address may make per minute (bursts up to the same number). */
  readonly connectionAttemptsPerMinute: number;
  /** Saved revisions kept per board; at the limit the oldest export revision makes room. */
  readonly maxRevisionsPerBoard: number;
  /** `postgres://…`: boards live in PostgreSQL, shared by every instance; unset: SQLite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** `redis://…`: instances relay each board's updates and presence through Redis; unset: one process. */
  readonly redisUrl: string | undefined;
  /** This instance's name in logs and relayed messages (unique per process). */
  readonly instanceId: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, not "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${name} must be 1/true or 0/false, not "${raw}"`);
}

/** `ALLOWED_ORIGINS`: comma-separated origins (`scheme://host[:port]`), normalised by `URL`. */
function origins(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return list.map((item) => {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {}
    if (!url || url.origin === 'null' || url.origin !== item.replace(/\/$/, '')) {
      throw new ConfigError(
        `ALLOWED_ORIGINS must list origins like https://squall.example.com, not "${item}"`,
      );
    }
    return url.origin;
  });
}

const MIN_SECRET_LENGTH = 12;

function accessSecret(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  // A short secret can be guessed through the login form; say so rather than run a weak gate.
  if (raw.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`ACCESS_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return raw;
}

/** An optional URL setting whose scheme must be one of `schemes`. */
function serviceUrl(env: NodeJS.ProcessEnv, name: string, schemes: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  if (!url || !schemes.includes(url.protocol)) {
    throw new ConfigError(`${name} must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`);
  }
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_PORT = 4410;

/**
 * Reads the configuration from environment variables. Relative paths are resolved against `cwd`
 * (the repo root under `npm start`), the web build against the server bundle's own folder.
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string, serverDir: string): ServerConfig {
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }
  const databaseUrl = serviceUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = serviceUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  // Instances relaying a board must read and write the same stored board.
  if (redisUrl && !databaseUrl) {
    throw new ConfigError('REDIS_URL needs DATABASE_URL: instances that share boards must share a database');
  }
  const instanceId =
    env.INSTANCE_ID?.trim() || `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  if (Buffer.byteLength(instanceId) > 200) throw new ConfigError('INSTANCE_ID must be at most 200 bytes');
  return {
    databaseUrl,
    redisUrl,
    instanceId,
    port: integer(env, 'PORT', DEFAULT_PORT, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    webDist: env.WEB_DIST?.trim()
      ? path.resolve(cwd, env.WEB_DIST.trim())
      : path.resolve(serverDir, '../../web/dist'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 20 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', 200, 1, 100_000),
    rateLimitMessagesPerSecond: integer(env, 'RATE_LIMIT_MESSAGES_PER_SECOND', 200, 1, 1_000_000),
    rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', 400, 1, 1_000_000),
    evictAfterMs: integer(env, 'EVICT_AFTER_MS', 30_000, 0, 24 * 3600_000),
    awarenessTickMs: integer(env, 'AWARENESS_TICK_MS', 30, 0, 10_000),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1, 10_000_000),
    compactIdleMs: integer(env, 'COMPACT_IDLE_MS', 5_000, 0, 24 * 3600_000),
    pingIntervalMs: integer(env, 'PING_INTERVAL_MS', 30_000, 100, 3600_000),
    checkpointIntervalMs: integer(env, 'CHECKPOINT_INTERVAL_MS', 1_000, 10, 3600_000),
    maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel,
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    accessSecret: accessSecret(env.ACCESS_SECRET),
    trustProxy: flag(env, 'TRUST_PROXY'),
    maxNoteTextLength: integer(env, 'MAX_NOTE_TEXT_LENGTH', 10_000, 1, 1_000_000_000),
    maxElementsPerBoard: integer(env, 'MAX_ELEMENTS_PER_BOARD', 20_000, 1, 10_000_000),
    maxBoardBytes: integer(env, 'MAX_BOARD_BYTES', 64 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    boardCreationsPerMinute: integer(env, 'BOARD_CREATIONS_PER_MINUTE', 30, 1, 1_000_000),
    connectionAttemptsPerMinute: integer(env, 'CONNECTION_ATTEMPTS_PER_MINUTE', 600, 1, 10_000_000),
    maxRevisionsPerBoard: integer(env, 'MAX_REVISIONS_PER_BOARD', 100, 1, 100_000),
  };
}
