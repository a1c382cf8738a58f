import type Database from 'better-sqlite3';
import { asBuffer } from './as-buffer.ts';
import type { MaybePromise } from './board-store.ts';

/** Why a revision was saved: by someone in the app (`manual`) or by an export through the API (`export`). */
export type RevisionTrigger = 'manual' | 'export';

/** A saved revision, without its state. Times are epoch milliseconds. */
export interface RevisionRecord {
  readonly boardId: string;
  /** 1, 2, 3… per board; never reused, even after a revision is deleted. */
  readonly rev: number;
  readonly name: string;
  readonly trigger: RevisionTrigger;
  readonly createdAt: number;
  readonly elementCount: number;
  readonly connectionCount: number;
  /** SHA-256 of the board's content (level, elements, connections): equal content, equal hash. */
  readonly contentHash: string;
  /** The contracts' version (semver) an export revision was exported with; `undefined` for manual ones. */
  readonly version: string | undefined;
  /** Bytes the stored state takes. */
  readonly storedBytes: number;
}

export interface NewRevision {
  readonly name: string;
  readonly trigger: RevisionTrigger;
  /** The board's content as a compressed Yjs update (see revision-state.ts). */
  readonly state: Uint8Array;
  readonly contentHash: string;
  readonly version?: string;
  readonly elementCount: number;
  readonly connectionCount: number;
}

export interface RevisionRow {
  board_id: string;
  rev: number;
  name: string;
  trigger: RevisionTrigger;
  /** A string from PostgreSQL (BIGINT). */
  created_at: number | string;
  element_count: number;
  connection_count: number;
  content_hash: string;
  version: string | null;
  stored_bytes: number;
}

export const REVISION_COLUMNS = `board_id, rev, name, trigger, created_at, element_count, connection_count, content_hash,
  version, length(state) AS stored_bytes`;

export function toRevisionRecord(row: RevisionRow): RevisionRecord {
  return {
    boardId: row.board_id,
    rev: row.rev,
    name: row.name,
    trigger: row.trigger,
    createdAt: Number(row.created_at),
    elementCount: row.element_count,
    connectionCount: row.connection_count,
    contentHash: row.content_hash,
    version: row.version ?? undefined,
    storedBytes: row.stored_bytes,
  };
}

export type SaveRevisionResult =
  | { readonly ok: true; readonly revision: RevisionRecord; readonly pruned: number | undefined }
  | { readonly ok: false; readonly reason: 'limit' };

/**
 * Where named revisions of boards live, next to the boards (`BoardStore.revisions`). A board's
 * revisions go when the board is deleted (the board store's `deleteBoard` removes them).
 */
export interface RevisionStore {
  /**
   * Saves a revision as the board's next number, atomically. At `limit` revisions the oldest export
   * revision makes room (its number is returned as `pruned`); when every revision is a manual one,
   * nothing is saved.
   */
  save(boardId: string, revision: NewRevision, limit: number): MaybePromise<SaveRevisionResult>;
  /** Newest first. */
  list(boardId: string): MaybePromise<RevisionRecord[]>;
  get(boardId: string, rev: number): MaybePromise<RevisionRecord | undefined>;
  latestExport(boardId: string): MaybePromise<RevisionRecord | undefined>;
  state(boardId: string, rev: number): MaybePromise<Uint8Array | undefined>;
  delete(boardId: string, rev: number): MaybePromise<boolean>;
}

/** The revision tables, shared by the SQLite and PostgreSQL stores (`BLOB` is `BYTEA` there). */
export function revisionSchema(blob: 'BLOB' | 'BYTEA'): string {
  return `
CREATE TABLE IF NOT EXISTS board_revisions (
  board_id TEXT NOT NULL,
  rev INTEGER NOT NULL,
  name TEXT NOT NULL,
  trigger TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  element_count INTEGER NOT NULL,
  connection_count INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  version TEXT,
  state ${blob} NOT NULL,
  PRIMARY KEY (board_id, rev)
);
CREATE TABLE IF NOT EXISTS board_revision_counters (
  board_id TEXT PRIMARY KEY,
  last_rev INTEGER NOT NULL
);
`;
}

/** Tables a board's revisions live in (the board stores delete from them with the board). */
export const REVISION_TABLES = ['board_revisions', 'board_revision_counters'] as const;

/** Named revisions of boards, in the boards' SQLite file; each method is one statement or transaction. */
export class SqliteRevisionStore implements RevisionStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(revisionSchema('BLOB'));
    this.statements = {
      nextRev: db
        .prepare(
          `INSERT INTO board_revision_counters (board_id, last_rev) VALUES (?, 1)
         ON CONFLICT (board_id) DO UPDATE SET last_rev = last_rev + 1 RETURNING last_rev`,
        )
        .pluck(),
      insert: db.prepare(
        `INSERT INTO board_revisions (board_id, rev, name, trigger, created_at, element_count,
           connection_count, content_hash, version, state)
         VALUES (@boardId, @rev, @name, @trigger, @createdAt, @elementCount, @connectionCount,
           @contentHash, @version, @state)`,
      ),
      count: db.prepare('SELECT count(*) FROM board_revisions WHERE board_id = ?').pluck(),
      oldestExport: db
        .prepare(
          `SELECT rev FROM board_revisions WHERE board_id = ? AND trigger = 'export' ORDER BY rev LIMIT 1`,
        )
        .pluck(),
      list: db.prepare(
        `SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = ? ORDER BY rev DESC`,
      ),
      get: db.prepare(`SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = ? AND rev = ?`),
      latestExport: db.prepare(
        `SELECT ${REVISION_COLUMNS} FROM board_revisions WHERE board_id = ? AND trigger = 'export' ORDER BY rev DESC LIMIT 1`,
      ),
      state: db.prepare('SELECT state FROM board_revisions WHERE board_id = ? AND rev = ?').pluck(),
      delete: db.prepare('DELETE FROM board_revisions WHERE board_id = ? AND rev = ?'),
      deleteBoard: db.prepare('DELETE FROM board_revisions WHERE board_id = ?'),
      deleteCounter: db.prepare('DELETE FROM board_revision_counters WHERE board_id = ?'),
    };
  }

  save(boardId: string, revision: NewRevision, limit: number, now = Date.now()): SaveRevisionResult {
    return this.db.transaction((): SaveRevisionResult => {
      let pruned: number | undefined;
      if ((this.statements.count.get(boardId) as number) >= limit) {
        pruned = this.statements.oldestExport.get(boardId) as number | undefined;
        if (pruned === undefined) return { ok: false, reason: 'limit' };
        this.statements.delete.run(boardId, pruned);
      }
      const rev = this.statements.nextRev.get(boardId) as number;
      this.statements.insert.run({
        boardId,
        rev,
        name: revision.name,
        trigger: revision.trigger,
        createdAt: now,
        elementCount: revision.elementCount,
        connectionCount: revision.connectionCount,
        contentHash: revision.contentHash,
        version: revision.version ?? null,
        state: asBuffer(revision.state),
      });
      return { ok: true, revision: this.get(boardId, rev)!, pruned };
    })();
  }

  list(boardId: string): RevisionRecord[] {
    return (this.statements.list.all(boardId) as RevisionRow[]).map(toRevisionRecord);
  }

  get(boardId: string, rev: number): RevisionRecord | undefined {
    const row = this.statements.get.get(boardId, rev) as RevisionRow | undefined;
    return row && toRevisionRecord(row);
  }

  latestExport(boardId: string): RevisionRecord | undefined {
    const row = this.statements.latestExport.get(boardId) as RevisionRow | undefined;
    return row && toRevisionRecord(row);
  }

  state(boardId: string, rev: number): Uint8Array | undefined {
    const state = this.statements.state.get(boardId, rev) as Buffer | undefined;
    return state && new Uint8Array(state);
  }

  delete(boardId: string, rev: number): boolean {
    return this.statements.delete.run(boardId, rev).changes > 0;
  }

  /** Every revision of a board and its counter (the board is being deleted). */
  deleteBoard(boardId: string): void {
    this.statements.deleteBoard.run(boardId);
    this.statements.deleteCounter.run(boardId);
  }
}
