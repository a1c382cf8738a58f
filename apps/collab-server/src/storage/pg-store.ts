import pg from 'pg';
import { asBuffer } from './as-buffer.ts';
import type {
  BoardAccessRecord,
  BoardRecord,
  BoardStore,
  CompactedBoard,
  NewBoard,
  StoredBoardState,
} from './board-store.ts';
import { PgRevisionStore } from './pg-revision-store.ts';
import { REVISION_TABLES, revisionSchema } from './revision-store.ts';

// Same tables as the SQLite store. Times are epoch milliseconds (BIGINT), sequence numbers a BIGSERIAL:
// unique and increasing per insert, though not always in commit order (see foldUpdates).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  element_count INTEGER NOT NULL DEFAULT 0,
  connection_count INTEGER NOT NULL DEFAULT 0,
  snapshot BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
CREATE TABLE IF NOT EXISTS board_access (
  board_id TEXT PRIMARY KEY,
  edit_hash TEXT NOT NULL UNIQUE,
  view_hash TEXT NOT NULL UNIQUE,
  owner_hash TEXT NOT NULL UNIQUE,
  locked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE IF NOT EXISTS board_previews (
  board_id TEXT PRIMARY KEY,
  content TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS retired_tokens (
  hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL
);
`;

/** Appends of different boards that wait for a commit go out together in one statement. */
interface PendingAppend {
  readonly boardId: string;
  readonly updates: readonly Uint8Array[];
  readonly resolve: (lastSeq: number) => void;
  readonly reject: (error: unknown) => void;
}

/** Commits of appends in flight at once; the appends that arrive meanwhile wait for the next one. */
const PARALLEL_APPENDS = 2;
/** Rows per append statement (a few MB at most with Squall's message size limit per row). */
const MAX_ROWS_PER_APPEND = 2_000;

/** Advisory lock key taken while creating the schema, so instances starting together do not collide. */
const SCHEMA_LOCK = 0x5371_7561;

interface BoardRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  element_count: number;
  connection_count: number;
}

interface AccessRow {
  board_id: string;
  edit_hash: string;
  view_hash: string;
  owner_hash: string;
  locked: boolean;
}

const BOARD_COLUMNS = `b.id, b.name, b.created_at, b.element_count, b.connection_count,
  GREATEST(b.updated_at, COALESCE((SELECT max(u.created_at) FROM updates u WHERE u.board_id = b.id), 0)) AS updated_at`;

// A preview describes the snapshot: it is current while no update has been appended after it.
const CURRENT_PREVIEW = `FROM board_previews WHERE board_id = $1
  AND NOT EXISTS (SELECT 1 FROM updates WHERE board_id = $1)`;

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    elementCount: row.element_count,
    connectionCount: row.connection_count,
  };
}

function toAccess(row: AccessRow): BoardAccessRecord {
  return {
    boardId: row.board_id,
    editHash: row.edit_hash,
    viewHash: row.view_hash,
    ownerHash: row.owner_hash,
    locked: row.locked,
  };
}

/**
 * All boards in PostgreSQL (`DATABASE_URL`), shared by every instance. Each append is committed before
 * its promise resolves; compactions of one board are serialised across instances by a transaction-level
 * advisory lock on the board id, and fold exactly the rows they read under it.
 */
export class PgStore implements BoardStore {
  readonly shared = true;
  /** The boards' saved revisions (same database). */
  readonly revisions: PgRevisionStore;
  private readonly pendingAppends: PendingAppend[] = [];
  private appending = 0;

  private constructor(private readonly pool: pg.Pool) {
    this.revisions = new PgRevisionStore(pool, (work) => this.transaction(work));
  }

  /** Connects, creates the tables if needed; rejects when the database cannot be reached. */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle client losing its connection (database restarted) must not crash the process.
    pool.on('error', () => {});
    const store = new PgStore(pool);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA + revisionSchema('BYTEA'));
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async createBoard(board: NewBoard, now = Date.now()): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO boards (id, name, created_at, updated_at, element_count, connection_count, snapshot)
         VALUES ($1, $2, $3, $3, $4, $5, $6)`,
        [board.id, board.name, now, board.elementCount, board.connectionCount, asBuffer(board.snapshot)],
      );
      if (board.access) {
        await client.query(
          'INSERT INTO board_access (board_id, edit_hash, view_hash, owner_hash) VALUES ($1, $2, $3, $4)',
          [board.id, board.access.editHash, board.access.viewHash, board.access.ownerHash],
        );
      }
      if (board.preview !== undefined) {
        await client.query('INSERT INTO board_previews (board_id, content) VALUES ($1, $2)', [
          board.id,
          board.preview,
        ]);
      }
    });
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const { rows } = await this.pool.query<BoardRow>(
      `SELECT ${BOARD_COLUMNS} FROM boards b WHERE b.id = $1`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async listBoards(): Promise<BoardRecord[]> {
    const { rows } = await this.pool.query<BoardRow>(
      `SELECT ${BOARD_COLUMNS} FROM boards b ORDER BY updated_at DESC, b.id`,
    );
    return rows.map(toRecord);
  }

  async renameBoard(id: string, name: string, now = Date.now()): Promise<boolean> {
    const result = await this.pool.query('UPDATE boards SET name = $1, updated_at = $2 WHERE id = $3', [
      name,
      now,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  deleteBoard(id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      for (const table of [
        'updates',
        'board_access',
        'retired_tokens',
        'board_previews',
        ...REVISION_TABLES,
      ]) {
        await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [id]);
      }
      const result = await client.query('DELETE FROM boards WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  loadBoardState(id: string): Promise<StoredBoardState | undefined> {
    // One snapshot of the database for both reads: a compaction in between cannot hide rows.
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return readState(client, id);
    });
  }

  /**
   * Commits the updates (one row each) and resolves with the last one's sequence number. Appends of
   * every board on this instance are grouped: while a commit is in flight, those that arrive wait and
   * go out together in the next, one statement and one commit for all of them, so a busy instance
   * costs a commit per round trip, not one per board.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ boardId, updates, resolve, reject });
      this.flushAppends();
    });
  }

  private flushAppends(): void {
    if (this.appending >= PARALLEL_APPENDS || this.pendingAppends.length === 0) return;
    const batch: PendingAppend[] = [];
    let rows = 0;
    while (this.pendingAppends.length > 0 && (batch.length === 0 || rows < MAX_ROWS_PER_APPEND)) {
      const next = this.pendingAppends.shift()!;
      batch.push(next);
      rows += next.updates.length;
    }
    this.appending++;
    this.insertUpdates(batch)
      .then(
        (lastSeqs) => {
          for (const append of batch) append.resolve(lastSeqs.get(append.boardId) ?? 0);
        },
        (error: unknown) => {
          for (const append of batch) append.reject(error);
        },
      )
      .finally(() => {
        this.appending--;
        this.flushAppends();
      });
  }

  /** One INSERT for every row of the batch; the highest sequence number per board. */
  private async insertUpdates(
    batch: readonly PendingAppend[],
    now = Date.now(),
  ): Promise<Map<string, number>> {
    const boards: string[] = [];
    const data: Buffer[] = [];
    for (const { boardId, updates } of batch) {
      for (const update of updates) {
        boards.push(boardId);
        data.push(asBuffer(update));
      }
    }
    const { rows } = await this.pool.query<{ board_id: string; seq: string }>(
      `INSERT INTO updates (board_id, data, created_at)
       SELECT board_id, data, $3 FROM unnest($1::text[], $2::bytea[]) AS rows (board_id, data)
       RETURNING board_id, seq`,
      [boards, data, now],
    );
    const lastSeqs = new Map<string, number>();
    for (const row of rows)
      lastSeqs.set(row.board_id, Math.max(lastSeqs.get(row.board_id) ?? 0, Number(row.seq)));
    return lastSeqs;
  }

  foldUpdates(
    id: string,
    _upToSeq: number,
    build: (stored: StoredBoardState | undefined) => CompactedBoard,
  ): Promise<boolean> {
    return this.transaction(async (client) => {
      // Another instance compacting this board waits here; appends do not.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
      const stored = await readState(client, id);
      if (!stored) return false;
      const seqs = stored.seqs;
      const { snapshot, preview, elementCount, connectionCount } = build(stored);
      await client.query(
        `UPDATE boards SET snapshot = $2, element_count = $3, connection_count = $4,
           updated_at = GREATEST(updated_at, COALESCE((SELECT max(created_at) FROM updates
             WHERE board_id = $1 AND seq = ANY($5::bigint[])), 0))
         WHERE id = $1`,
        [id, asBuffer(snapshot), elementCount, connectionCount, seqs],
      );
      // Exactly the rows read above: a row with a lower seq that committed since stays for the next time.
      await client.query('DELETE FROM updates WHERE board_id = $1 AND seq = ANY($2::bigint[])', [id, seqs]);
      if (preview === undefined) await client.query('DELETE FROM board_previews WHERE board_id = $1', [id]);
      else await upsertPreview(client, id, preview);
      return true;
    });
  }

  async savePreview(id: string, preview: string): Promise<void> {
    await upsertPreview(this.pool, id, preview);
  }

  async currentPreview(id: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ content: string }>(`SELECT content ${CURRENT_PREVIEW}`, [id]);
    return rows[0]?.content;
  }

  async hasCurrentPreview(id: string): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 ${CURRENT_PREVIEW}`, [id]);
    return rows.length > 0;
  }

  async pendingUpdateCount(id: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*) FROM updates WHERE board_id = $1',
      [id],
    );
    return Number(rows[0]!.count);
  }

  async boardsWithPendingUpdates(): Promise<string[]> {
    const { rows } = await this.pool.query<{ board_id: string }>('SELECT DISTINCT board_id FROM updates');
    return rows.map((row) => row.board_id);
  }

  async getAccess(boardId: string): Promise<BoardAccessRecord | undefined> {
    const { rows } = await this.pool.query<AccessRow>('SELECT * FROM board_access WHERE board_id = $1', [
      boardId,
    ]);
    return rows[0] && toAccess(rows[0]);
  }

  async findAccessByHash(hash: string): Promise<BoardAccessRecord | undefined> {
    const { rows } = await this.pool.query<AccessRow>(
      'SELECT * FROM board_access WHERE edit_hash = $1 OR view_hash = $1 OR owner_hash = $1',
      [hash],
    );
    return rows[0] && toAccess(rows[0]);
  }

  async setLocked(boardId: string, locked: boolean): Promise<void> {
    await this.pool.query('UPDATE board_access SET locked = $1 WHERE board_id = $2', [locked, boardId]);
  }

  async rotateLink(boardId: string, link: 'edit' | 'view', oldHash: string, newHash: string): Promise<void> {
    const column = link === 'edit' ? 'edit_hash' : 'view_hash';
    await this.transaction(async (client) => {
      await client.query(`UPDATE board_access SET ${column} = $1 WHERE board_id = $2`, [newHash, boardId]);
      await client.query(
        'INSERT INTO retired_tokens (hash, board_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [oldHash, boardId],
      );
    });
  }

  async isRetiredHash(boardId: string, hash: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM retired_tokens WHERE hash = $1 AND board_id = $2', [
      hash,
      boardId,
    ]);
    return rows.length > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function readState(
  client: pg.PoolClient,
  id: string,
): Promise<(StoredBoardState & { readonly seqs: string[] }) | undefined> {
  const board = await client.query<{ snapshot: Buffer }>('SELECT snapshot FROM boards WHERE id = $1', [id]);
  if (!board.rows[0]) return undefined;
  const { rows } = await client.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq',
    [id],
  );
  return {
    snapshot: new Uint8Array(board.rows[0].snapshot),
    updates: rows.map((row) => new Uint8Array(row.data)),
    lastSeq: rows.length > 0 ? Number(rows.at(-1)!.seq) : 0,
    seqs: rows.map((row) => row.seq),
  };
}

async function upsertPreview(client: pg.Pool | pg.PoolClient, id: string, preview: string): Promise<void> {
  await client.query(
    `INSERT INTO board_previews (board_id, content) VALUES ($1, $2)
     ON CONFLICT (board_id) DO UPDATE SET content = excluded.content`,
    [id, preview],
  );
}
