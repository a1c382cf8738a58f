import type { RevisionStore } from './revision-store.ts';

/** A value now (embedded SQLite answers synchronously) or later (PostgreSQL over the network). */
export type MaybePromise<T> = T | Promise<T>;

/** Runs `next` on `value` at once when it is there, after it resolves when it is a promise. */
export function settle<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** A board's row, without its document state. Times are epoch milliseconds. */
export interface BoardRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly elementCount: number;
  readonly connectionCount: number;
}

/** What a board's document is made of in storage: the snapshot plus updates appended after it. */
export interface StoredBoardState {
  readonly snapshot: Uint8Array;
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last appended update (0 when none): compaction folds up to here. */
  readonly lastSeq: number;
}

export interface BoardCounts {
  readonly elementCount: number;
  readonly connectionCount: number;
}

/** SHA-256 hashes of a board's capabilities (the tokens themselves are never stored). */
export interface BoardAccessHashes {
  readonly editHash: string;
  readonly viewHash: string;
  readonly ownerHash: string;
}

export interface BoardAccessRecord extends BoardAccessHashes {
  readonly boardId: string;
  readonly locked: boolean;
}

export interface NewBoard extends BoardCounts {
  readonly id: string;
  readonly name: string;
  readonly snapshot: Uint8Array;
  readonly access?: BoardAccessHashes;
  readonly preview?: string;
}

/** The new snapshot a compaction writes, built by the board's room. */
export interface CompactedBoard extends BoardCounts {
  /** Must contain every update the store folds (see `BoardStore.foldUpdates`). */
  readonly snapshot: Uint8Array;
  /** The snapshot's preview; without one, the old preview is dropped (it would describe the old snapshot). */
  readonly preview?: string;
}

/**
 * Where boards, their capabilities and previews live. Two implementations are interchangeable:
 * `SqliteStore` (embedded, one process, answers synchronously) and `PgStore` (PostgreSQL, shared by
 * several instances, answers with promises). Callers treat every answer as a `MaybePromise`.
 */
export interface BoardStore {
  /** The boards' saved revisions, deleted with their board. */
  readonly revisions: RevisionStore;
  /** Several instances write to it (PostgreSQL): a board held here may have rows others appended. */
  readonly shared: boolean;
  /** Inserts a board and, when given, its capability hashes and its snapshot's preview, atomically. */
  createBoard(board: NewBoard): MaybePromise<void>;
  getBoard(id: string): MaybePromise<BoardRecord | undefined>;
  renameBoard(id: string, name: string): MaybePromise<boolean>;
  /** Deletes the board with its updates, capabilities, retired tokens and preview. */
  deleteBoard(id: string): MaybePromise<boolean>;
  loadBoardState(id: string): MaybePromise<StoredBoardState | undefined>;
  /** Appends updates durably (committed when this settles), in order; returns the last one's sequence number. */
  appendUpdates(id: string, updates: readonly Uint8Array[]): MaybePromise<number>;
  /**
   * Replaces the snapshot and drops the updates it folds, atomically, with compactions of the same
   * board serialised. `build` makes the new snapshot from the caller's document, which holds every
   * update up to `upToSeq`. A store that several writers share hands `build` what it holds now (under
   * the board's lock) so the caller can merge updates it never saw, and folds exactly those; a
   * single-writer store passes `undefined` and folds up to `upToSeq`. Resolves `false` when the board
   * is gone.
   */
  foldUpdates(
    id: string,
    upToSeq: number,
    build: (stored: StoredBoardState | undefined) => CompactedBoard,
  ): MaybePromise<boolean>;
  /** Stores the preview of the board's snapshot; only call it when no update follows the snapshot. */
  savePreview(id: string, preview: string): MaybePromise<void>;
  /** The stored preview while it still describes the whole board (no update appended since). */
  currentPreview(id: string): MaybePromise<string | undefined>;
  hasCurrentPreview(id: string): MaybePromise<boolean>;
  /** Boards with appended updates not yet folded (a crash before compaction). */
  boardsWithPendingUpdates(): MaybePromise<string[]>;
  /** The board's capability hashes; `undefined` for boards created before links existed. */
  getAccess(boardId: string): MaybePromise<BoardAccessRecord | undefined>;
  /** The board one of whose current capabilities hashes to `hash`. */
  findAccessByHash(hash: string): MaybePromise<BoardAccessRecord | undefined>;
  setLocked(boardId: string, locked: boolean): MaybePromise<void>;
  /** Replaces the edit or view link's hash; the old one is remembered so its users learn it was rotated. */
  rotateLink(boardId: string, link: 'edit' | 'view', oldHash: string, newHash: string): MaybePromise<void>;
  isRetiredHash(boardId: string, hash: string): MaybePromise<boolean>;
  close(): MaybePromise<void>;
}
