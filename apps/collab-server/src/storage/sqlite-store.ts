import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asBuffer } from './as-buffer.ts';
import type {
  BoardAccessRecord,
  BoardCounts,
  BoardRecord,
  BoardStore,
  CompactedBoard,
  NewBoard,
  StoredBoardState,
} from './board-store.ts';
import { SqliteRevisionStore } from './revision-store.ts';

interface BoardRow {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
  element_count: number;
  connection_count: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  element_count INTEGER NOT NULL DEFAULT 0,
  connection_count INTEGER NOT NULL DEFAULT 0,
  snapshot BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY,
  board_id TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
CREATE TABLE IF NOT EXISTS board_access (
  board_id TEXT PRIMARY KEY,
  edit_hash TEXT NOT NULL UNIQUE,
  view_hash TEXT NOT NULL UNIQUE,
  owner_hash TEXT NOT NULL UNIQUE,
  locked INTEGER NOT NULL DEFAULT 0
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

interface AccessRow {
  board_id: string;
  edit_hash: string;
  view_hash: string;
  owner_hash: string;
  locked: number;
}

function toAccess(row: AccessRow): BoardAccessRecord {
  return {
    boardId: row.board_id,
    editHash: row.edit_hash,
    viewHash: row.view_hash,
    ownerHash: row.owner_hash,
    locked: row.locked === 1,
  };
}

// A preview describes the snapshot: it is current while no update has been appended after it.
const CURRENT_PREVIEW = `FROM board_previews WHERE board_id = @id
  AND NOT EXISTS (SELECT 1 FROM updates WHERE board_id = @id)`;

// A board's "updated" time is its row's or its newest appended update's, so appending stays one insert.
const BOARD_COLUMNS = `b.id, b.name, b.created_at, b.element_count, b.connection_count,
  max(b.updated_at, coalesce((SELECT max(u.created_at) FROM updates u WHERE u.board_id = b.id), 0)) AS updated_at`;

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    elementCount: row.element_count,
    connectionCount: row.connection_count,
  };
}

/**
 * All boards in one SQLite file (`<dataDir>/squall.db`, WAL), for one server process (the embedded
 * default). Every received update is appended as one row before it is relayed; compaction folds the
 * appended rows into the snapshot in one transaction, so a crash at any point leaves either the old
 * rows or the new snapshot, never neither. Answers synchronously.
 */
export class SqliteStore implements BoardStore {
  readonly shared = false;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements;
  /** The boards' saved revisions (same database file). */
  readonly revisions: SqliteRevisionStore;

  /**
   * `autoCheckpointPages`: WAL size (pages) at which a commit checkpoints on this thread. The server
   * checkpoints from a worker (see checkpointer.ts) and keeps this only as a safety net.
   */
  constructor(dataDir: string, options: { autoCheckpointPages?: number } = {}) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'squall.db');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed row survives a process crash (kill -9); only power loss can drop the
    // last transactions. FULL would fsync every edit.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${options.autoCheckpointPages ?? 1000}`);
    this.db.exec(SCHEMA);
    this.revisions = new SqliteRevisionStore(this.db);
    this.statements = {
      insertBoard: this.db.prepare(
        `INSERT INTO boards (id, name, created_at, updated_at, element_count, connection_count, snapshot)
         VALUES (@id, @name, @now, @now, @elementCount, @connectionCount, @snapshot)`,
      ),
      getBoard: this.db.prepare(`SELECT ${BOARD_COLUMNS} FROM boards b WHERE b.id = ?`),
      listBoards: this.db.prepare(`SELECT ${BOARD_COLUMNS} FROM boards b ORDER BY updated_at DESC, b.id`),
      rename: this.db.prepare('UPDATE boards SET name = ?, updated_at = ? WHERE id = ?'),
      deleteBoard: this.db.prepare('DELETE FROM boards WHERE id = ?'),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE board_id = ?'),
      snapshot: this.db.prepare('SELECT snapshot FROM boards WHERE id = ?').pluck(),
      updates: this.db.prepare('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq'),
      append: this.db.prepare('INSERT INTO updates (board_id, data, created_at) VALUES (?, ?, ?)'),
      saveSnapshot: this.db.prepare(
        `UPDATE boards SET snapshot = @snapshot, element_count = @elementCount,
           connection_count = @connectionCount,
           updated_at = max(updated_at, coalesce((SELECT max(created_at) FROM updates
             WHERE board_id = @id AND seq <= @upToSeq), 0))
         WHERE id = @id`,
      ),
      foldUpdates: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
      countUpdates: this.db.prepare('SELECT count(*) FROM updates WHERE board_id = ?').pluck(),
      savePreview: this.db.prepare(
        'INSERT INTO board_previews (board_id, content) VALUES (?, ?) ON CONFLICT (board_id) DO UPDATE SET content = excluded.content',
      ),
      deletePreview: this.db.prepare('DELETE FROM board_previews WHERE board_id = ?'),
      hasCurrentPreview: this.db.prepare(`SELECT 1 ${CURRENT_PREVIEW}`).pluck(),
      currentPreview: this.db.prepare(`SELECT content ${CURRENT_PREVIEW}`).pluck(),
      boardsWithUpdates: this.db.prepare('SELECT DISTINCT board_id FROM updates').pluck(),
      insertAccess: this.db.prepare(
        `INSERT INTO board_access (board_id, edit_hash, view_hash, owner_hash)
         VALUES (@id, @editHash, @viewHash, @ownerHash)`,
      ),
      getAccess: this.db.prepare('SELECT * FROM board_access WHERE board_id = ?'),
      findAccess: this.db.prepare(
        'SELECT * FROM board_access WHERE edit_hash = @hash OR view_hash = @hash OR owner_hash = @hash',
      ),
      setLocked: this.db.prepare('UPDATE board_access SET locked = ? WHERE board_id = ?'),
      setEditHash: this.db.prepare('UPDATE board_access SET edit_hash = ? WHERE board_id = ?'),
      setViewHash: this.db.prepare('UPDATE board_access SET view_hash = ? WHERE board_id = ?'),
      retire: this.db.prepare('INSERT OR IGNORE INTO retired_tokens (hash, board_id) VALUES (?, ?)'),
      isRetired: this.db.prepare('SELECT 1 FROM retired_tokens WHERE hash = ? AND board_id = ?').pluck(),
      deleteAccess: this.db.prepare('DELETE FROM board_access WHERE board_id = ?'),
      deleteRetired: this.db.prepare('DELETE FROM retired_tokens WHERE board_id = ?'),
    };
  }

  /** Inserts a board and, when given, its capability hashes and its snapshot's preview, in one transaction. */
  createBoard(board: NewBoard, now = Date.now()): void {
    const { access, preview, ...row } = board;
    this.db.transaction(() => {
      this.statements.insertBoard.run({ ...row, snapshot: asBuffer(board.snapshot), now });
      if (access) this.statements.insertAccess.run({ id: board.id, ...access });
      if (preview !== undefined) this.statements.savePreview.run(board.id, preview);
    })();
  }

  /** The board's capability hashes; `undefined` for boards created before links existed. */
  getAccess(boardId: string): BoardAccessRecord | undefined {
    const row = this.statements.getAccess.get(boardId) as AccessRow | undefined;
    return row && toAccess(row);
  }

  /** The board one of whose current capabilities hashes to `hash`. */
  findAccessByHash(hash: string): BoardAccessRecord | undefined {
    const row = this.statements.findAccess.get({ hash }) as AccessRow | undefined;
    return row && toAccess(row);
  }

  setLocked(boardId: string, locked: boolean): void {
    this.statements.setLocked.run(locked ? 1 : 0, boardId);
  }

  /** Replaces the edit or view link's hash; the old one is remembered so its users learn it was rotated. */
  rotateLink(boardId: string, link: 'edit' | 'view', oldHash: string, newHash: string): void {
    this.db.transaction(() => {
      (link === 'edit' ? this.statements.setEditHash : this.statements.setViewHash).run(newHash, boardId);
      this.statements.retire.run(oldHash, boardId);
    })();
  }

  isRetiredHash(boardId: string, hash: string): boolean {
    return this.statements.isRetired.get(hash, boardId) !== undefined;
  }

  getBoard(id: string): BoardRecord | undefined {
    const row = this.statements.getBoard.get(id) as BoardRow | undefined;
    return row && toRecord(row);
  }

  listBoards(): BoardRecord[] {
    return (this.statements.listBoards.all() as BoardRow[]).map(toRecord);
  }

  renameBoard(id: string, name: string, now = Date.now()): boolean {
    return this.statements.rename.run(name, now, id).changes > 0;
  }

  deleteBoard(id: string): boolean {
    return this.db.transaction(() => {
      this.statements.deleteUpdates.run(id);
      this.statements.deleteAccess.run(id);
      this.statements.deleteRetired.run(id);
      this.statements.deletePreview.run(id);
      this.revisions.deleteBoard(id);
      return this.statements.deleteBoard.run(id).changes > 0;
    })();
  }

  loadBoardState(id: string): StoredBoardState | undefined {
    return this.db.transaction(() => {
      const snapshot = this.statements.snapshot.get(id) as Buffer | undefined;
      if (!snapshot) return undefined;
      const rows = this.statements.updates.all(id) as Array<{ seq: number; data: Buffer }>;
      return {
        snapshot: new Uint8Array(snapshot),
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? 0,
      };
    })();
  }

  /** Appends one update durably (committed when this returns); returns its sequence number. */
  appendUpdate(id: string, update: Uint8Array, now = Date.now()): number {
    return Number(this.statements.append.run(id, asBuffer(update), now).lastInsertRowid);
  }

  appendUpdates(id: string, updates: readonly Uint8Array[]): number {
    if (updates.length === 1) return this.appendUpdate(id, updates[0]!);
    return this.db.transaction(() => {
      let seq = 0;
      for (const update of updates) seq = this.appendUpdate(id, update);
      return seq;
    })();
  }

  /** One writer (this process): its document holds everything stored, so `build` gets `undefined`. */
  foldUpdates(id: string, upToSeq: number, build: (stored: undefined) => CompactedBoard): boolean {
    if (!this.statements.snapshot.get(id)) return false;
    const { snapshot, preview, ...counts } = build(undefined);
    this.compact(id, snapshot, upToSeq, counts, preview);
    return true;
  }

  /**
   * Replaces the snapshot with `snapshot` (which must contain every update up to `upToSeq`) and drops
   * those updates, atomically; with the new snapshot's `preview`, or dropping the old one (it would
   * describe the old snapshot).
   */
  compact(id: string, snapshot: Uint8Array, upToSeq: number, counts: BoardCounts, preview?: string): void {
    this.db.transaction(() => {
      this.statements.saveSnapshot.run({ id, snapshot: asBuffer(snapshot), upToSeq, ...counts });
      this.statements.foldUpdates.run(id, upToSeq);
      if (preview === undefined) this.statements.deletePreview.run(id);
      else this.statements.savePreview.run(id, preview);
    })();
  }

  /** Stores the preview of the board's snapshot; only call it when no update follows the snapshot. */
  savePreview(id: string, preview: string): void {
    this.statements.savePreview.run(id, preview);
  }

  /**
   * The board's preview (its content as JSON, for a first picture) when it still describes the whole
   * board: saved with the snapshot, and no update appended since.
   */
  hasCurrentPreview(id: string): boolean {
    return this.statements.hasCurrentPreview.get({ id }) !== undefined;
  }

  currentPreview(id: string): string | undefined {
    return this.statements.currentPreview.get({ id }) as string | undefined;
  }

  pendingUpdateCount(id: string): number {
    return this.statements.countUpdates.get(id) as number;
  }

  boardsWithPendingUpdates(): string[] {
    return this.statements.boardsWithUpdates.all() as string[];
  }

  close(): void {
    this.db.close();
  }
}
