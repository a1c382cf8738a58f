import {
  type BoardFile,
  type BoardSnapshot,
  boardFileFromDoc,
  MAX_NAME_LENGTH,
  migrateBoardDoc,
  writeBoardContent,
} from '@squall/model';
import * as Y from 'yjs';
import { newBoardId } from './board-id.ts';
import { countsOf, SERVER_ORIGIN } from './rooms/board-room.ts';
import type { BoardRooms } from './rooms/board-rooms.ts';
import type { BoardRecord, SqliteStore } from './storage/sqlite-store.ts';
import { CloseCode } from './sync/close-codes.ts';

/** A board as the HTTP API returns it. */
export interface BoardSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly elementCount: number;
  readonly connectionCount: number;
  /** Clients connected right now. */
  readonly activeConnections: number;
}

export const DEFAULT_BOARD_NAME = 'Untitled board';

export class InvalidNameError extends Error {}

/** A board name from user input: trimmed, non-empty, at most the board file's name length. */
export function normaliseBoardName(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidNameError('"name" must be a string');
  const name = value.trim();
  if (name === '') throw new InvalidNameError('"name" must not be empty');
  if (name.length > MAX_NAME_LENGTH)
    throw new InvalidNameError(`"name" is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

/** Board lifecycle on top of the store and the live rooms; the HTTP API is a thin layer over this. */
export class BoardService {
  constructor(
    private readonly store: SqliteStore,
    private readonly rooms: BoardRooms,
  ) {}

  /** Creates a board seeded by the server (schema version set, optional imported content). */
  create(name: string, content?: Pick<BoardSnapshot, 'level' | 'elements' | 'connections'>): BoardSummary {
    const doc = new Y.Doc();
    try {
      migrateBoardDoc(doc, SERVER_ORIGIN);
      if (content) writeBoardContent(doc, content, SERVER_ORIGIN);
      const id = newBoardId();
      this.store.createBoard({ id, name, snapshot: Y.encodeStateAsUpdate(doc), ...countsOf(doc) });
      return this.get(id)!;
    } finally {
      doc.destroy();
    }
  }

  list(): BoardSummary[] {
    return this.store.listBoards().map((record) => this.summarise(record));
  }

  get(id: string): BoardSummary | undefined {
    const record = this.store.getBoard(id);
    return record && this.summarise(record);
  }

  rename(id: string, name: string): BoardSummary | undefined {
    return this.store.renameBoard(id, name) ? this.get(id) : undefined;
  }

  delete(id: string): boolean {
    const deleted = this.store.deleteBoard(id);
    if (deleted) this.rooms.remove(id, CloseCode.boardDeleted, 'board deleted');
    return deleted;
  }

  /** The board as a v1 board file, from memory when it is open, else from storage. */
  file(id: string): BoardFile | undefined {
    const record = this.store.getBoard(id);
    if (!record) return undefined;
    const room = this.rooms.get(id);
    if (room) return boardFileFromDoc(room.doc, record.name);
    const state = this.store.loadBoardState(id);
    if (!state) return undefined;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(doc, update);
      return boardFileFromDoc(doc, record.name);
    } finally {
      doc.destroy();
    }
  }

  private summarise(record: BoardRecord): BoardSummary {
    const room = this.rooms.get(record.id);
    const counts = room ? countsOf(room.doc) : record;
    return {
      id: record.id,
      name: record.name,
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      elementCount: counts.elementCount,
      connectionCount: counts.connectionCount,
      activeConnections: room?.peerCount ?? 0,
    };
  }
}
